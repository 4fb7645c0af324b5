package io.balancegraph.graphql.error;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.InvalidSyntaxError;
import graphql.execution.UnknownOperationException;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.introspection.GoodFaithIntrospection;
import graphql.introspection.IntrospectionDisabledError;
import graphql.validation.ValidationError;
import io.balancegraph.graphql.ErrorCode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Gives every error of a result an {@code extensions.code}, in one place: the errors our fields and limits raise
 * already have one; those graphql-java raises itself (parse and validation failures, variable coercion, an
 * unknown {@code operationName}, disabled introspection, a null in a non-null field) get theirs here.
 */
public final class ErrorCoding extends SimplePerformantInstrumentation {

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                                                                        InstrumentationExecutionParameters parameters,
                                                                        InstrumentationState state) {
        if (result.getErrors().isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        List<GraphQLError> coded = result.getErrors().stream().map(ErrorCoding::coded).toList();
        return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(coded)));
    }

    static GraphQLError coded(GraphQLError error) {
        Map<String, Object> extensions = error.getExtensions();
        if (extensions != null && extensions.get("code") != null) {
            return error;
        }
        ErrorCode code = codeOf(error);
        Map<String, Object> withCode = new LinkedHashMap<>();
        withCode.put("code", code.name());
        if (extensions != null) {
            withCode.putAll(extensions);
        }
        String message = error.getMessage();
        if (code == ErrorCode.INTERNAL) {
            // An error nobody coded is a bug: its text may quote internals, so only the log sees it.
            FieldErrors.Coded internal = FieldErrors.internal(new IllegalStateException(message));
            message = internal.message();
            withCode.putAll(internal.extensions());
        }
        return GraphqlErrorBuilder.newError()
                .message(message)
                .locations(error.getLocations())
                .path(error.getPath())
                .errorType(error.getErrorType())
                .extensions(withCode)
                .build();
    }

    static ErrorCode codeOf(GraphQLError error) {
        if (error instanceof InvalidSyntaxError) {
            return ErrorCode.GRAPHQL_PARSE_FAILED;
        }
        if (error instanceof ValidationError) {
            return ErrorCode.GRAPHQL_VALIDATION_FAILED;
        }
        if (error instanceof UnknownOperationException) {
            return ErrorCode.OPERATION_RESOLUTION_FAILURE;
        }
        if (error instanceof IntrospectionDisabledError) {
            return ErrorCode.INTROSPECTION_DISABLED;
        }
        if (error instanceof GoodFaithIntrospection.BadFaithIntrospectionError) {
            return ErrorCode.QUERY_TOO_COMPLEX;
        }
        if (error.getErrorType() == ErrorType.ValidationError) {
            // Variables that do not coerce to their types: the client's input, not the document.
            return ErrorCode.BAD_USER_INPUT;
        }
        if (error.getErrorType() == ErrorType.InvalidSyntax) {
            return ErrorCode.GRAPHQL_PARSE_FAILED;
        }
        return ErrorCode.INTERNAL;
    }
}
