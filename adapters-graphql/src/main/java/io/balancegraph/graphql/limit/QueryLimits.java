package io.balancegraph.graphql.limit;

import io.balancegraph.graphql.ErrorCode;
import io.balancegraph.graphql.GraphQLSettings;
import io.balancegraph.graphql.error.FieldErrors;
import io.balancegraph.graphql.read.RequestReads;

import graphql.ExecutionInput;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.DocumentAndVariables;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.introspection.Introspection;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLSchema;

import java.util.List;
import java.util.Locale;

/**
 * The limits every operation must keep, each refused with its own code before any field runs:
 * <ol>
 *   <li>an operation to run: {@code operationName} must name one, and mutations and subscriptions are refused
 *       (graphql-java would fail the whole execution instead of answering with an error);</li>
 *   <li>parser limits (characters, tokens, whitespace tokens, rule depth), set per request through graphql-java's
 *       {@code ParserOptions} in the request context: a parse failure ({@code GRAPHQL_PARSE_FAILED});</li>
 *   <li>fields, aliases and directives counted on the parsed document, before validation ({@link DocumentLimits});</li>
 *   <li>depth and complexity ({@link QueryCost}) on the validated operation;</li>
 *   <li>at most {@code max-upstream-reads} distinct upstream reads, counted as fields run ({@link RequestReads});</li>
 *   <li>introspection off when so configured ({@code INTROSPECTION_DISABLED}); graphql-java's good-faith checks
 *       on introspection stay on.</li>
 * </ol>
 */
public final class QueryLimits {

    private QueryLimits() {
    }

    public static List<Instrumentation> of(GraphQLSettings settings) {
        return List.of(new BeforeValidation(settings), depth(settings.getMaxDepth()), complexity(settings.getMaxComplexity()));
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

    static AbortExecutionException abort(FieldErrors.Coded coded) {
        GraphQLError error = GraphqlErrorBuilder.newError()
                .message(coded.message())
                .locations(null)
                .errorType(coded.code())
                .extensions(coded.extensions())
                .build();
        return new AbortExecutionException(List.of(error));
    }

    /** Sets the request's parser and introspection options, then counts the parsed document. */
    private static final class BeforeValidation extends SimplePerformantInstrumentation {
        private final ParserOptions parserOptions;
        private final boolean introspection;
        private final DocumentLimits documentLimits;
        private final int maxUpstreamReads;

        BeforeValidation(GraphQLSettings settings) {
            this.parserOptions = ParserOptions.getDefaultOperationParserOptions().transform(options -> options
                    .maxCharacters(settings.getMaxCharacters())
                    .maxTokens(settings.getMaxTokens())
                    .maxWhitespaceTokens(settings.getMaxWhitespaceTokens())
                    .maxRuleDepth(settings.getMaxRuleDepth()));
            this.introspection = settings.isIntrospection();
            this.documentLimits = new DocumentLimits(settings.getMaxAliases(), settings.getMaxFields(), settings.getMaxDirectives());
            this.maxUpstreamReads = settings.getMaxUpstreamReads();
        }

        @Override
        public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
                                                       InstrumentationState state) {
            GraphQLContext context = input.getGraphQLContext();
            context.put(ParserOptions.class, parserOptions);
            context.put(RequestReads.MAX_READS, maxUpstreamReads);
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
            requireOperation(document, parameters.getOperation(), parameters.getSchema());
            documentLimits.check(document).ifPresent(exceeded -> {
                throw abort(exceeded);
            });
            return documentAndVariables;
        }

        /**
         * graphql-java fails the whole execution (no result, an HTTP 500) when {@code operationName} names no
         * operation, or the operation is a mutation or subscription the schema does not have, so both are checked
         * here and refused with a coded error instead.
         */
        private static void requireOperation(Document document, String operationName, GraphQLSchema schema) {
            List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
            boolean named = operationName != null && !operationName.isEmpty();
            String problem = null;
            if (operations.isEmpty()) {
                problem = "The document has no operation to run";
            } else if (named && operations.stream().noneMatch(operation -> operationName.equals(operation.getName()))) {
                problem = "The document has no operation named '" + shorten(operationName) + "'";
            } else if (!named && operations.size() > 1) {
                problem = "The document has " + operations.size() + " operations: give the operationName of the one to run";
            }
            if (problem != null) {
                throw abort(new FieldErrors.Coded(ErrorCode.OPERATION_RESOLUTION_FAILURE, problem));
            }
            for (OperationDefinition operation : operations) {
                OperationDefinition.Operation kind = operation.getOperation();
                if (kind == OperationDefinition.Operation.MUTATION && schema.getMutationType() == null
                        || kind == OperationDefinition.Operation.SUBSCRIPTION && schema.getSubscriptionType() == null) {
                    throw abort(new FieldErrors.Coded(ErrorCode.GRAPHQL_VALIDATION_FAILED, "This server answers queries only: "
                            + "it has no " + kind.name().toLowerCase(Locale.ROOT) + "s"));
                }
            }
        }

        private static String shorten(String text) {
            return text.length() > 40 ? text.substring(0, 40) + "…" : text;
        }
    }
}
