package io.balancegraph.graphql.limit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.parser.ParserOptions;
import io.balancegraph.graphql.GraphQLSettings;
import io.balancegraph.graphql.QueriesOnly;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The one place a request's document is parsed: with the configured parser limits (characters, tokens, whitespace
 * tokens, rule depth), once, and not at all when the same document was parsed, passed {@link QueryLimits}' checks
 * and validated before (every dashboard refresh). Keyed by what those checks depend on: the query, the operation
 * name and whether the request may run queries only. Documents with errors are not kept: they are cheap to refuse
 * again, and a flood of distinct bad queries must not push the good ones out.
 */
public final class ParsedDocuments implements PreparsedDocumentProvider {

    static final int MAX_DOCUMENTS = 1_000;

    private final ParserOptions parserOptions;
    private final Cache<Key, PreparsedDocumentEntry> documents = Caffeine.newBuilder().maximumSize(MAX_DOCUMENTS).build();

    public ParsedDocuments(GraphQLSettings settings) {
        this.parserOptions = ParserOptions.getDefaultOperationParserOptions().transform(options -> options
                .maxCharacters(settings.getMaxCharacters())
                .maxTokens(settings.getMaxTokens())
                .maxWhitespaceTokens(settings.getMaxWhitespaceTokens())
                .maxRuleDepth(settings.getMaxRuleDepth()));
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                                                                      Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        Key key = new Key(input.getQuery(), input.getOperationName(), QueriesOnly.isStoredIn(input.getGraphQLContext()));
        PreparsedDocumentEntry known = documents.getIfPresent(key);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        // graphql-java's parser reads its options from the request's context.
        input.getGraphQLContext().put(ParserOptions.class, parserOptions);
        PreparsedDocumentEntry parsed = parseAndValidate.apply(input);
        if (!parsed.hasErrors()) {
            documents.put(key, parsed);
        }
        return CompletableFuture.completedFuture(parsed);
    }

    long size() {
        documents.cleanUp();
        return documents.estimatedSize();
    }

    private record Key(String query, String operationName, boolean queriesOnly) {
    }
}
