package io.balancegraph.stripe

import static io.balancegraph.stripe.internal.limit.SlidingWindowLimiter.STRIPE_WINDOW

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.query.BalanceTransactionQuery
import io.balancegraph.stripe.fake.FakeStripeSpecification

import java.time.Duration
import java.util.concurrent.CompletionStage

/**
 * Cancelling the stage a port returned ends its call, not only that stage: its place in the rate-limit queue,
 * its pending retry and its exchange are given up, and nothing more is sent for it.
 */
class CancellationSpec extends FakeStripeSpecification {

    static final Map<String, Closure<CompletionStage>> PORTS = [
            readBalance     : { StripeBalanceLedger it -> it.readBalance(Account.platform()) },
            listTransactions: { StripeBalanceLedger it -> it.listTransactions(Account.platform(), BalanceTransactionQuery.firstPage()) },
            getTransaction  : { StripeBalanceLedger it -> it.getTransaction(Account.platform(), 'txn_1', false) },
    ]

    def setup() {
        useManualClock()
    }

    def "#port cancelled while it waits to retry sends nothing more"() {
        given: 'Stripe answers 503; retries wait a second'
        stripe.answers(path, stripe.error(503, 'api_error', null, null, 'Down'))
        def stripeLedger = ledger { maxAttempts(3); initialBackoff(Duration.ofSeconds(1)); maxBackoff(Duration.ofSeconds(1)) }

        when: 'the first attempt was answered and the retry waits on the clock (with the deadline)'
        def stage = PORTS[port](stripeLedger).toCompletableFuture()
        clock.runDue()
        clock.awaitPending(2)
        stage.cancel(false)

        then: 'the retry and the deadline left the clock at once'
        stage.cancelled
        clock.pending == 0

        when:
        clock.advance(Duration.ofSeconds(30))

        then: 'the retry never went'
        stripe.arrived(path) == 1

        where:
        port               | path
        'readBalance'      | '/v1/balance'
        'listTransactions' | '/v1/balance_transactions'
        'getTransaction'   | '/v1/balance_transactions/txn_1'
    }

    def "#port cancelled while its answer is awaited is abandoned and not retried"() {
        given:
        stripe.answers(path, stripe.slow(5_000))
        def stripeLedger = ledger { maxAttempts(3) }

        when:
        def stage = PORTS[port](stripeLedger).toCompletableFuture()
        clock.runDue()
        stripe.awaitArrivals(path, 1)
        stage.cancel(false)

        then: 'its deadline left the clock at once; no retry takes its place'
        stage.cancelled
        clock.pending == 0

        when:
        clock.advance(Duration.ofSeconds(30))

        then:
        stripe.arrived(path) == 1

        where:
        port               | path
        'readBalance'      | '/v1/balance'
        'listTransactions' | '/v1/balance_transactions'
        'getTransaction'   | '/v1/balance_transactions/txn_1'
    }

    def "#port cancelled while it waits for a rate-limit permit never goes, and the next call takes its place"() {
        given: 'one request a second'
        stripe.answers('/v1/balance', 'balance-minimal')
        stripe.answers('/v1/balance_transactions', 'transactions-newest')
        stripe.answers('/v1/balance_transactions/txn_1', 'transaction-expanded')
        def stripeLedger = ledger { requestsPerSecond(1); perEndpointRequestsPerSecond(0) }

        when: 'A takes this second; B waits and is cancelled; C waits'
        PORTS[port](stripeLedger)
        def b = PORTS[port](stripeLedger).toCompletableFuture()
        clock.runDue()
        stripe.awaitArrivals(path, 1)
        b.cancel(false)
        def c = PORTS[port](stripeLedger)
        await(c)

        then: 'C went when the window moved on, in the place B left; B never went'
        b.cancelled
        stripe.arrived(path) == 2
        clock.elapsed == STRIPE_WINDOW

        where:
        port               | path
        'readBalance'      | '/v1/balance'
        'listTransactions' | '/v1/balance_transactions'
        'getTransaction'   | '/v1/balance_transactions/txn_1'
    }
}
