package io.balancegraph.domain.walk

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.port.ListBalanceTransactionsPort
import io.balancegraph.domain.query.BalanceTransactionQuery
import io.balancegraph.domain.query.Page
import io.balancegraph.domain.transaction.BalanceTransaction

import groovy.transform.CompileStatic

import java.util.concurrent.CompletableFuture
import java.util.concurrent.CompletionStage

@CompileStatic
/**
 * A port on simulated time, as the Stripe adapter behaves against a fake Stripe: every read waits for a place in a
 * sliding one-second window of {@code perSecond} reads (first come, first served), then takes {@code latencyMillis}.
 * Nothing runs by itself: {@link #runUntil} moves the simulated clock from one answer to the next.
 */
class SimulatedStripe implements ListBalanceTransactionsPort {

    final ListBalanceTransactionsPort ledger
    final long latencyMillis
    final int perSecond
    long now = 0
    int calls = 0
    int maxInFlight = 0
    private int inFlight = 0
    private final List<Long> starts = []
    private final PriorityQueue<Answer> answers = new PriorityQueue<Answer>({ Answer a, Answer b ->
        a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order) } as Comparator<Answer>)

    SimulatedStripe(ListBalanceTransactionsPort ledger, long latencyMillis = 300, int perSecond = 25) {
        this.ledger = ledger
        this.latencyMillis = latencyMillis
        this.perSecond = perSecond
    }

    @Override
    CompletionStage<Page<BalanceTransaction>> listTransactions(Account account, BalanceTransactionQuery query) {
        long start = starts.size() >= perSecond ? Math.max(now, starts[starts.size() - perSecond] + 1000) : now
        starts << start
        def future = new CompletableFuture<Page<BalanceTransaction>>()
        answers << new Answer(at: start + latencyMillis, order: calls++, future: future, account: account, query: query)
        maxInFlight = Math.max(maxInFlight, ++inFlight)
        future
    }

    /** Answers reads in the order they end, until {@code done} holds. */
    void runUntil(Closure<Boolean> done) {
        while (!done()) {
            Answer next = answers.poll()
            if (next == null) {
                throw new IllegalStateException('the walk waits for nothing: no read is in flight')
            }
            now = next.at
            inFlight--
            if (!next.future.done) {
                next.future.complete(ledger.listTransactions(next.account, next.query).toCompletableFuture().join())
            }
        }
    }

    /** Reads a run's pages newest first as a consumer that takes no time would. */
    List<BalanceTransaction> readAll(OrderedPages pages) {
        List<BalanceTransaction> all = []
        while (true) {
            def next = pages.nextPage()
            runUntil { next.done }
            def page = next.join()
            if (!page.present) {
                return all
            }
            all.addAll(page.get())
        }
    }

    double seconds() {
        now / 1000d
    }

    private static class Answer {
        long at
        long order
        CompletableFuture<Page<BalanceTransaction>> future
        Account account
        BalanceTransactionQuery query
    }
}
