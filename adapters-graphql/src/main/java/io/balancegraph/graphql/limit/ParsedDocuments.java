package io.balancegraph.graphql.limit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Remembers documents that parsed, passed the document limits and validated, so a client sending the same query
 * again (every dashboard refresh) skips parsing and validation. Keyed by the query and the operation name, since
 * {@link QueryLimits} checks the name against the document while parsing. Documents with errors are not kept:
 * they are cheap to refuse again, and a flood of distinct bad queries must not push the good ones out.
 */
public final class ParsedDocuments implements PreparsedDocumentProvider {

    static final int MAX_DOCUMENTS = 1_000;

    private final Cache<Key, PreparsedDocumentEntry> documents = Caffeine.newBuilder().maximumSize(MAX_DOCUMENTS).build();

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                                                                      Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        Key key = new Key(input.getQuery(), input.getOperationName());
        PreparsedDocumentEntry known = documents.getIfPresent(key);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
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

    private record Key(String query, String operationName) {
    }
}
