package io.balancegraph.stripe

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.balance.Balance
import io.balancegraph.stripe.fake.FakeStripeSpecification

import java.util.concurrent.CompletableFuture
import java.util.concurrent.ConcurrentHashMap
import java.time.Duration

/** Many calls at once: no thread held per call, and a burst over the rate limit waits instead of failing. */
class ConcurrencySpec extends FakeStripeSpecification {

    def setup() {
        useManualClock()
    }

    def "forty balance reads are in flight together on two I/O threads; the caller's thread is never held"() {
        given: 'a fake Stripe that answers only once forty requests wait at the same time'
        def together = stripe.answersOnlyTogether('/v1/balance', 40, 'balance-minimal')
        def stripeLedger = ledger()
        Set<String> completingThreads = ConcurrentHashMap.newKeySet()

        when: 'the test thread starts forty reads'
        List<CompletableFuture<Balance>> reads = (1..40).collect {
            stripeLedger.readBalance(Account.platform())
                    .whenComplete { balance, failure -> completingThreads << Thread.currentThread().name }
                    .toCompletableFuture()
        }

        then: 'every call returned before any answer could exist'
        reads.every { !it.done }

        when:
        await(CompletableFuture.allOf(reads as CompletableFuture[]))

        then: 'all forty reached Stripe at once and were answered'
        together.count == 0
        reads.every { it.get().livemode() }
        stripe.count('/v1/balance') == 40

        and: 'on the HTTP client event loop, not on the caller or a thread per request'
        !completingThreads.contains(Thread.currentThread().name)
        completingThreads.size() <= 2
    }

    def "a burst beyond the rate limit is queued and every call succeeds"() {
        given:
        stripe.answers('/v1/balance', 'balance-minimal')
        def stripeLedger = ledger { requestsPerSecond(10); perEndpointRequestsPerSecond(25) }

        when:
        List<CompletableFuture<Balance>> reads = (1..15).collect { stripeLedger.readBalance(Account.platform()).toCompletableFuture() }
        await(CompletableFuture.allOf(reads as CompletableFuture[]))

        then: 'the last five went when the window moved on, a second later'
        reads.every { !it.completedExceptionally }
        stripe.count('/v1/balance') == 15
        clock.elapsed == Duration.ofSeconds(1)
    }

    def "reading a balance and a page of transactions together needs no thread of its own"() {
        given:
        stripe.answers('/v1/balance', 'balance')
        stripe.answers('/v1/balance_transactions', 'transactions-newest')
        def stripeLedger = ledger()

        when:
        def both = stripeLedger.readBalance(Account.platform()).thenCombine(
                stripeLedger.listTransactions(Account.platform(), io.balancegraph.domain.query.BalanceTransactionQuery.firstPage()),
                { balance, page -> [balance.currencies().size(), page.items().size()] })

        then:
        await(both) == [4, 3]
    }
}
