package io.balancegraph.graphql.finance;

import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.transaction.BalanceTransaction;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fold of a payout's walk: every transaction listed with the payout except its own (whose source is the
 * payout), summed exactly, in all and by reporting category. Not thread-safe: a walk's fold adds one at a time.
 */
final class PayoutTally {

    private final BalanceTransaction own;
    private final Sums all;
    private final Map<String, Sums> byReportingCategory = new TreeMap<>();

    /** @param own the payout's own balance transaction */
    PayoutTally(BalanceTransaction own) {
        this.own = own;
        this.all = new Sums(own.currency());
    }

    PayoutTally add(BalanceTransaction transaction) {
        if (!transaction.id().equals(own.id())) {
            all.add(transaction);
            byReportingCategory.computeIfAbsent(transaction.reportingCategory(), key -> new Sums(own.currency())).add(transaction);
        }
        return this;
    }

    PayoutSummary summary(Account account) {
        List<ActivityGroup> groups = byReportingCategory.entrySet().stream()
                .map(entry -> entry.getValue().group(entry.getKey())).toList();
        return new PayoutSummary(account, own.source().id(), own.net().negate(), all.net(), all.count(), groups);
    }
}
