package io.balancegraph.domain.query;

import io.balancegraph.domain.money.Currency;
import io.balancegraph.domain.transaction.BalanceTransaction;
import io.balancegraph.domain.transaction.TransactionType;

import java.util.Objects;

/**
 * One page's worth of a balance-transaction listing: the filters Stripe's list endpoint takes, the page
 * size and the position. Immutable and valid by construction; build one with {@link #builder()}, derive
 * the next with the {@code with...} methods.
 *
 * @param created      creation-time range
 * @param currency     only this currency, or {@code null}
 * @param type         only this type, or {@code null}
 * @param payout       only transactions paid out in this payout ({@code po_...}), or {@code null}
 * @param source       only transactions of this source object, or {@code null}
 * @param limit        page size, 1 to 100
 * @param position     where the page starts
 * @param expandSource whether the source objects should be read in full ({@code expand[]=data.source})
 */
public record BalanceTransactionQuery(
        CreatedFilter created,
        Currency currency,
        TransactionType type,
        String payout,
        String source,
        int limit,
        Position position,
        boolean expandSource) {

    public static final int MIN_LIMIT = 1;
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 10;

    public BalanceTransactionQuery {
        created = Objects.requireNonNullElse(created, CreatedFilter.ANY);
        position = Objects.requireNonNullElse(position, Position.START);
        if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
            throw new InvalidQueryException("limit", "page size must be between " + MIN_LIMIT + " and " + MAX_LIMIT + ", not " + limit);
        }
        if (payout != null) {
            ObjectIds.require(payout, "payout");
        }
        if (source != null) {
            ObjectIds.require(source, "source");
        }
    }

    /** The first page of everything, ten transactions. */
    public static BalanceTransactionQuery firstPage() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public BalanceTransactionQuery withPosition(Position newPosition) {
        return new BalanceTransactionQuery(created, currency, type, payout, source, limit, newPosition, expandSource);
    }

    public BalanceTransactionQuery withCreated(CreatedFilter newCreated) {
        return new BalanceTransactionQuery(newCreated, currency, type, payout, source, limit, position, expandSource);
    }

    public BalanceTransactionQuery withLimit(int newLimit) {
        return new BalanceTransactionQuery(created, currency, type, payout, source, newLimit, position, expandSource);
    }

    /**
     * Whether a transaction passes the filters a transaction itself can answer: created, currency, type and
     * source. Not {@code payout}, which a transaction does not record: a source that supports that filter must
     * know which transactions each payout paid out (as {@link io.balancegraph.domain.demo.InMemoryLedger} does).
     * Position and limit are not filters either.
     */
    public boolean matches(BalanceTransaction transaction) {
        return created.matches(transaction.created())
                && (currency == null || transaction.currency().equals(currency))
                && (type == null || transaction.type().equals(type))
                && (source == null || (transaction.source() != null && transaction.source().id().equals(source)));
    }

    /** Builds a query; {@link #build()} validates the combination and says what is wrong. */
    public static final class Builder {
        private CreatedFilter created = CreatedFilter.ANY;
        private Currency currency;
        private TransactionType type;
        private String payout;
        private String source;
        private int limit = DEFAULT_LIMIT;
        private String after;
        private String before;
        private boolean expandSource;

        private Builder() {
        }

        public Builder created(CreatedFilter created) {
            this.created = created;
            return this;
        }

        public Builder currency(Currency currency) {
            this.currency = currency;
            return this;
        }

        public Builder type(TransactionType type) {
            this.type = type;
            return this;
        }

        public Builder payout(String payoutId) {
            this.payout = payoutId;
            return this;
        }

        public Builder source(String sourceId) {
            this.source = sourceId;
            return this;
        }

        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /** Start after this transaction (older ones). */
        public Builder after(String transactionId) {
            this.after = transactionId;
            return this;
        }

        /** Start before this transaction (newer ones). */
        public Builder before(String transactionId) {
            this.before = transactionId;
            return this;
        }

        public Builder expandSource(boolean expandSource) {
            this.expandSource = expandSource;
            return this;
        }

        public BalanceTransactionQuery build() {
            if (after != null && before != null) {
                throw new InvalidQueryException("position", "a page starts after an id or before one, never both");
            }
            Position position = after != null ? Position.after(after)
                    : before != null ? Position.before(before) : Position.START;
            return new BalanceTransactionQuery(created, currency, type, payout, source, limit, position, expandSource);
        }
    }
}
