package io.balancegraph.graphql.paging;

import io.balancegraph.domain.money.Currency;
import io.balancegraph.domain.query.BalanceTransactionQuery;
import io.balancegraph.domain.query.CreatedFilter;
import io.balancegraph.domain.query.ObjectIds;
import io.balancegraph.domain.transaction.TransactionType;
import io.balancegraph.graphql.error.BadUserInput;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

/** Reads the {@code BalanceTransactionFilter} input into a query builder, naming the input at fault when it is wrong. */
public final class TransactionFilter {

    private TransactionFilter() {
    }

    /** A builder with the filters set; {@code filter} is the coerced input object, or {@code null}. */
    public static BalanceTransactionQuery.Builder toQuery(Map<String, Object> filter) {
        BalanceTransactionQuery.Builder query = BalanceTransactionQuery.builder();
        if (filter == null) {
            return query;
        }
        query.created(created("filter.created", asMap(filter.get("created"))));
        String currency = (String) filter.get("currency");
        if (currency != null) {
            query.currency(BadUserInput.check("filter.currency", () -> Currency.of(currency)));
        }
        String type = (String) filter.get("type");
        if (type != null) {
            query.type(BadUserInput.check("filter.type", () -> TransactionType.of(type)));
        }
        String payout = (String) filter.get("payout");
        if (payout != null) {
            query.payout(BadUserInput.check("filter.payout", () -> ObjectIds.require(payout, "payout")));
        }
        String source = (String) filter.get("source");
        if (source != null) {
            query.source(BadUserInput.check("filter.source", () -> ObjectIds.require(source, "source")));
        }
        return query;
    }

    /**
     * A {@code CreatedRange} input as a filter; {@link CreatedFilter#ANY} when it is {@code null}.
     *
     * @param argument how errors name the input, e.g. {@code filter.created}
     * @throws BadUserInput when the bounds cannot be combined or no time can fall in the range
     */
    public static CreatedFilter created(String argument, Map<String, Object> range) {
        if (range == null) {
            return CreatedFilter.ANY;
        }
        Instant at = instant(range.get("at"));
        Instant gt = instant(range.get("gt"));
        Instant gte = instant(range.get("gte"));
        Instant lt = instant(range.get("lt"));
        Instant lte = instant(range.get("lte"));
        if (at != null && (gt != null || gte != null || lt != null || lte != null)) {
            throw new BadUserInput(argument + ".at", "`at` is an exact second: give it alone, without gt, gte, lt or lte");
        }
        return BadUserInput.check(argument, () -> at != null ? CreatedFilter.at(at) : new CreatedFilter(gt, gte, lt, lte));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    private static Instant instant(Object value) {
        return value == null ? null : ((OffsetDateTime) value).toInstant();
    }
}
