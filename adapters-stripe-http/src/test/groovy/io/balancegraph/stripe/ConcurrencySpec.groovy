package io.balancegraph.stripe

import static io.balancegraph.stripe.internal.limit.SlidingWindowLimiter.STRIPE_WINDOW

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.port.BalanceLedger
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

        then: 'the last five went when the window moved on, a second (and the margin Stripe\'s limits keep) later'
        reads.every { !it.completedExceptionally }
        stripe.count('/v1/balance') == 15
        clock.elapsed == STRIPE_WINDOW
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

    def "the ledger's bulk view #what, queued behind interactive reads made after it"() {
        given:
        stripe.answers('/v1/balance', 'balance-minimal')
        stripe.answers('/v1/balance_transactions', 'transactions-newest')
        def stripeLedger = ledger { requestsPerSecond(1); perEndpointRequestsPerSecond(25) }
        def query = io.balancegraph.domain.query.BalanceTransactionQuery.firstPage()
        def read = { BalanceLedger view, String path ->
            (path == BALANCE ? view.readBalance(Account.platform()) : view.listTransactions(Account.platform(), query)).toCompletableFuture()
        }
        def other = bulkPath == BALANCE ? LIST : BALANCE

        when: 'an interactive read takes this second; a bulk read, then another interactive read, wait'
        def first = read(stripeLedger, other)
        def bulk = read(stripeLedger.bulk(), bulkPath)
        def second = read(stripeLedger, other)
        stripe.awaitArrivals(other, 1)

        and: 'the window moves on: one more permit'
        clock.advance(STRIPE_WINDOW)
        stripe.awaitArrivals(other, 2)

        then: 'it went to the later interactive read, not to the bulk read queued before it'
        stripe.arrived(bulkPath) == 0

        when: 'the window moves on again'
        clock.advance(STRIPE_WINDOW)
        await(CompletableFuture.allOf(first, bulk, second))

        then: 'the bulk read went two windows in, with the same answer an interactive read gets'
        stripe.arrived(bulkPath) == 1
        clock.elapsed == STRIPE_WINDOW.multipliedBy(2)
        answerOf(bulk.get()) == answerOf(await(read(stripeLedger, bulkPath)))
        stripeLedger.bulk().bulk().is(stripeLedger.bulk())

        where:
        what                                                       | bulkPath
        'lists the same pages'                                     | LIST
        'reads the balance as a bulk call too (a summary does)'    | BALANCE
    }

    static final String BALANCE = '/v1/balance'
    static final String LIST = '/v1/balance_transactions'

    /** What a read answered, comparable: a page's ids (3 of them), or the balance itself. */
    private static Object answerOf(Object answer) {
        answer instanceof io.balancegraph.domain.query.Page ? answer.items()*.id().tap { assert it.size() == 3 } : answer
    }
}
