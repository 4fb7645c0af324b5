package io.balancegraph.stripe

import ch.qos.logback.classic.Level
import io.balancegraph.domain.account.Account
import io.balancegraph.domain.error.AuthenticationException
import io.balancegraph.domain.error.InvalidRequestException
import io.balancegraph.domain.error.NotFoundException
import io.balancegraph.domain.error.PermissionException
import io.balancegraph.domain.error.RateLimitedException
import io.balancegraph.domain.error.UpstreamConnectionException
import io.balancegraph.domain.error.UpstreamException
import io.balancegraph.domain.error.UpstreamUnavailableException
import io.balancegraph.domain.query.BalanceTransactionQuery
import io.balancegraph.stripe.fake.CapturedLogs
import io.balancegraph.stripe.fake.FakeStripe
import io.balancegraph.stripe.fake.FakeStripeSpecification
import io.balancegraph.stripe.internal.http.StripeTransport

import java.time.Duration

/** What a caller sees when Stripe refuses or fails: the exception type and what Stripe said. */
class ErrorMappingSpec extends FakeStripeSpecification {

    def setup() {
        useManualClock()
    }

    def "HTTP #status with Stripe's error body becomes #expected.simpleName carrying Stripe's type, code, param, message and Request-Id, after #attempts attempt(s)"() {
        given:
        stripe.answers('/v1/balance', stripe.error(status, type, code, param, message))

        when:
        await(ledger { maxAttempts(3) }.readBalance(Account.platform()))

        then:
        UpstreamException e = thrown()
        e.class == expected
        e.error().httpStatus() == status
        e.error().type() == type
        e.error().code() == code
        e.error().param() == param
        e.error().message() == message
        e.message == message
        e.error().requestId() ==~ /req_fake\d+/
        e.isTransient() == transientFailure
        stripe.count('/v1/balance') == attempts

        where:
        status | type                    | code                          | param        | message                                                            || expected                     | attempts | transientFailure
        400    | 'invalid_request_error' | 'parameter_unknown'           | 'parameter1' | 'Received unknown parameter: parameter1'                           || InvalidRequestException      | 1        | false
        401    | 'invalid_request_error' | null                          | null         | 'Invalid API Key provided: sk_test_****************************EFGH' || AuthenticationException   | 1        | false
        402    | 'card_error'            | 'card_declined'               | null         | 'Your card was declined.'                                          || InvalidRequestException      | 1        | false
        403    | 'invalid_request_error' | 'secret_key_required'         | null         | 'This API call cannot be made with a restricted key.'              || PermissionException          | 1        | false
        404    | 'invalid_request_error' | 'resource_missing'            | 'id'         | "No such balance: 'x'"                                             || NotFoundException            | 1        | false
        409    | 'idempotency_error'     | 'lock_timeout'                | null         | 'This object cannot be accessed right now.'                        || InvalidRequestException      | 3        | false
        424    | 'api_error'             | 'external_dependency_failed'  | null         | 'A service Stripe depends on failed.'                              || UpstreamUnavailableException | 1        | true
        429    | 'invalid_request_error' | 'rate_limit'                  | null         | 'Too many requests hit the API too quickly.'                       || RateLimitedException         | 3        | true
        500    | 'api_error'             | null                          | null         | 'An unknown error occurred'                                        || UpstreamUnavailableException | 3        | true
        502    | 'api_error'             | null                          | null         | 'Bad gateway'                                                      || UpstreamUnavailableException | 3        | true
        503    | 'api_error'             | null                          | null         | 'Service unavailable'                                              || UpstreamUnavailableException | 3        | true
        504    | 'api_error'             | null                          | null         | 'Gateway timeout'                                                  || UpstreamUnavailableException | 3        | true
    }

    def "a list or a retrieval fails the same way as a balance read"() {
        given:
        stripe.answers('/v1/balance_transactions', stripe.error(400, 'invalid_request_error', 'resource_missing', 'starting_after',
                "No such balance transaction: 'txn_gone'"))
        stripe.answers('/v1/balance_transactions/txn_1', stripe.error(403, 'invalid_request_error', null, null,
                'The provided key does not have access to account acct_1DemoConnected.'))

        when:
        await(ledger().listTransactions(Account.platform(), BalanceTransactionQuery.builder().after('txn_gone').build()))

        then:
        InvalidRequestException invalid = thrown()
        invalid.error().param() == 'starting_after'

        when:
        await(ledger().getTransaction(Account.connected('acct_1DemoConnected'), 'txn_1', false))

        then:
        PermissionException permission = thrown()
        permission.message.contains('acct_1DemoConnected')
    }

