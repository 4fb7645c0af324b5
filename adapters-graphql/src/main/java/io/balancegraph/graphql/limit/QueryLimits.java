package io.balancegraph.graphql.limit;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.DocumentAndVariables;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.introspection.Introspection;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import io.balancegraph.graphql.ErrorCode;
import io.balancegraph.graphql.GraphQLSettings;
import io.balancegraph.graphql.QueriesOnly;
import io.balancegraph.graphql.SubscriptionsAllowed;
import io.balancegraph.graphql.error.FieldErrors;
import io.balancegraph.graphql.read.RequestReads;

import java.util.List;

/**
 * The limits every operation must keep, each refused with its own code before any field runs:
 * <ol>
 *   <li>parser limits (characters, tokens, whitespace tokens, rule depth), applied where the document is parsed
 *       ({@link ParsedDocuments}): a parse failure ({@code GRAPHQL_PARSE_FAILED});</li>
 *   <li>an operation to run, of a kind the schema and the request allow ({@link RunnableOperation});</li>
 *   <li>a subscription only in a request marked {@link SubscriptionsAllowed}, checked once the document is valid
 *       ({@code OPERATION_NOT_ALLOWED}, {@code extensions.operation}: {@code subscription});</li>
 *   <li>fields, aliases and directives counted on the parsed document, before validation ({@link DocumentLimits});</li>
 *   <li>depth and complexity ({@link QueryCost}) on the validated operation;</li>
 *   <li>at most {@code max-upstream-reads} distinct upstream reads, counted as fields run ({@link RequestReads});</li>
 *   <li>introspection off when so configured ({@code INTROSPECTION_DISABLED}); graphql-java's good-faith checks
 *       on introspection stay on.</li>
 * </ol>
 * The checks on the document run while it is parsed, so a document {@link ParsedDocuments} remembers is not
 * checked again.
 */
public final class QueryLimits {

    private QueryLimits() {
    }

    public static List<Instrumentation> of(GraphQLSettings settings) {
        return List.of(new BeforeValidation(settings), new SubscriptionsWhereAllowed(), depth(settings.getMaxDepth()),
                complexity(settings.getMaxComplexity()));
    }

    private static Instrumentation depth(int maxDepth) {
        return new MaxQueryDepthInstrumentation(maxDepth) {
            @Override
            protected AbortExecutionException mkAbortException(int depth, int max) {
                return abort(new FieldErrors.Coded(ErrorCode.QUERY_TOO_DEEP,
                        "The operation nests " + depth + " levels deep; at most " + max + " are allowed").with("limit", max));
            }
        };
    }

    private static Instrumentation complexity(int maxComplexity) {
        return new MaxQueryComplexityInstrumentation(maxComplexity, new QueryCost()) {
            @Override
            protected AbortExecutionException mkAbortException(int complexity, int max) {
                return abort(new FieldErrors.Coded(ErrorCode.QUERY_TOO_COMPLEX, "The operation costs " + complexity
                        + "; at most " + max + " is allowed (a connection costs its page size times its fields)")
                        .with("limit", max));
            }
        };
    }

    /** Ends the request with this one error, before any field runs; graphql-java answers it without {@code data}. */
    static AbortExecutionException abort(FieldErrors.Coded coded) {
        GraphQLError error = GraphqlErrorBuilder.newError()
                .message(coded.message())
                .locations(null)
                .errorType(coded.code())
                .extensions(coded.extensions())
                .build();
        return new AbortExecutionException(List.of(error));
    }

    /**
     * Refuses a subscription in a request that cannot carry its events. After validation, so that a subscription
     * that does not fit the schema is a validation error wherever it comes from.
     */
    private static final class SubscriptionsWhereAllowed extends SimplePerformantInstrumentation {
        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                             InstrumentationState state) {
            ExecutionContext execution = parameters.getExecutionContext();
            if (execution.getOperationDefinition().getOperation() == OperationDefinition.Operation.SUBSCRIPTION
                    && !SubscriptionsAllowed.isStoredIn(execution.getGraphQLContext())) {
                throw abort(new FieldErrors.Coded(ErrorCode.OPERATION_NOT_ALLOWED, "A subscription needs a connection that "
                        + "carries its events (graphql-ws over a WebSocket); this request cannot")
                        .with("operation", "subscription"));
            }
            return super.beginExecuteOperation(parameters, state);
        }
    }

    /** Sets the request's introspection switch and read budget, then checks the parsed document. */
    private static final class BeforeValidation extends SimplePerformantInstrumentation {
        private final boolean introspection;
        private final DocumentLimits documentLimits;
        private final int maxUpstreamReads;
        private final int maxSummaries;

        BeforeValidation(GraphQLSettings settings) {
            this.introspection = settings.isIntrospection();
            this.documentLimits = new DocumentLimits(settings.getMaxAliases(), settings.getMaxFields(), settings.getMaxDirectives());
            this.maxUpstreamReads = settings.getMaxUpstreamReads();
            this.maxSummaries = settings.getMaxSummaries();
        }

        @Override
        public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
                                                       InstrumentationState state) {
            GraphQLContext context = input.getGraphQLContext();
            context.put(RequestReads.MAX_READS, maxUpstreamReads);
            context.put(RequestReads.MAX_SUMMARIES, maxSummaries);
            if (!introspection) {
                context.put(Introspection.INTROSPECTION_DISABLED, true);
            }
            return input;
        }

        @Override
        public DocumentAndVariables instrumentDocumentAndVariables(DocumentAndVariables documentAndVariables,
                                                                   InstrumentationExecutionParameters parameters,
                                                                   InstrumentationState state) {
            Document document = documentAndVariables.getDocument();
            RunnableOperation.check(document, parameters.getOperation(), parameters.getSchema(),
                    QueriesOnly.isStoredIn(parameters.getGraphQLContext()));
            documentLimits.check(document).ifPresent(exceeded -> {
                throw abort(exceeded);
            });
            return documentAndVariables;
        }
    }
}
