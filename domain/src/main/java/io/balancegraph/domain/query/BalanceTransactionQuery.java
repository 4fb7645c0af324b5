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

    /** The smallest page Stripe lists. */
    public static final int MIN_LIMIT = 1;
    /** The largest page Stripe lists. */
    public static final int MAX_LIMIT = 100;
    /** Stripe's page size when none is given. */
    public static final int DEFAULT_LIMIT = 10;

    /**
     * Checks the page size and the ids; an absent range or position means any time and the top of the list.
     *
     * @param created      creation-time range, or {@code null} for any
     * @param currency     only this currency, or {@code null}
     * @param type         only this type, or {@code null}
     * @param payout       only transactions paid out in this payout, or {@code null}
     * @param source       only transactions of this source object, or {@code null}
     * @param limit        page size, {@value #MIN_LIMIT} to {@value #MAX_LIMIT}
     * @param position     where the page starts, or {@code null} for the top
     * @param expandSource whether the source objects should be read in full
     * @throws InvalidQueryException naming the part at fault
     */
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

    /** {@return the first page of everything, ten transactions} */
    public static BalanceTransactionQuery firstPage() {
        return builder().build();
    }

    /** {@return a builder with no filter, {@value #DEFAULT_LIMIT} a page, from the top} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return the same query starting elsewhere: the next or previous page}
     *
     * @param newPosition where the page starts
     */
    public BalanceTransactionQuery withPosition(Position newPosition) {
        return new BalanceTransactionQuery(created, currency, type, payout, source, limit, newPosition, expandSource);
    }

    /**
     * {@return the same query over another creation-time range}
     *
     * @param newCreated the range; {@code null} for any time
     */
    public BalanceTransactionQuery withCreated(CreatedFilter newCreated) {
        return new BalanceTransactionQuery(newCreated, currency, type, payout, source, limit, position, expandSource);
    }

    /**
     * {@return the same query with another page size}
     *
     * @param newLimit page size, {@value #MIN_LIMIT} to {@value #MAX_LIMIT}
     * @throws InvalidQueryException when it is out of range
     */
    public BalanceTransactionQuery withLimit(int newLimit) {
        return new BalanceTransactionQuery(created, currency, type, payout, source, newLimit, position, expandSource);
    }

    /**
     * Whether a transaction passes the filters a transaction itself can answer: created, currency, type and
     * source. Not {@code payout}, which a transaction does not record: a source that supports that filter must
     * know which transactions each payout paid out (as {@link io.balancegraph.domain.demo.InMemoryLedger} does).
     * Position and limit are not filters either.
     *
     * @param transaction the transaction to test
     * @return whether it passes
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

        /**
         * {@return this builder}
         *
         * @param created only transactions created in this range ({@link CreatedFilter#ANY} by default)
         */
        public Builder created(CreatedFilter created) {
            this.created = created;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param currency only transactions in this currency, or {@code null} for all
         */
        public Builder currency(Currency currency) {
            this.currency = currency;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param type only transactions of this type, or {@code null} for all
         */
        public Builder type(TransactionType type) {
            this.type = type;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param payoutId only transactions paid out in this payout ({@code po_...}), or {@code null}
         */
        public Builder payout(String payoutId) {
            this.payout = payoutId;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param sourceId only transactions of this source object ({@code ch_...}, ...), or {@code null}
         */
        public Builder source(String sourceId) {
            this.source = sourceId;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param limit page size, {@value #MIN_LIMIT} to {@value #MAX_LIMIT} ({@value #DEFAULT_LIMIT} by default)
         */
        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /**
         * Start after this transaction: the page holds older ones.
         *
         * @param transactionId the {@code txn_} id ({@code starting_after})
         * @return this builder
         */
        public Builder after(String transactionId) {
            this.after = transactionId;
            return this;
        }

        /**
         * Start before this transaction: the page holds newer ones.
         *
         * @param transactionId the {@code txn_} id ({@code ending_before})
         * @return this builder
         */
        public Builder before(String transactionId) {
            this.before = transactionId;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param expandSource whether to read the source objects in full ({@code expand[]=data.source})
         */
        public Builder expandSource(boolean expandSource) {
            this.expandSource = expandSource;
            return this;
        }

        /**
         * {@return the query}
         *
         * @throws InvalidQueryException naming the part at fault: the page size, both {@code after} and
         *                               {@code before}, an id that is not a Stripe id
         */
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
