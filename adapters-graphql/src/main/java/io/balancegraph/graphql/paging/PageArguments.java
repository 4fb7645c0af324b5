package io.balancegraph.graphql.paging;

import graphql.schema.DataFetchingEnvironment;
import io.balancegraph.domain.query.BalanceTransactionQuery;
import io.balancegraph.domain.query.InvalidQueryException;
import io.balancegraph.domain.query.Position;
import io.balancegraph.graphql.error.BadUserInput;

/**
 * The Relay paging arguments of a connection field, checked: {@code first}/{@code after} go forward (towards
 * older transactions, Stripe's {@code starting_after}), {@code last}/{@code before} backward (towards newer ones,
 * {@code ending_before}). Mixing the directions is refused, and so is {@code last} without {@code before}:
 * Stripe lists newest first and cannot start from the oldest end.
 *
 * <p>The page size is checked where every listing's is, by the domain's {@link BalanceTransactionQuery}; a size it
 * refuses is answered naming the argument it came in.
 *
 * @param backward whether the page goes backward
 * @param size     the page size asked for, {@code null} for the default
 * @param cursor   the {@code after} or {@code before} cursor, or {@code null} for the first page
 */
public record PageArguments(boolean backward, Integer size, String cursor) {

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
        return new PageArguments(backward, backward ? last : first, backward ? before : after);
    }

    /**
     * The listing with this page's size, built: the domain refuses a size outside 1..100 as {@code limit}, which is
     * answered here as the argument the size came in ({@code first} or {@code last}).
     */
    public BalanceTransactionQuery sized(BalanceTransactionQuery.Builder listing) {
        String argument = backward ? "last" : "first";
        try {
            return listing.limit(size == null ? BalanceTransactionQuery.DEFAULT_LIMIT : size).build();
        } catch (InvalidQueryException e) {
            if (!"limit".equals(e.field())) {
                throw e;
            }
            throw new BadUserInput(argument, "`" + argument + "`: " + e.getMessage());
        }
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
}
