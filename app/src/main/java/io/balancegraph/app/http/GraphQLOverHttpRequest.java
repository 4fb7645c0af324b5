package io.balancegraph.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpParameters;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One GraphQL-over-HTTP request as the spec defines its parameters: {@code query} (a string), and optionally
 * {@code operationName} (a string), {@code variables} and {@code extensions} (maps). It is built from a POST body
 * or from GET query parameters, and refuses (400) anything else, one clear message per mistake. The document itself
 * is left to the engine, which parses it once, with the configured limits.
 *
 * @param query         the GraphQL document
 * @param operationName the operation to run, {@code null} when the document has one
 * @param variables     the variables, empty when none were sent
 * @param extensions    the extensions, empty when none were sent (accepted, not used)
 */
public record GraphQLOverHttpRequest(String query, String operationName, Map<String, Object> variables,
                                     Map<String, Object> extensions) {

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
}
