package io.balancegraph.domain.port;

import io.balancegraph.domain.blocking.BlockingLedger;

/**
 * All the reads of one source of balance data (Stripe, the demo ledger), for wiring that wants one object.
 * Code that needs one question should depend on that port alone.
 *
 * <p>Every read returns a {@link java.util.concurrent.CompletionStage} at once; {@link #blocking()} gives the
 * same reads answered in the calling thread, throwing the typed failures.
 */
public interface BalanceLedger extends ReadBalancePort, ListBalanceTransactionsPort, GetBalanceTransactionPort {

    /** {@return this ledger's reads in the calling thread, throwing each failure as its own {@link io.balancegraph.domain.error.UpstreamException}} */
    default BlockingLedger blocking() {
        return BlockingLedger.of(this);
    }

    /**
     * {@return this ledger's reads for bulk work, such as a walk over many pages and the balance a summary reads
     * beside it: where the ledger has a budget of requests (Stripe's rate limit), their calls take only a share of it
     * while interactive reads ask, and queue behind them; a ledger without a budget (the demo) is its own bulk view,
     * which is the default} A bulk read does not count as interactive demand, so it never holds its own walk to the
     * bulk share.
     */
    default BalanceLedger bulk() {
        return this;
    }
}
