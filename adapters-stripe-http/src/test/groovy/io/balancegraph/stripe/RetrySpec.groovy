package io.balancegraph.stripe

import com.github.tomakehurst.wiremock.http.Fault
import io.balancegraph.domain.account.Account
import io.balancegraph.domain.error.InvalidRequestException
import io.balancegraph.domain.error.UpstreamConnectionException
import io.balancegraph.domain.error.UpstreamUnavailableException
import io.balancegraph.stripe.fake.FakeStripeSpecification

import java.time.Duration

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse

/**
 * Retries, timeouts and the deadline, as a caller experiences them: attempt counts, outcomes and waits. The
 * ledgers wait on a clock moved by hand; only the HTTP client's read timeouts take real time.
 */
class RetrySpec extends FakeStripeSpecification {

    def setup() {
        useManualClock()
    }

    def "#failures followed by an answer is retried until the answer comes, after #attempts attempts"() {
        given:
        stripe.answersInTurn('/v1/balance', *(answers.collect { it(stripe) } + stripe.ok(stripe.fixture('balance-minimal'))))

        when:
        def balance = await(ledger { maxAttempts(3) }.readBalance(Account.platform()))

        then:
        balance.livemode()
        stripe.count('/v1/balance') == attempts

        where:
        failures                   | answers                                                                             || attempts
        'a 503'                    | [{ it.error(503, 'api_error', null, null, 'Try again') }]                           || 2
        'a 500 and a 502'          | [{ it.error(500, 'api_error', null, null, 'x') }, { it.error(502, 'api_error', null, null, 'y') }] || 3
        'a 504'                    | [{ it.error(504, 'api_error', null, null, 'Gateway timeout') }]                     || 2
        'a 409 conflict'           | [{ it.error(409, 'invalid_request_error', 'lock_timeout', null, 'Locked') }]        || 2
        'a 429 without Retry-After'| [{ it.error(429, 'invalid_request_error', 'rate_limit', null, 'Slow down') }]       || 2
        'a reset connection'       | [{ it.connectionReset() }]                                                          || 2
        'an empty answer'          | [{ aResponse().withFault(Fault.EMPTY_RESPONSE) }]                                   || 2
    }

    def "at most the configured number of attempts are made: #maxAttempts"() {
        given:
        stripe.answers('/v1/balance', stripe.error(500, 'api_error', null, null, 'Down'))

        when:
        await(ledger { it.maxAttempts(maxAttempts) }.readBalance(Account.platform()))

        then:
        thrown(UpstreamUnavailableException)
        stripe.count('/v1/balance') == maxAttempts

        where:
        maxAttempts << [1, 2, 4]
    }

    def "Stripe-Should-Retry: false stops the retries of a 503"() {
        given:
        stripe.answers('/v1/balance', stripe.error(503, 'api_error', null, null, 'Do not retry')
                .withHeader('Stripe-Should-Retry', 'false'))

        when:
        await(ledger { maxAttempts(3) }.readBalance(Account.platform()))

        then:
        thrown(UpstreamUnavailableException)
        stripe.count('/v1/balance') == 1
    }

    def "Stripe-Should-Retry: true retries even a 400"() {
        given:
        stripe.answersInTurn('/v1/balance',
                stripe.error(400, 'invalid_request_error', null, null, 'Retry me').withHeader('Stripe-Should-Retry', 'true'),
                stripe.ok(stripe.fixture('balance-minimal')))

        when:
        await(ledger { maxAttempts(3) }.readBalance(Account.platform()))

        then:
        stripe.count('/v1/balance') == 2
    }

    def "a 400 without Stripe-Should-Retry is not retried"() {
        given:
        stripe.answers('/v1/balance', stripe.error(400, 'invalid_request_error', 'parameter_unknown', 'x', 'Bad'))

        when:
        await(ledger { maxAttempts(3) }.readBalance(Account.platform()))

        then:
        thrown(InvalidRequestException)
        stripe.count('/v1/balance') == 1
    }

