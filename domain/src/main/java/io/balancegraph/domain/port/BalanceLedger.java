package io.balancegraph.domain.port;

/**
 * All the reads of one source of balance data (Stripe, the demo ledger), for wiring that wants one object.
 * Code that needs one question should depend on that port alone.
 */
public interface BalanceLedger extends ReadBalancePort, ListBalanceTransactionsPort, GetBalanceTransactionPort {
}
