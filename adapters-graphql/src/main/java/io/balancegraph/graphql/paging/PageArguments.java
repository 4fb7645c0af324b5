package io.balancegraph.graphql.paging;

import io.balancegraph.graphql.error.BadUserInput;

import graphql.schema.DataFetchingEnvironment;
import io.balancegraph.domain.query.BalanceTransactionQuery;
import io.balancegraph.domain.query.Position;

/**
 * The Relay paging arguments of a connection field, checked: {@code first}/{@code after} go forward (towards
 * older transactions, Stripe's {@code starting_after}), {@code last}/{@code before} backward (towards newer ones,
 * {@code ending_before}). Mixing the directions is refused, and so is {@code last} without {@code before}:
 * Stripe lists newest first and cannot start from the oldest end.
 *
 * @param backward whether the page goes backward
 * @param size     the page size, 1 to 100
 * @param cursor   the {@code after} or {@code before} cursor, or {@code null} for the first page
 */
public record PageArguments(boolean backward, int size, String cursor) {

    public static PageArguments of(DataFetchingEnvironment env) {
        Integer first = env.getArgument("first");
        Integer last = env.getArgument("last");
        String after = env.getArgument("after");
        String before = env.getArgument("before");
        if (first != null && last != null) {
            throw new BadUserInput("last", "Give `first` (forward) or `last` (backward), not both");
        }
        if (after != null && before != null) {
            throw new BadUserInput("before", "Give `after` (forward) or `before` (backward), not both");
        }
        if (first != null && before != null) {
            throw new BadUserInput("before", "`first` pages forward from `after`; to read the page before a cursor, "
                    + "give `last` with `before`");
        }
        if (last != null && after != null) {
            throw new BadUserInput("after", "`last` pages backward from `before`; to read the page after a cursor, "
                    + "give `first` with `after`");
        }
        if (last != null && before == null) {
            throw new BadUserInput("last", "`last` needs a `before` cursor: Stripe lists newest first and cannot start "
                    + "from the oldest end; page forward with `first` instead");
        }
        boolean backward = before != null;
        int size = backward ? size("last", last) : size("first", first);
        return new PageArguments(backward, size, backward ? before : after);
    }

    /** The argument the cursor came in. */
    public String cursorArgument() {
        return backward ? "before" : "after";
    }

    /** Where the page starts, given the transaction id the cursor holds (or {@code null} for the first page). */
    public Position position(String transactionId) {
        if (transactionId == null) {
            return Position.START;
        }
        return backward ? Position.before(transactionId) : Position.after(transactionId);
    }

    private static int size(String argument, Integer requested) {
        if (requested == null) {
            return BalanceTransactionQuery.DEFAULT_LIMIT;
        }
        if (requested < BalanceTransactionQuery.MIN_LIMIT || requested > BalanceTransactionQuery.MAX_LIMIT) {
            throw new BadUserInput(argument, "`" + argument + "` must be between " + BalanceTransactionQuery.MIN_LIMIT
                    + " and " + BalanceTransactionQuery.MAX_LIMIT + ", not " + requested);
        }
        return requested;
    }
}