    def "a 429 with Retry-After is retried after the wait Stripe asked for"() {
        given:
        stripe.answersInTurn('/v1/balance',
                stripe.error(429, 'invalid_request_error', 'rate_limit', null, 'Slow down').withHeader('Retry-After', '1'),
                stripe.ok(stripe.fixture('balance-minimal')))
        Duration answeredAt = null

        when:
        def balance = await(ledger { maxAttempts(2) }.readBalance(Account.platform())
                .whenComplete { answer, failure -> answeredAt = clock.elapsed })

        then: 'the only wait on the clock was the one second Stripe asked for'
        balance != null
        stripe.count('/v1/balance') == 2
        answeredAt == Duration.ofSeconds(1)
    }

    def "a 503 whose Retry-After goes past the deadline gives up at once, with the 503"() {
        given:
        stripe.answers('/v1/balance', stripe.error(503, 'api_error', null, null, 'Come back later').withHeader('Retry-After', '120'))

        when:
        await(ledger { deadline(Duration.ofSeconds(10)) }.readBalance(Account.platform()))

        then:
        UpstreamUnavailableException e = thrown()
        e.message == 'Come back later'
        stripe.count('/v1/balance') == 1
        clock.elapsed == Duration.ZERO
    }

    def "an answer slower than the read timeout is a connection failure, retried, and reported as a timeout"() {
        given:
        stripe.answers('/v1/balance', stripe.slow(4_000))

        when:
        await(ledger { readTimeout(Duration.ofMillis(250)); maxAttempts(2) }.readBalance(Account.platform()))

        then:
        UpstreamConnectionException e = thrown()
        e.message == 'No answer from Stripe to GET /v1/balance: no answer within the read timeout of 250 ms (gave up after 2 attempts)'
        e.error().httpStatus() == 0
        e.isTransient()
        stripe.count('/v1/balance') == 2
    }

    def "a slow answer followed by a quick one succeeds on the second attempt"() {
        given:
        stripe.answersInTurn('/v1/balance', stripe.slow(4_000), stripe.ok(stripe.fixture('balance-minimal')))

        when:
        def balance = await(ledger { readTimeout(Duration.ofMillis(250)); maxAttempts(3) }.readBalance(Account.platform()))

        then:
        balance.livemode()
        stripe.count('/v1/balance') == 2
    }

    def "the deadline ends a call still waiting, however many attempts are left"() {
        given:
        stripe.answers('/v1/balance', stripe.slow(5_000))
        def call = ledger { readTimeout(Duration.ofSeconds(4)); deadline(Duration.ofMillis(300)); maxAttempts(5) }
                .readBalance(Account.platform())

        when: 'the request is at Stripe, and the clock reaches the deadline'
        clock.runDue()
        stripe.awaitArrivals('/v1/balance', 1)
        clock.advance(Duration.ofMillis(300))
        await(call)

        then:
        UpstreamConnectionException e = thrown()
        e.message == 'No answer from Stripe to GET /v1/balance: no answer within the deadline of 300 ms'
        stripe.count('/v1/balance') == 1
    }

    def "a connection reset every time ends as a connection failure after all attempts"() {
        given:
        stripe.answers('/v1/balance', stripe.connectionReset())

        when:
        await(ledger { maxAttempts(3) }.readBalance(Account.platform()))

        then:
        UpstreamConnectionException e = thrown()
        e.message.startsWith('No answer from Stripe to GET /v1/balance: ')
        e.message.contains('Connection reset')
        e.message.endsWith('(gave up after 3 attempts)')
        e.cause != null
        stripe.count('/v1/balance') == 3
    }

    def "an answer broken off (#fault) is a connection failure"() {
        given:
        stripe.answers('/v1/balance', aResponse().withFault(fault))

        when:
        await(ledger { maxAttempts(2) }.readBalance(Account.platform()))

        then:
        thrown(UpstreamConnectionException)
        stripe.count('/v1/balance') == 2

        where:
        fault << [Fault.EMPTY_RESPONSE, Fault.RANDOM_DATA_THEN_CLOSE, Fault.MALFORMED_RESPONSE_CHUNK]
    }

    def "a server nobody listens on is a connection failure naming the refusal"() {
        given:
        int closedPort = new ServerSocket(0).withCloseable { it.localPort }

        when:
        await(ledger { baseUrl("http://localhost:${closedPort}"); maxAttempts(2) }.readBalance(Account.platform()))

        then:
        UpstreamConnectionException e = thrown()
        e.message.contains('Connection refused')
        e.message.endsWith('(gave up after 2 attempts)')
    }
}
