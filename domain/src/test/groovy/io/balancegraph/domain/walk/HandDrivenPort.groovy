package io.balancegraph.domain.walk

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.port.ListBalanceTransactionsPort
import io.balancegraph.domain.query.BalanceTransactionQuery
import io.balancegraph.domain.query.Page
import io.balancegraph.domain.transaction.BalanceTransaction

import java.util.concurrent.CompletableFuture
import java.util.concurrent.CompletionStage

/**
 * A port whose reads end only when a spec says so: each read is kept with its query and its stage, and is answered
 * from a ledger, or failed, on demand.
 */
class HandDrivenPort implements ListBalanceTransactionsPort {

    final ListBalanceTransactionsPort ledger
    final List<Read> reads = []
    int mostOutstanding = 0

    HandDrivenPort(ListBalanceTransactionsPort ledger) {
        this.ledger = ledger
    }

    @Override
    CompletionStage<Page<BalanceTransaction>> listTransactions(Account account, BalanceTransactionQuery query) {
        def read = new Read(account: account, query: query, stage: new CompletableFuture<Page<BalanceTransaction>>())
        reads << read
        mostOutstanding = Math.max(mostOutstanding, outstanding().size())
        read.stage
    }

    List<Read> outstanding() {
        reads.findAll { !it.stage.done }
    }

    /** Answers the read as the ledger would; the walk's next reads may be sent before this returns. */
    void answer(Read read) {
        read.stage.complete(ledger.listTransactions(read.account, read.query).toCompletableFuture().join())
    }

    /** Answers reads out, picked at random, until none is left; returns how many. */
    int answerAll(Random random) {
        int answered = 0
        while (outstanding()) {
            def out = outstanding()
            answer(out[random.nextInt(out.size())])
            answered++
        }
        answered
    }

    static class Read {
        Account account
        BalanceTransactionQuery query
        CompletableFuture<Page<BalanceTransaction>> stage

        @Override
        String toString() {
            "read of ${query.created()} after ${query.position().startingAfter()}"
        }
    }
}
