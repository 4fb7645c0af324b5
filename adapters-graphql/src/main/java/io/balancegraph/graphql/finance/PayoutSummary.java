package io.balancegraph.graphql.finance;

import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.money.Money;

import java.util.List;

/**
 * One payout checked against the transactions Stripe lists for it ({@code payout=po_…}).
 *
 * @param account             whose payout it is
 * @param id                  the payout id (po_…)
 * @param amount              what was paid out: minus the net of the payout's own balance transaction
 * @param includedNet         the sum of the nets of the other transactions listed with the payout
 * @param includedCount       how many those are
 * @param byReportingCategory those by reporting category, ordered by key
 */
public record PayoutSummary(Account account, String id, Money amount, Money includedNet, int includedCount,
                            List<ActivityGroup> byReportingCategory) {

    /** {@return whether what was paid out is what the included transactions add up to} */
    public boolean reconciles() {
        return amount.equals(includedNet);
    }
}
