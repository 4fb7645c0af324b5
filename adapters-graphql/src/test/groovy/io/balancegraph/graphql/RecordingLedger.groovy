package io.balancegraph.graphql

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.balance.Balance
import io.balancegraph.domain.demo.DemoLedger
import io.balancegraph.domain.port.BalanceLedger
import io.balancegraph.domain.query.BalanceTransactionQuery
import io.balancegraph.domain.query.Page
import io.balancegraph.domain.transaction.BalanceTransaction

import java.util.concurrent.CompletableFuture
import java.util.concurrent.CompletionStage
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.CopyOnWriteArrayList

/**
 * A fake upstream that records every call and answers it from another ledger (the demo by default): at once, or,
 * while {@link #holding}, only when the spec releases the call by hand, which shows what was asked before
 * anything came back. A failure set for a method fails every call of it.
 */
class RecordingLedger implements BalanceLedger {

    static class Call {
        String method
        Account account
        Object argument
        boolean expandSource
        Closure<CompletionStage> answerFromLedger
        final CompletableFuture<Object> answer = new CompletableFuture<>()

        boolean isAnswered() {
            answer.done
        }

        void release() {
            answerFromLedger().whenComplete { value, failure ->
                failure ? answer.completeExceptionally(failure) : answer.complete(value)
            }
        }
    }

    final BalanceLedger ledger
    final List<Call> calls = new CopyOnWriteArrayList<>()
    final Map<String, Throwable> failures = new ConcurrentHashMap<>()
    volatile boolean holding

    RecordingLedger(BalanceLedger ledger = DemoLedger.create()) {
        this.ledger = ledger
    }

    @Override
    CompletionStage<Balance> readBalance(Account account) {
        record('readBalance', account, null, false) { ledger.readBalance(account) }
    }

    @Override
    CompletionStage<Page<BalanceTransaction>> listTransactions(Account account, BalanceTransactionQuery query) {
        record('listTransactions', account, query, query.expandSource()) { ledger.listTransactions(account, query) }
    }

    @Override
    CompletionStage<Optional<BalanceTransaction>> getTransaction(Account account, String transactionId, boolean expandSource) {
        record('getTransaction', account, transactionId, expandSource) { ledger.getTransaction(account, transactionId, expandSource) }
    }

    List<Call> calls(String method) {
        calls.findAll { it.method == method }
    }

    void releaseAll() {
        calls.findAll { !it.answered }.each { it.release() }
    }

    private CompletionStage record(String method, Account account, Object argument, boolean expandSource, Closure<CompletionStage> answer) {
        def call = new Call(method: method, account: account, argument: argument, expandSource: expandSource, answerFromLedger: answer)
        calls << call
        if (failures[method]) {
            call.answer.completeExceptionally(failures[method])
        } else if (!holding) {
            call.release()
        }
        call.answer
    }
}
