package io.balancegraph.stripe

import static io.balancegraph.stripe.internal.limit.SlidingWindowLimiter.STRIPE_WINDOW

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

    def "the ledger's bulk view lists the same pages, queued behind interactive reads made after it"() {
        given:
        stripe.answers('/v1/balance', 'balance-minimal')
        stripe.answers('/v1/balance_transactions', 'transactions-newest')
        def stripeLedger = ledger { requestsPerSecond(1); perEndpointRequestsPerSecond(25) }
        def query = io.balancegraph.domain.query.BalanceTransactionQuery.firstPage()

        when: 'a balance read takes this second; a bulk page read, then another balance read, wait'
        def first = stripeLedger.readBalance(Account.platform()).toCompletableFuture()
        def bulkPage = stripeLedger.bulk().listTransactions(Account.platform(), query).toCompletableFuture()
        def second = stripeLedger.readBalance(Account.platform()).toCompletableFuture()
        stripe.awaitArrivals('/v1/balance', 1)

        and: 'the window moves on: one more permit'
        clock.advance(STRIPE_WINDOW)
        stripe.awaitArrivals('/v1/balance', 2)

        then: 'it went to the later balance read, not to the bulk read queued before it'
        stripe.arrived('/v1/balance_transactions') == 0

        when: 'the window moves on again'
        clock.advance(STRIPE_WINDOW)
        await(CompletableFuture.allOf(first, bulkPage, second))

        then: 'the bulk read went two windows in, with the same page an interactive read gets'
        stripe.arrived('/v1/balance_transactions') == 1
        clock.elapsed == STRIPE_WINDOW.multipliedBy(2)
        bulkPage.get().items()*.id() == await(stripeLedger.listTransactions(Account.platform(), query)).items()*.id()
        bulkPage.get().items().size() == 3
    }

    def "the bulk view's balance read is a bulk call too: it waits behind an interactive page read made after it"() {
        given:
        stripe.answers('/v1/balance', 'balance-minimal')
        stripe.answers('/v1/balance_transactions', 'transactions-newest')
        def stripeLedger = ledger { requestsPerSecond(1); perEndpointRequestsPerSecond(25) }
        def query = io.balancegraph.domain.query.BalanceTransactionQuery.firstPage()

        when: 'a page read takes this second; a bulk balance read, then another page read, wait'
        def first = stripeLedger.listTransactions(Account.platform(), query).toCompletableFuture()
        def bulkBalance = stripeLedger.bulk().readBalance(Account.platform()).toCompletableFuture()
        def second = stripeLedger.listTransactions(Account.platform(), query).toCompletableFuture()
        stripe.awaitArrivals('/v1/balance_transactions', 1)

        and: 'the window moves on: one more permit'
        clock.advance(STRIPE_WINDOW)
        stripe.awaitArrivals('/v1/balance_transactions', 2)

        then: 'it went to the later page read, not to the bulk balance read queued before it'
        stripe.arrived('/v1/balance') == 0

        when: 'the window moves on again'
        clock.advance(STRIPE_WINDOW)
        await(CompletableFuture.allOf(first, bulkBalance, second))

        then: 'the bulk balance read went two windows in, with the balance an interactive read gets'
        stripe.arrived('/v1/balance') == 1
        bulkBalance.get() == await(stripeLedger.readBalance(Account.platform()))
        stripeLedger.bulk().bulk().is(stripeLedger.bulk())
    }
}