    def "a 429 that gives up carries Stripe's Retry-After"() {
        given:
        stripe.answers('/v1/balance', stripe.error(429, 'invalid_request_error', 'rate_limit', null, 'Too many requests')
                .withHeader('Retry-After', '30'))

        when: 'waiting 30 s would pass the deadline'
        await(ledger { deadline(Duration.ofSeconds(10)) }.readBalance(Account.platform()))

        then: 'the adapter gives up at once'
        RateLimitedException e = thrown()
        e.retryAfter() == Optional.of(Duration.ofSeconds(30))
        stripe.count('/v1/balance') == 1
        clock.elapsed == Duration.ZERO
    }

    def "a 429 without Retry-After says nothing about when"() {
        given:
        stripe.answers('/v1/balance', stripe.error(429, 'invalid_request_error', 'rate_limit', null, 'Too many requests'))

        when:
        await(ledger { maxAttempts(1) }.readBalance(Account.platform()))

        then:
        RateLimitedException e = thrown()
        e.retryAfter().isEmpty()
    }

    def "an error answer without Stripe's error body (#body.length() bytes of #contentType) still says what happened"() {
        given:
        stripe.answers('/v1/balance', stripe.stripe(status, body).withHeader('Content-Type', contentType))

        when:
        await(ledger { maxAttempts(2) }.readBalance(Account.platform()))

        then:
        UpstreamException e = thrown()
        e.class == expected
        e.message.startsWith(start)
        e.message.endsWith(end)
        e.error().type() == null
        e.error().code() == null
        e.error().requestId() ==~ /req_fake\d+/

        where:
        status | contentType        | body                        || expected                     | start                                                                                              | end
        502    | 'text/html'        | '<html><h1>502</h1></html>' || UpstreamUnavailableException | 'Stripe answered GET /v1/balance with HTTP 502 (Bad Gateway) and no Stripe error body (text/html'   | ') (gave up after 2 attempts)'
        503    | 'text/plain'       | ''                          || UpstreamUnavailableException | 'Stripe answered GET /v1/balance with HTTP 503 (Service Unavailable) and no body'                  | ' (gave up after 2 attempts)'
        400    | 'application/json' | '{"error": "bad"}'          || InvalidRequestException      | 'Stripe answered GET /v1/balance with HTTP 400 (Bad Request) and no Stripe error body (application/json' | ')'
    }

    def "a failure of a connected account's read names the account"() {
        given:
        stripe.answers('/v1/balance', stripe.stripe(503, '').withHeader('Content-Type', 'text/plain'))

        when:
        await(ledger { maxAttempts(1) }.readBalance(Account.connected('acct_1DemoConnected')))

        then:
        UpstreamUnavailableException e = thrown()
        e.message == 'Stripe answered GET /v1/balance for acct_1DemoConnected with HTTP 503 (Service Unavailable) and no body'
    }

    def "an error body with a field of an unexpected type still yields Stripe's message"() {
        given:
        stripe.answers('/v1/balance', stripe.stripe(400,
                '{"error": {"type": "invalid_request_error", "doc_url": {"a": 1}, "param": 7, "message": "Bad thing"}}'))

        when:
        await(ledger().readBalance(Account.platform()))

        then:
        InvalidRequestException e = thrown()
        e.message == 'Bad thing'
        e.error().type() == 'invalid_request_error'
        e.error().param() == null
    }

