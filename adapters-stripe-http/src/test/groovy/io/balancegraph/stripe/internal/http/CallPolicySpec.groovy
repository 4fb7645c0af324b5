package io.balancegraph.stripe.internal.http

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.error.RateLimitedException
import io.balancegraph.domain.error.UpstreamConnectionException
import io.balancegraph.domain.error.UpstreamUnavailableException
import io.balancegraph.stripe.internal.limit.CallClass
import io.micronaut.http.HttpResponse
import io.micronaut.http.HttpStatus

import java.time.Duration
import java.util.concurrent.CompletableFuture

/**
 * The call policy on a clock driven by hand: Stripe's retry rules as Failsafe applies them, and one deadline over
 * the rate-limit waits, the attempts and the waits between them.
 */
class CallPolicySpec extends TransportSpecification {

    def "#what is #decision"() {
        given:
        answers << answer << HttpStatus.OK
        def transport = transport(maxAttempts: 3, backoff: Duration.ofMillis(1))

        when:
        def call = transport.send(BALANCE, Account.platform())
        clock.advance(Duration.ofSeconds(1))

        then:
        sent.size() == (retried ? 2 : 1)
        call.done && call.completedExceptionally != retried

        where:
        what                                      | answer                                                                || retried
        'a 503'                                   | HttpStatus.SERVICE_UNAVAILABLE                                        || true
        'a 409 conflict'                          | HttpStatus.CONFLICT                                                   || true
        'a 429 without Retry-After'               | HttpStatus.TOO_MANY_REQUESTS                                          || true
        'a 400'                                   | HttpStatus.BAD_REQUEST                                                || false
        'a 424'                                   | HttpStatus.FAILED_DEPENDENCY                                          || false
        'a 503 with Stripe-Should-Retry: false'   | HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header('Stripe-Should-Retry', 'false') || false
        'a 404 with Stripe-Should-Retry: true'    | HttpResponse.status(HttpStatus.NOT_FOUND).header('Stripe-Should-Retry', 'true')            || true

        decision = retried ? 'retried' : 'not retried'
    }

    def "no attempt beyond the configured number: #maxAttempts"() {
        given:
        10.times { answers << HttpStatus.INTERNAL_SERVER_ERROR }
        def transport = transport(maxAttempts: maxAttempts, backoff: Duration.ofMillis(1))

        when:
        def call = transport.send(BALANCE, Account.platform())
        clock.advance(Duration.ofSeconds(1))

        then:
        sent.size() == maxAttempts
        failureOf(call) instanceof UpstreamUnavailableException
        failureOf(call).message.endsWith(maxAttempts == 1 ? 'and no body' : "(gave up after ${maxAttempts} attempts)")

        where:
        maxAttempts << [1, 4, 5]
    }

    def "Retry-After replaces the backoff: the next attempt goes exactly when Stripe asked"() {
        given:
        answers << HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).header('Retry-After', '3') << HttpStatus.OK
        def transport = transport(maxAttempts: 2)

        when:
        def call = transport.send(BALANCE, Account.platform())
        clock.advance(Duration.ofSeconds(10))

