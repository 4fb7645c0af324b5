package io.balancegraph.graphql.fetch;

import graphql.schema.DataFetchingFieldSelectionSet;

import java.util.Set;

/**
 * Looks ahead at a query's selection to decide whether transaction sources must be expanded: Stripe gives a
 * source's id without {@code expand[]}, and the id alone tells its object type, so only the other fields cost
 * the expansion.
 */
public final class SourceSelection {

    private static final Set<String> FROM_THE_ID = Set.of("id", "object", "__typename");

    private SourceSelection() {
    }

    /**
     * @param sourcePaths glob paths to the source's fields below the current field, e.g. {@code nodes/source/*}
     */
    static boolean needsExpansion(DataFetchingFieldSelectionSet selection, String sourcePath, String... sourcePaths) {
        return selection.getFields(sourcePath, sourcePaths).stream()
                .anyMatch(field -> !FROM_THE_ID.contains(field.getName()));
    }
}