    def "the API key never appears in an exception message or a log line, even when Stripe echoes it"() {
        given: 'every log line, at every level, is captured'
        // Raw bodies are logged at TRACE on the wire logger only; these answers echo the key, which Stripe never does.
        def logs = new CapturedLogs((org.slf4j.Logger.ROOT_LOGGER_NAME): Level.TRACE, 'io.balancegraph': Level.TRACE,
                (StripeTransport.WIRE_LOGGER): Level.DEBUG)

        and: 'Stripe answers every way it can fail, a message echoing the key in full among them'
        stripe.answers('/v1/balance', stripe.error(401, 'invalid_request_error', null, null,
                "Invalid API Key provided: ${FakeStripe.KEY}"))
        stripe.answers('/v1/balance_transactions', stripe.error(400, 'invalid_request_error', 'parameter_invalid', 'key',
                "The key ${FakeStripe.KEY} is not allowed here"))
        stripe.answers('/v1/balance_transactions/txn_slow', stripe.slow(3_000))
        stripe.answers('/v1/balance_transactions/txn_reset', stripe.connectionReset())
        stripe.answers('/v1/balance_transactions/txn_html', stripe.stripe(200, "<html>${FakeStripe.KEY}</html>"))
        def stripeLedger = ledger { readTimeout(Duration.ofMillis(300)) }
        def nowhere = ledger { baseUrl('http://localhost:1') }

        when:
        List<Throwable> failures = [
                { await(stripeLedger.readBalance(Account.platform())) },
                { await(stripeLedger.listTransactions(Account.platform(), BalanceTransactionQuery.firstPage())) },
                { await(stripeLedger.getTransaction(Account.platform(), 'txn_slow', false)) },
                { await(stripeLedger.getTransaction(Account.platform(), 'txn_reset', false)) },
                { await(stripeLedger.getTransaction(Account.platform(), 'txn_html', false)) },
                { await(nowhere.readBalance(Account.platform())) },
                { StripeLedgers.builder().apiKey(FakeStripe.KEY + ' ').build() },
                { StripeLedgers.builder().apiKey(FakeStripe.KEY.replace('sk_', 'pk_')).build() },
                { StripeLedgers.builder().apiKey(FakeStripe.KEY.replace('sk_live', 'sk_test')).baseUrl("http://${FakeStripe.KEY}@localhost").build() },
        ].collect { attempt ->
            try {
                attempt()
                null
            } catch (Throwable e) {
                e
            }
        }

        then: 'each failed, and the key is in no message, no cause, no string form'
        failures.every { it != null }
        failures*.class*.simpleName == ['AuthenticationException', 'InvalidRequestException', 'UpstreamConnectionException',
                                        'UpstreamConnectionException', 'UpstreamUnavailableException',
                                        'UpstreamConnectionException', 'IllegalArgumentException',
                                        'IllegalArgumentException', 'IllegalArgumentException']
        failures.each { failure -> chain(failure).each { assert !it.toString().contains(secretPart()) } }
        failures[0].message == 'Invalid API Key provided: sk_test_…'

        and: 'the adapter logged, and no line (nor its exception) holds the key'
        logs.events.any { it.loggerName == 'io.balancegraph.stripe' }
        logs.texts.every { !it.contains(secretPart()) }

        and: 'nor do the ledger and its settings when printed'
        !stripeLedger.toString().contains(secretPart())
        !stripeLedger.settings().toString().contains(secretPart())

        cleanup:
        logs.close()
    }

    def "with every logger at TRACE, the wire log shows the request's headers with the key masked"() {
        given:
        def logs = new CapturedLogs((org.slf4j.Logger.ROOT_LOGGER_NAME): Level.TRACE, 'io.balancegraph': Level.TRACE)
        stripe.answers('/v1/balance', 'balance')
        stripe.answers('/v1/balance_transactions', stripe.error(401, 'invalid_request_error', null, null,
                'Invalid API Key provided: sk_test_****************************EFGH'))

        when:
        await(ledger().readBalance(Account.platform()))
        await(ledger().listTransactions(Account.platform(), BalanceTransactionQuery.firstPage()))

        then:
        thrown(AuthenticationException)
        def wireLines = logs.events.findAll { it.loggerName == StripeTransport.WIRE_LOGGER }*.formattedMessage
        wireLines.any { it.startsWith('Authorization') }
        wireLines.any { it.contains('"object": "balance"') }
        logs.texts.every { !it.contains(secretPart()) }

        cleanup:
        logs.close()
    }

    /** The key without its public prefix: what must never be shown. */
    private static String secretPart() {
        FakeStripe.KEY.substring('sk_test_'.length())
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = []
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.cause) {
            chain << t
            chain.addAll(t.suppressed)
        }
        chain
    }
}
