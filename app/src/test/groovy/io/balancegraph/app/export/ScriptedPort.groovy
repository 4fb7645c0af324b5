package io.balancegraph.app.export

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.port.ListBalanceTransactionsPort
import io.balancegraph.domain.query.BalanceTransactionQuery
import io.balancegraph.domain.query.Page
import io.balancegraph.domain.transaction.BalanceTransaction

import java.util.concurrent.CompletableFuture
import java.util.concurrent.CompletionStage
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.atomic.AtomicInteger
import java.util.concurrent.atomic.AtomicLong

/**
 * Test-only: the port exports read through, answering from a ledger a spec chooses, counting what it reads, and
 * failing or holding the reads a spec scripts: {@code answer} sees the call's number (from 1) and returns a stage
 * to answer with instead, or {@code null} to read the ledger.
 */
class ScriptedPort implements ListBalanceTransactionsPort {

    volatile ListBalanceTransactionsPort ledger = new GeneratedLedger(0)
    volatile Closure<CompletionStage<Page<BalanceTransaction>>> answer = { int call -> null }
    final AtomicInteger calls = new AtomicInteger()
    final AtomicLong transactionsRead = new AtomicLong()
    /** The reads held open (scripted to never complete), to see whether they were cancelled. */
    final List<CompletableFuture<?>> held = new CopyOnWriteArrayList<>()
    /** Completes when the first read is held. */
    volatile CompletableFuture<Void> holding = new CompletableFuture<>()

    void reset(ListBalanceTransactionsPort ledger) {
        this.ledger = ledger
        answer = { int call -> null }
        calls.set(0)
        transactionsRead.set(0)
        held.clear()
        holding = new CompletableFuture<>()
    }

    /** A read that never completes by itself. */
    CompletableFuture<Page<BalanceTransaction>> hold() {
        def future = new CompletableFuture<Page<BalanceTransaction>>()
        held << future
        holding.complete(null)
        future
    }

    @Override
    CompletionStage<Page<BalanceTransaction>> listTransactions(Account account, BalanceTransactionQuery query) {
        def scripted = answer.call(calls.incrementAndGet())
        if (scripted != null) {
            return scripted
        }
        ledger.listTransactions(account, query).thenApply { page ->
            transactionsRead.addAndGet(page.items().size())
            page
        }
    }
}
