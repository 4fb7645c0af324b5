package io.balancegraph.graphql.paging;

import io.balancegraph.domain.query.Page;
import io.balancegraph.domain.transaction.BalanceTransaction;

import java.util.List;

/** A page of transactions as a Relay connection; {@code readAt} comes from the fields' local context. */
public record TransactionConnection(List<Edge> edges, PageInfo pageInfo) {

    /** The connection of a page, each edge with a cursor of the listing's scope. */
    public static TransactionConnection of(Page<BalanceTransaction> page, TransactionCursors cursors, String scope) {
        List<Edge> edges = page.items().stream().map(t -> new Edge(cursors.encode(t.id(), scope), t)).toList();
        return new TransactionConnection(edges, new PageInfo(page.hasOlder(), page.hasNewer(),
                edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
    }

    public List<BalanceTransaction> nodes() {
        return edges.stream().map(Edge::node).toList();
    }

    record Edge(String cursor, BalanceTransaction node) {
    }

    /** Next means older (the list runs newest first), previous means newer. */
    record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }
}
