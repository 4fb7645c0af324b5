package io.balancegraph.graphql.read;

import io.balancegraph.domain.port.BalanceLedger;
import io.balancegraph.domain.port.GetBalanceTransactionPort;
import io.balancegraph.domain.port.ListBalanceTransactionsPort;
import io.balancegraph.domain.port.ReadBalancePort;

import java.util.Objects;

/** The three domain ports the schema reads through. */
public record Ports(ReadBalancePort balances, ListBalanceTransactionsPort transactionLists,
                    GetBalanceTransactionPort transactions) {

    public Ports {
        Objects.requireNonNull(balances, "balances");
        Objects.requireNonNull(transactionLists, "transactionLists");
        Objects.requireNonNull(transactions, "transactions");
    }

    /** All three from one ledger (Stripe, the demo, a test fake). */
    public static Ports of(BalanceLedger ledger) {
        return new Ports(ledger, ledger, ledger);
    }
}
