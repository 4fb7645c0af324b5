package io.balancegraph.graphql.read;

import io.balancegraph.domain.port.BalanceLedger;
import io.balancegraph.domain.port.GetBalanceTransactionPort;
import io.balancegraph.domain.port.ListBalanceTransactionsPort;
import io.balancegraph.domain.port.ReadBalancePort;
import io.balancegraph.graphql.FinanceSettings;
import io.balancegraph.graphql.finance.FinanceReads;

import java.time.Clock;
import java.util.Objects;

/**
 * The three domain ports the schema reads through, and the finance summaries computed over them (whose walks
 * read through a bulk list port).
 */
public record Ports(ReadBalancePort balances, ListBalanceTransactionsPort transactionLists,
                    GetBalanceTransactionPort transactions, FinanceReads finance) {

    public Ports {
        Objects.requireNonNull(balances, "balances");
        Objects.requireNonNull(transactionLists, "transactionLists");
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(finance, "finance");
    }

    /** The ports, with summaries walking through {@code transactionLists} with the default finance settings. */
    public Ports(ReadBalancePort balances, ListBalanceTransactionsPort transactionLists, GetBalanceTransactionPort transactions) {
        this(balances, transactionLists, transactions,
                new FinanceReads(balances, transactionLists, new FinanceSettings(), Clock.systemUTC()));
    }

    /** All three from one ledger (Stripe, the demo, a test fake); summaries read through its {@code bulk()} view. */
    public static Ports of(BalanceLedger ledger) {
        return of(ledger, new FinanceSettings(), Clock.systemUTC());
    }

    /** All three from one ledger, summaries with these settings and clock, reading through its {@code bulk()} view. */
    public static Ports of(BalanceLedger ledger, FinanceSettings finance, Clock clock) {
        return new Ports(ledger, ledger, ledger, new FinanceReads(ledger.bulk(), ledger.bulk(), finance, clock));
    }
}
