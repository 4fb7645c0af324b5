package io.balancegraph.app.export

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.port.ListBalanceTransactionsPort
import io.balancegraph.domain.query.BalanceTransactionQuery
import io.balancegraph.domain.query.Page
import io.balancegraph.domain.query.Position
import io.balancegraph.domain.transaction.BalanceTransaction

import groovy.transform.CompileStatic

import java.time.Instant
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CompletionStage

/**
 * Any number of transactions without holding them: transaction {@code k} (0 to size - 1) is created at
 * {@code T0 + k} seconds, so a page is computed from the query's range and cursor, as Stripe would answer it
 * (newest first, {@code starting_after} by id), in time independent of the size. Only the range and cursor are
 * applied: the export's specs that use it give no other filter.
 */
@CompileStatic
class GeneratedLedger implements ListBalanceTransactionsPort {

    static final Instant T0 = Instant.parse('2026-01-01T00:00:00Z')

    final long size

    GeneratedLedger(long size) {
        this.size = size
    }

    static String idOf(long k) {
        String.format('txn_%09d', k)
    }

    static Instant createdOf(long k) {
        T0.plusSeconds(k)
    }

    /** Transaction {@code k}: created at {@code T0 + k} seconds, its id and description numbered by it. */
    static BalanceTransaction transaction(long k) {
        Transactions.aCharge(id: idOf(k), created: createdOf(k), amount: 1000 + k % 1000, fee: 30L, description: "Order $k, paid")
    }

    @Override
    CompletionStage<Page<BalanceTransaction>> listTransactions(Account account, BalanceTransactionQuery query) {
        assert query.position().direction() == Position.Direction.FORWARD
        def created = query.created()
        long low = 0
        long high = size - 1
        if (created.gte() != null) low = Math.max(low, created.gte().epochSecond - T0.epochSecond)
        if (created.gt() != null) low = Math.max(low, created.gt().epochSecond - T0.epochSecond + 1)
        if (created.lte() != null) high = Math.min(high, created.lte().epochSecond - T0.epochSecond)
        if (created.lt() != null) high = Math.min(high, created.lt().epochSecond - T0.epochSecond - 1)
        if (!query.position().isStart()) {
            high = Math.min(high, Long.parseLong(query.position().objectId().substring(4)) - 1)
        }
        List<BalanceTransaction> items = []
        for (long k = high; k >= low && items.size() < query.limit(); k--) {
            items << transaction(k)
        }
        long oldest = high - items.size()
        CompletableFuture.completedFuture(new Page<BalanceTransaction>(items, oldest >= low, false))
    }
}
