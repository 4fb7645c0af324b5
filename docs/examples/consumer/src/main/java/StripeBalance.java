import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.balance.Balance;
import io.balancegraph.domain.error.Failures;
import io.balancegraph.domain.error.RateLimitedException;
import io.balancegraph.domain.error.UpstreamException;
import io.balancegraph.domain.money.Currency;
import io.balancegraph.domain.query.BalanceTransactionQuery;
import io.balancegraph.domain.query.Page;
import io.balancegraph.domain.transaction.BalanceTransaction;
import io.balancegraph.stripe.StripeBalanceLedger;
import io.balancegraph.stripe.StripeLedgers;

import java.util.concurrent.CompletionStage;

public class StripeBalance {

    public static void main(String[] args) {
        try (StripeBalanceLedger stripe = StripeLedgers.builder()
                .apiKey(System.getenv("STRIPE_API_KEY"))      // the only required setting
                .build()) {
            // Blocking: waits in this thread and throws the failure as its own type.
            try {
                Balance balance = stripe.blocking().readBalance(Account.platform());
                System.out.println("available: " + balance.available());
            } catch (RateLimitedException e) {
                System.out.println("rate limited; Stripe asks to wait " + e.retryAfter().orElse(null));
            } catch (UpstreamException e) {
                System.out.println(e.getMessage() + " (Stripe request " + e.error().requestId() + ")");
            }

            // Asynchronous: returns at once and holds no thread while Stripe answers. A failed stage holds the same
            // typed exceptions, inside a CompletionException once chained: Failures.unwrap takes it off.
            CompletionStage<Page<BalanceTransaction>> page = stripe.listTransactions(
                    Account.connected("acct_1032D82eZvKYlo2C"),
                    BalanceTransactionQuery.builder().currency(Currency.USD).limit(100).build());
            page.thenAccept(transactions -> System.out.println(transactions.items().size() + " transactions"))
                    .exceptionally(failure -> {
                        System.out.println("could not list: " + Failures.unwrap(failure).getMessage());
                        return null;
                    })
                    .toCompletableFuture().join();
        }
    }
}
