package io.balancegraph.graphql.limit;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLSchema;
import io.balancegraph.domain.text.Echo;
import io.balancegraph.graphql.ErrorCode;
import io.balancegraph.graphql.error.FieldErrors;

import java.util.List;
import java.util.Locale;

/**
 * Picks the operation a request runs from its parsed document, or refuses the request. graphql-java would fail
 * the whole execution (no result: an HTTP 500) when {@code operationName} names no operation, or when the
 * operation is a mutation or subscription the schema does not have, so these are refused here with coded errors:
 * <ul>
 *   <li>no operation, an unknown name, or several operations and no name: {@code OPERATION_RESOLUTION_FAILURE};</li>
 *   <li>a request marked queries-only (a GET) whose operation is not a query: {@code OPERATION_NOT_ALLOWED},
 *       with {@code extensions.operation};</li>
 *   <li>any mutation (or subscription) in the document the schema has no type for: {@code GRAPHQL_VALIDATION_FAILED}.</li>
 * </ul>
 */
final class RunnableOperation {

    private RunnableOperation() {
    }

    static void check(Document document, String operationName, GraphQLSchema schema, boolean queriesOnly) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        OperationDefinition chosen = choose(operations, operationName);
        if (queriesOnly && chosen.getOperation() != OperationDefinition.Operation.QUERY) {
            String kind = kind(chosen.getOperation());
            throw QueryLimits.abort(new FieldErrors.Coded(ErrorCode.OPERATION_NOT_ALLOWED,
                    "This request may run queries only, and its operation is a " + kind).with("operation", kind));
        }
        for (OperationDefinition operation : operations) {
            OperationDefinition.Operation kind = operation.getOperation();
            if (kind == OperationDefinition.Operation.MUTATION && schema.getMutationType() == null
                    || kind == OperationDefinition.Operation.SUBSCRIPTION && schema.getSubscriptionType() == null) {
                throw QueryLimits.abort(new FieldErrors.Coded(ErrorCode.GRAPHQL_VALIDATION_FAILED,
                        "This server has no " + kind(kind) + "s"));
            }
        }
    }

    private static OperationDefinition choose(List<OperationDefinition> operations, String operationName) {
        boolean named = operationName != null && !operationName.isEmpty();
        if (operations.isEmpty()) {
            throw unresolved("The document has no operation to run");
        }
        if (named) {
            return operations.stream()
                    .filter(operation -> operationName.equals(operation.getName()))
                    .findFirst()
                    .orElseThrow(() -> unresolved("The document has no operation named '" + Echo.shorten(operationName) + "'"));
        }
        if (operations.size() > 1) {
            throw unresolved("The document has " + operations.size() + " operations: name the one to run in operationName");
        }
        return operations.get(0);
    }

    private static RuntimeException unresolved(String problem) {
        return QueryLimits.abort(new FieldErrors.Coded(ErrorCode.OPERATION_RESOLUTION_FAILURE, problem));
    }

    private static String kind(OperationDefinition.Operation operation) {
        return operation.name().toLowerCase(Locale.ROOT);
    }
}
