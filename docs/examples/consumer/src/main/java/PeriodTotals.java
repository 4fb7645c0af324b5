import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.demo.DemoLedger;
import io.balancegraph.domain.money.Currency;
import io.balancegraph.domain.money.Money;
import io.balancegraph.domain.port.BalanceLedger;
import io.balancegraph.domain.query.BalanceTransactionQuery;
import io.balancegraph.domain.query.CreatedFilter;
import io.balancegraph.domain.query.TransactionWalk;
import io.balancegraph.domain.transaction.BalanceTransaction;
import io.balancegraph.domain.walk.ParallelWalk;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

public class PeriodTotals {

    public static void main(String[] args) {
        BalanceLedger ledger = DemoLedger.create();     // or a Stripe ledger: the walk needs only its list port

        // Every transaction of October 2026, read by up to 10 chains at once.
        BalanceTransactionQuery october = BalanceTransactionQuery.builder().limit(100)
                .created(new CreatedFilter(null, Instant.parse("2026-10-01T00:00:00Z"),
                        Instant.parse("2026-11-01T00:00:00Z"), null))
                .build();
        ParallelWalk walk = TransactionWalk.parallel(ledger, Account.platform(), october)
                .withMaxTransactions(200_000)           // more fails the walk (WalkTooLargeException), never truncates
                .withTimeout(Duration.ofMinutes(2));    // WalkTimeoutException

        // Totals: transactions folded in as pages arrive, in no order; completes once every one is in.
        Map<Currency, Money> netByCurrency = walk.fold(new TreeMap<Currency, Money>(), (totals, transaction) -> {
            totals.merge(transaction.currency(), transaction.net(), Money::plus);
            return totals;
        }).join();
        System.out.println("net: " + netByCurrency.values());

        // An export: newest first, exactly the sequential walk's order, in bounded memory; closing stops the walk.
        try (Stream<BalanceTransaction> transactions = walk.stream()) {
            System.out.println("newest: " + transactions.findFirst().map(BalanceTransaction::id).orElse("none"));
        }
    }
}
