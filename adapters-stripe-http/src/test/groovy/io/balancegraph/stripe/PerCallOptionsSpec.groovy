package io.balancegraph.stripe

import static io.balancegraph.stripe.internal.limit.SlidingWindowLimiter.STRIPE_WINDOW

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.error.RateLimitedException
import io.balancegraph.domain.error.UpstreamConnectionException
import io.balancegraph.domain.query.BalanceTransactionQuery
import io.balancegraph.stripe.fake.FakeStripeSpecification

import java.time.Duration
import java.util.concurrent.CompletionException

/**
 * A view's calls ({@code stripe.withDeadline(…)}) keep their own deadline through everything the deadline covers:
 * the wait for an answer, the rate-limit queue and the waits between attempts; the ledger's own calls keep the
 * ledger's. Waits run on a clock moved by hand.
 */
class PerCallOptionsSpec extends FakeStripeSpecification {

    def setup() {
        useManualClock()
    }

    def "a view's deadline ends its call while the same read on the ledger keeps the ledger's deadline"() {
        given: 'the ledger allows 20 s, the view 300 ms; Stripe is slow'
        stripe.answers('/v1/balance', stripe.slow(5_000))
        def stripeLedger = ledger { readTimeout(Duration.ofSeconds(4)); maxAttempts(5) }
        def quick = stripeLedger.withDeadline(Duration.ofMillis(300)).readBalance(Account.platform()).toCompletableFuture()
        def patient = stripeLedger.readBalance(Account.platform()).toCompletableFuture()

        when: 'both requests are at Stripe, and the clock reaches 300 ms'
        clock.runDue()
        stripe.awaitArrivals('/v1/balance', 2)
        clock.advance(Duration.ofMillis(300))
        await(quick)

        then:
        UpstreamConnectionException e = thrown()
        e.message == 'No answer from Stripe to GET /v1/balance: no answer within the deadline of 300 ms'
        !patient.done
        stripe.arrived('/v1/balance') == 2
    }

    def "a call the rate limit cannot start before the view's deadline fails at once; the ledger's own call waits its turn"() {
        given: 'one request a second, and this second taken'
        stripe.answers('/v1/balance', 'balance-minimal')
        def stripeLedger = ledger { requestsPerSecond(1) }
        def first = stripeLedger.readBalance(Account.platform())
        clock.runDue()

        when: 'a view with a deadline of 500 ms asks: its turn would come when the window moves on'
        await(stripeLedger.withDeadline(Duration.ofMillis(500)).readBalance(Account.platform()))

        then: 'it failed before anything was sent, with the wait it would have had'
        RateLimitedException refused = thrown()
        refused.retryAfter() == Optional.of(STRIPE_WINDOW)
        refused.error().httpStatus() == 0
        clock.elapsed == Duration.ZERO

        when: 'the ledger itself asks (20 s)'
        def balance = await(stripeLedger.readBalance(Account.platform()))

        then: 'it waited for the window to move on'
        balance.livemode()
        await(first).livemode()
        clock.elapsed == STRIPE_WINDOW
        stripe.arrived('/v1/balance') == 2
    }

    def "a view's deadline may be longer than the ledger's: its call waits for a Retry-After the ledger's would give up on"() {
        given: 'the ledger allows 10 s; Stripe asks to come back in 30 s, then answers'
        stripe.answersInTurn('/v1/balance',
                stripe.error(503, 'api_error', null, null, 'Come back later').withHeader('Retry-After', '30'),
                stripe.ok(stripe.fixture('balance-minimal')))
        def stripeLedger = ledger { deadline(Duration.ofSeconds(10)); maxAttempts(2) }

        when:
        def balance = clock.await(stripeLedger.withDeadline(Duration.ofMinutes(1)).readBalance(Account.platform()),
                Duration.ofSeconds(45))     // the clock runs on to the retry, not to the deadline

        then:
        balance.livemode()
        clock.elapsed == Duration.ofSeconds(30)
        stripe.count('/v1/balance') == 2
    }

    def "a view's blocking face uses the view's deadline and throws its failure as it is"() {
        given:
        stripe.answers('/v1/balance', 'balance-minimal')
        def stripeLedger = ledger { requestsPerSecond(1) }
        def first = stripeLedger.readBalance(Account.platform())
        clock.runDue()
        def view = stripeLedger.withDeadline(Duration.ofMillis(500))

        when:
        view.blocking().readBalance(Account.platform())

        then:
        thrown(RateLimitedException)
        view.blocking().async().is(view)

        when: 'the first call has been answered'
        await(first)

        then: 'only it was sent'
        stripe.count('/v1/balance') == 1
    }

    def "a view reads what the ledger reads, port by port"() {
        given:
        stripe.answers('/v1/balance', 'balance')
        stripe.answers('/v1/balance_transactions', 'transactions-newest')
        stripe.answers('/v1/balance_transactions/txn_1', 'transaction-expanded')
        stripe.answers('/v1/balance_transactions/txn_missing', stripe.error(404, 'invalid_request_error', 'resource_missing', 'id', 'No such balance transaction'))
        def stripeLedger = ledger()
        def view = stripeLedger.withDeadline(Duration.ofSeconds(7))

        expect:
        await(view.readBalance(Account.platform())) == await(stripeLedger.readBalance(Account.platform()))
        await(view.listTransactions(Account.platform(), BalanceTransactionQuery.firstPage())) ==
                await(stripeLedger.listTransactions(Account.platform(), BalanceTransactionQuery.firstPage()))
        await(view.getTransaction(Account.platform(), 'txn_1', true)) == await(stripeLedger.getTransaction(Account.platform(), 'txn_1', true))
        await(view.getTransaction(Account.platform(), 'txn_missing', false)) == Optional.empty()
        await(view.getTransaction(Account.platform(), 'not an id', false)) == Optional.empty()
        stripe.count('/v1/balance') == 2
    }

    def "closing the ledger ends its views' calls and refuses their new ones"() {
        given:
        stripe.answers('/v1/balance', stripe.slow(5_000))
        def stripeLedger = ledger()
        def view = stripeLedger.withDeadline(Duration.ofSeconds(3))
        def inFlight = view.readBalance(Account.platform()).toCompletableFuture()

        when:
        stripeLedger.close()
        inFlight.join()

        then:
        CompletionException e = thrown()
        e.cause instanceof UpstreamConnectionException
        e.cause.message == 'No answer from Stripe to GET /v1/balance: the Stripe ledger was closed'

        when:
        view.blocking().readBalance(Account.platform())

        then:
        UpstreamConnectionException refused = thrown()
        refused.message == 'No answer from Stripe to GET /v1/balance: the Stripe ledger was closed'
    }
}
