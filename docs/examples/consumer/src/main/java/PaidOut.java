import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.balance.Balance;
import io.balancegraph.domain.blocking.BlockingLedger;
import io.balancegraph.domain.demo.DemoLedger;
import io.balancegraph.domain.money.Currency;
import io.balancegraph.domain.money.Money;
import io.balancegraph.domain.query.BalanceTransactionQuery;
import io.balancegraph.domain.transaction.TransactionType;

public class PaidOut {

    public static void main(String[] args) {
        // The demo ledger, or a Stripe one: StripeLedgers.builder().apiKey(key).build() from adapters-stripe-http.
        BlockingLedger ledger = DemoLedger.create().blocking();

        Balance balance = ledger.readBalance(Account.platform());
        Money usd = balance.availableIn(Currency.USD);      // exact: long minor units, never a double

        // Every USD payout, read lazily page after page (100 a page), newest first.
        BalanceTransactionQuery payouts = BalanceTransactionQuery.builder()
                .currency(Currency.USD).type(TransactionType.PAYOUT).limit(100).build();
        Money paidOut = ledger.allTransactions(Account.platform(), payouts)
                .map(transaction -> transaction.amount().negate())
                .reduce(Money.zero(Currency.USD), Money::plus);

        System.out.println("available: " + usd);
        System.out.println("paid out:  " + paidOut);
    }
}
