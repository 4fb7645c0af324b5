package io.balancegraph.stripe.internal.http

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.error.UpstreamConnectionException
import io.micronaut.http.HttpStatus

import java.time.Duration
import java.util.concurrent.CompletableFuture
import java.util.concurrent.RejectedExecutionException

/**
 * Calls that end early (cancelled, closed, or left without a timer) on a clock driven by hand: which requests
 * still go out, and when.
 */
class StripeTransportSpec extends TransportSpecification {

    def "a call cancelled while it waits for a permit leaves its place to the next call (per endpoint #perEndpoint/s, in all #global/s)"() {
        given:
        def transport = transport(perEndpoint: perEndpoint, global: global)

        when: 'A goes at once, B and C wait for the next second'
        def a = transport.send(BALANCE, Account.platform())
        def b = transport.send(BALANCE, Account.platform())
        def c = transport.send(BALANCE, Account.platform())

        then:
        sent.size() == 1

        when: 'B is abandoned, and the window moves on'
        b.cancel(false)
        clock.advance(Duration.ofSeconds(1))

        then: 'C goes in the slot B would have taken'
        b.cancelled
        sent.size() == 2
        sent.every { it.requested && !it.cancelled }
        !a.done && !c.done

        when:
        clock.advance(Duration.ofSeconds(5))

        then: 'nothing else went out'
        sent.size() == 2

        where:
        perEndpoint | global
        1           | 0
        1           | 1
        0           | 1
    }

    def "a call cancelled after its endpoint's permit, while it waits for the global one, gives the endpoint's permit back"() {
        given: 'each endpoint 1/s, all of them together 1/s; a call to another endpoint has used the global permit'
        def transport = transport(perEndpoint: 1, global: 1)
        def other = new StripeRequest('GET /v1/balance_transactions', '/v1/balance_transactions', [])
        transport.send(other, Account.platform())
        clock.advance(Duration.ofMillis(500))

        when: 'half a second later B gets the balance endpoint permit, waits for the global one, and is cancelled'
        def b = transport.send(BALANCE, Account.platform())
        b.cancel(false)

        and: 'C asks for the balance endpoint right away'
        def c = transport.send(BALANCE, Account.platform())
        clock.advance(Duration.ofSeconds(2))

        then: 'C took the endpoint permit B gave back, and went with the global one at 1 s, not at 1.5 s'
        sent.size() == 2
        sent[1].sentAt == Duration.ofSeconds(1).toNanos()
        !c.done
    }

    def "a call abandoned while it waits to retry makes no further attempt and leaves its place to the next call"() {
        given: 'an endpoint limit of 1/s, and a first answer that is retried after about a millisecond'
        answers << HttpStatus.SERVICE_UNAVAILABLE
        def transport = transport(perEndpoint: 1, maxAttempts: 3, backoff: Duration.ofMillis(1))

        when: 'A is answered 503 and abandoned before its retry'
        def a = transport.send(BALANCE, Account.platform())
        a.cancel(false)
        clock.advance(Duration.ofMillis(2))

        and: 'D comes next'
        def d = transport.send(BALANCE, Account.platform())
        clock.advance(Duration.ofMillis(998))

        then: 'D goes when the window moves on, and A never went again'
        sent.size() == 2
        !d.done

        when:
        clock.advance(Duration.ofSeconds(10))

        then:
        sent.size() == 2
    }

    def "a call cancelled while its answer is awaited abandons the exchange and is not retried"() {
        given:
        def transport = transport(maxAttempts: 3, backoff: Duration.ofMillis(1))
        def call = transport.send(BALANCE, Account.platform())

        when:
        call.cancel(false)
        clock.advance(Duration.ofSeconds(30))

        then:
        sent.size() == 1
        sent[0].cancelled
    }

    def "a call whose first request fails at once, cancelled while it waits to retry, makes no further attempt"() {
        given: 'the client throws instead of sending (the retry is then scheduled while the first attempt still runs)'
        answers << new IllegalStateException('the client refuses') << HttpStatus.OK
        def transport = transport(maxAttempts: 3)
        def call = transport.send(BALANCE, Account.platform())

        when:
        call.cancel(false)
        clock.advance(Duration.ofSeconds(30))

        then:
        sent.size() == 1
    }

    def "a call made after close fails with an UpstreamConnectionException and sends nothing"() {
        given:
        def transport = transport()
        transport.close()

        when:
        def call = transport.send(BALANCE, Account.platform())

        then:
        call.completedExceptionally
        failureOf(call) instanceof UpstreamConnectionException
        failureOf(call).message == 'No answer from Stripe to GET /v1/balance: the Stripe ledger was closed'
        sent.isEmpty()
    }

    def "a call that is closed just as its request is about to go out does not send it"() {
        given: 'close() runs on another thread right after the call has checked that it is still on'
        def transport = transport()
        // The clock is read when the call is made (its deadline), then as the exchange starts.
        clock.onNanoTime(2) { transport.close() }

        when:
        def call = transport.send(BALANCE, Account.platform())

        then:
        call.completedExceptionally
        failureOf(call) instanceof UpstreamConnectionException
        failureOf(call).message == 'No answer from Stripe to GET /v1/balance: the Stripe ledger was closed'
        sent.size() == 1
        sent.every { it.cancelled && !it.requested }
    }

    def "a call whose wait the timer refuses (#wait) fails with an UpstreamConnectionException instead of never completing"() {
        given: 'the timer takes this many tasks: per call its deadline, then its waits'
        answers << HttpStatus.SERVICE_UNAVAILABLE
        def transport = transport(perEndpoint: perEndpoint, maxAttempts: 2, backoff: Duration.ofMillis(1))
        clock.accepts = accepted

        when:
        List<CompletableFuture<StripeAnswer>> calls = (1..callsMade).collect { transport.send(BALANCE, Account.platform()) }
        clock.advance(Duration.ofSeconds(30))

        then:
        calls.last().completedExceptionally
        failureOf(calls.last()) instanceof UpstreamConnectionException
        failureOf(calls.last()).cause instanceof RejectedExecutionException

        where:
        wait                                   | perEndpoint | callsMade | accepted
        'the deadline'                         | 0           | 1         | 0
        'the retry'                            | 0           | 1         | 1
        'a place in the rate-limit queue'      | 1           | 2         | 3
    }
}
