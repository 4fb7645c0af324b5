package io.balancegraph.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import io.micronaut.http.HttpParameters;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One GraphQL-over-HTTP request as the spec defines its parameters: {@code query} (a string), and optionally
 * {@code operationName} (a string), {@code variables} and {@code extensions} (maps). It is built from a POST body
 * or from GET query parameters, and refuses (400) anything else, one clear message per mistake.
 *
 * @param query         the GraphQL document
 * @param operationName the operation to run, {@code null} when the document has one
 * @param variables     the variables, empty when none were sent
 * @param extensions    the extensions, empty when none were sent (accepted, not used)
 */
public record GraphQLOverHttpRequest(String query, String operationName, Map<String, Object> variables,
                                     Map<String, Object> extensions) {

    private static final int MAX_ECHO = 40;

    /** A POST body: a JSON object with the parameters. */
    public static GraphQLOverHttpRequest fromJsonBody(byte[] body) {
        if (body == null || new String(body, StandardCharsets.UTF_8).isBlank()) {
            throw RejectedRequestException.badRequest(
                    "The request body is empty: send a JSON object such as {\"query\": \"{ balance { livemode } }\"}.");
        }
        JsonNode json = GraphQLJson.read(body, "The request body");
        if (json.isArray()) {
            throw RejectedRequestException.badRequest(
                    "Batching is not supported: send one JSON object with one \"query\" per request.");
        }
        if (!json.isObject()) {
            throw RejectedRequestException.badRequest(
                    "The request body must be a JSON object such as {\"query\": \"{ balance { livemode } }\"}.");
        }
        JsonNode query = json.get("query");
        if (query == null || query.isNull()) {
            throw RejectedRequestException.badRequest("The request has no \"query\": send the GraphQL document as a string.");
        }
        return new GraphQLOverHttpRequest(
                string("query", query),
                optionalString("operationName", json.get("operationName")),
                map("variables", json.get("variables")),
                map("extensions", json.get("extensions")));
    }

    /** A GET: the parameters in the query string, {@code variables} and {@code extensions} as JSON text. */
    public static GraphQLOverHttpRequest fromQueryParameters(HttpParameters parameters) {
        String query = single(parameters, "query");
        if (query == null) {
            throw RejectedRequestException.badRequest("The request has no \"query\" parameter: send ?query={ balance { livemode } }.");
        }
        String operationName = single(parameters, "operationName");
        return new GraphQLOverHttpRequest(
                query,
                operationName == null || operationName.isBlank() ? null : operationName,
                mapParameter(parameters, "variables"),
                mapParameter(parameters, "extensions"));
    }

    /**
     * The kind of operation this request runs, read from the document before it is executed; empty when the
     * document does not parse (execution then reports the syntax error as GraphQL errors do).
     *
     * @throws RejectedRequestException 400 when {@code operationName} names no operation of the document, or when
     *                                  the document has several operations and none is named
     */
    public Optional<OperationDefinition.Operation> operationKind() {
        Document document;
        try {
            document = Parser.parse(ParserEnvironment.newParserEnvironment()
                    .document(query)
                    .parserOptions(ParserOptions.getDefaultOperationParserOptions())
                    .build());
        } catch (InvalidSyntaxException syntaxError) {
            return Optional.empty();
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (operationName != null) {
            return Optional.of(operations.stream()
                    .filter(operation -> operationName.equals(operation.getName()))
                    .findFirst()
                    .orElseThrow(() -> RejectedRequestException.badRequest(
                            "The document has no operation named '" + echo(operationName) + "' (operationName).")))
                    .map(OperationDefinition::getOperation);
        }
        if (operations.size() > 1) {
            throw RejectedRequestException.badRequest("The document has " + operations.size()
                    + " operations: name the one to run in \"operationName\".");
        }
        return operations.stream().findFirst().map(OperationDefinition::getOperation);
    }

    private static String string(String name, JsonNode value) {
        if (!value.isTextual()) {
            throw RejectedRequestException.badRequest("\"" + name + "\" must be a string, not " + kind(value) + ".");
        }
        return value.asText();
    }

    private static String optionalString(String name, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        String text = string(name, value);
        return text.isBlank() ? null : text;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String name, JsonNode value) {
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw RejectedRequestException.badRequest("\"" + name + "\" must be a JSON object, not " + kind(value) + ".");
        }
        return (Map<String, Object>) GraphQLJson.toJava(value);
    }

    private static Map<String, Object> mapParameter(HttpParameters parameters, String name) {
        String json = single(parameters, name);
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        return map(name, GraphQLJson.read(json.getBytes(StandardCharsets.UTF_8), "The \"" + name + "\" parameter"));
    }

    private static String single(HttpParameters parameters, String name) {
        List<String> values = parameters.getAll(name);
        if (values.size() > 1) {
            throw RejectedRequestException.badRequest("The \"" + name + "\" parameter is given " + values.size() + " times: give it once.");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private static String kind(JsonNode value) {
        return switch (value.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            default -> "null";
        };
    }

    private static String echo(String text) {
        return text.length() > MAX_ECHO ? text.substring(0, MAX_ECHO) + "…" : text;
    }
}