        then:
        sent*.sentAt == [0L, Duration.ofSeconds(3).toNanos()]
        call.done && !call.completedExceptionally
    }

    def "a Retry-After that would pass the deadline is not waited for: the call gives up at once, with Stripe's answer"() {
        given:
        answers << HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).header('Retry-After', '3')
        def transport = transport(maxAttempts: 3, deadline: Duration.ofSeconds(2))

        when:
        def call = transport.send(BALANCE, Account.platform())

        then:
        sent.size() == 1
        failureOf(call) instanceof RateLimitedException
        (failureOf(call) as RateLimitedException).retryAfter() == Optional.of(Duration.ofSeconds(3))
    }

    def "a call whose next backoff would pass its deadline ends with its last failure, before the deadline"() {
        given: 'every answer a 503; backoffs of 250 to 500 ms; a deadline of 2 s; attempts to spare'
        20.times { answers << HttpStatus.SERVICE_UNAVAILABLE }
        def transport = transport(maxAttempts: 10, backoff: Duration.ofMillis(500), deadline: Duration.ofSeconds(2))
        Duration endedAt = null

        when:
        def call = transport.send(BALANCE, Account.platform())
        call.whenComplete { answer, failure -> endedAt = clock.elapsed }
        clock.advance(Duration.ofSeconds(5))

        then:
        sent.size() in 4..8
        failureOf(call) instanceof UpstreamUnavailableException
        endedAt < Duration.ofSeconds(2)
    }

    def "when the deadline passes while an answer is awaited, the call fails and the exchange is abandoned"() {
        given:
        def transport = transport(maxAttempts: 3)

        when:
        def call = transport.send(BALANCE, Account.platform())
        clock.advance(Duration.ofMillis(19_999))

        then:
        !call.done

        when:
        clock.advance(Duration.ofMillis(1))

        then:
        failureOf(call) instanceof UpstreamConnectionException
        failureOf(call).message == 'No answer from Stripe to GET /v1/balance: no answer within the deadline of 20 s'
        sent.size() == 1
        sent[0].cancelled
    }

    def "the deadline counts from when the call is made: its wait for a permit counts too"() {
        given: '1 request a second; A takes this second'
        def transport = transport(global: 1, deadline: Duration.ofMillis(1500))
        transport.send(BALANCE, Account.platform())

        when: 'B waits for the next second, goes, and gets no answer'
        def b = transport.send(BALANCE, Account.platform())
        clock.advance(Duration.ofMillis(1499))

        then:
        sent*.sentAt == [0L, Duration.ofSeconds(1).toNanos()]
        !b.done

        when:
        clock.advance(Duration.ofMillis(1))

        then: 'B ends 1.5 s after it was made, not 1.5 s after it was sent'
        failureOf(b).message == 'No answer from Stripe to GET /v1/balance: no answer within the deadline of 1.5 s'
    }

    def "60 calls at 2 a second with a deadline of 12 s (#endpointLimit per endpoint): those whose turn would not come before it fail at once, told when it would have come"() {
        given:
        def transport = transport(global: 2, perEndpoint: perEndpoint, deadline: Duration.ofSeconds(12))

        when:
        List<CompletableFuture<StripeAnswer>> calls = (0..<60).collect { transport.send(BALANCE, Account.platform()) }

        then: 'the 24 whose turn comes before 12 s wait; the other 36 have failed by the time send() returned'
        calls.take(24).every { !it.done }
        calls.drop(24).every { it.completedExceptionally && failureOf(it) instanceof RateLimitedException }

        and: 'each refused call is told the wait it would have had: a refused call takes no place, so 12 s for each'
        calls.drop(24).every { (failureOf(it) as RateLimitedException).retryAfter() == Optional.of(Duration.ofSeconds(12)) }
        failureOf(calls[24]).message == 'Not sent to Stripe: GET /v1/balance would wait 12 s for a permit under ' +
                'stripe.rate-limit.requests-per-second 2: longer than its deadline allows'

        when:
        clock.advance(Duration.ofSeconds(60))

        then: 'the others went in their turn, every one before its deadline, and none outlived it'
        sent.size() == 24
        sent.withIndex().every { exchange, k -> exchange.sentAt == Duration.ofSeconds(k.intdiv(2)).toNanos() }
        calls.take(24).every { failureOf(it).message.endsWith('no answer within the deadline of 12 s') }

        where: 'with a limit per endpoint, calls also queue there first: they are refused at once all the same'
        perEndpoint << [0, 25]
        endpointLimit = perEndpoint == 0 ? 'no limit' : "${perEndpoint}/s"
    }

    def "beyond the queue bound a call fails at once the same way"() {
        given:
        def transport = transport(global: 1, maxQueued: 2)

        when:
        List<CompletableFuture<StripeAnswer>> calls = (0..<4).collect { transport.send(BALANCE, Account.platform()) }

        then:
        calls.take(3).every { !it.done }
        failureOf(calls[3]) instanceof RateLimitedException
        (failureOf(calls[3]) as RateLimitedException).retryAfter() == Optional.of(Duration.ofSeconds(3))
        failureOf(calls[3]).message == 'Not sent to Stripe: GET /v1/balance would queue behind 2 other requests for a ' +
                'permit under stripe.rate-limit.requests-per-second 1 (stripe.rate-limit.max-queued 2)'
    }

    def "a retry that cannot get a permit before the deadline ends the call with the failure it was retrying"() {
        given: '1 request a second, a deadline of 1.5 s, answers 503'
        3.times { answers << HttpStatus.SERVICE_UNAVAILABLE }
        def transport = transport(global: 1, maxAttempts: 3, backoff: Duration.ofMillis(1), deadline: Duration.ofMillis(1500))
        Duration endedAt = null

        when: 'the first attempt goes at 0, the second at 1 s, the third (a millisecond later) could only go at 2 s'
        def call = transport.send(BALANCE, Account.platform())
        call.whenComplete { answer, failure -> endedAt = clock.elapsed }
        clock.advance(Duration.ofSeconds(5))

        then:
        sent*.sentAt == [0L, Duration.ofSeconds(1).toNanos()]
        failureOf(call) instanceof UpstreamUnavailableException
        failureOf(call).message.endsWith('(gave up after 2 attempts)')
        endedAt >= Duration.ofSeconds(1) && endedAt < Duration.ofMillis(1001)
    }

    def "a call's own deadline replaces the ledger's"() {
        given:
        def transport = transport(deadline: Duration.ofSeconds(20))

        when:
        def own = transport.send(BALANCE, Account.platform(), CallOptions.DEFAULTS.withDeadline(Duration.ofSeconds(1)))
        def configured = transport.send(BALANCE, Account.platform())
        clock.advance(Duration.ofSeconds(1))

        then:
        failureOf(own).message == 'No answer from Stripe to GET /v1/balance: no answer within the deadline of 1 s'
        !configured.done
    }

    def "a bulk call queued before an interactive one goes after it, under every limit it passes (#what)"() {
        given:
        def transport = transport(global: 1, perEndpoint: perEndpoint)

        when: 'one interactive call takes this second; then a bulk call, then an interactive one, wait'
        def first = transport.send(BALANCE, Account.platform())
        def bulk = transport.send(BALANCE, Account.platform(), CallOptions.BULK)
        def interactive = transport.send(BALANCE, Account.platform())
        clock.advance(Duration.ofSeconds(3))

        then: 'the interactive call goes at 1 s, the bulk one at 2 s'
        sent*.sentAt == [0L, Duration.ofSeconds(1).toNanos(), Duration.ofSeconds(2).toNanos()]
        [first, bulk, interactive].every { !it.done }

        where:
        perEndpoint << [0, 1]
        what = perEndpoint == 0 ? 'the global limit' : 'the endpoint limit, then the global one'
    }

    def "CallOptions: a bulk call keeps its class with its own deadline, and DEFAULTS are interactive"() {
        expect:
        CallOptions.BULK.withDeadline(Duration.ofSeconds(3)) == new CallOptions(Duration.ofSeconds(3), CallClass.BULK)
        CallOptions.DEFAULTS.callClass() == CallClass.INTERACTIVE
        CallOptions.DEFAULTS.withClass(CallClass.BULK) == CallOptions.BULK
    }
}
