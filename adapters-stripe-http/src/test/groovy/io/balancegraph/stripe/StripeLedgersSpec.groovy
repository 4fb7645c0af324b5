package io.balancegraph.stripe

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.error.UpstreamConnectionException
import io.balancegraph.stripe.fake.FakeStripe
import io.balancegraph.stripe.fake.FakeStripeSpecification

import java.time.Duration
import java.util.concurrent.CompletionException

/** The plain-Java way in: a key, a builder, the ports; no dependency injection. */
class StripeLedgersSpec extends FakeStripeSpecification {

    def "a key is all a ledger needs; the rest defaults to Stripe's URL, the pinned version and short timeouts"() {
        when:
        def settings = StripeLedgers.builder().apiKey(FakeStripe.KEY).settings()

        then:
        settings.baseUrl() == URI.create('https://api.stripe.com')
        settings.apiVersion() == '2026-07-29.dahlia'
        settings.transactionsPath() == TransactionsPath.BALANCE_TRANSACTIONS
        settings.connectTimeout() == Duration.ofSeconds(2)
        settings.readTimeout() == Duration.ofSeconds(5)
        settings.deadline() == Duration.ofSeconds(12)
        settings.retry() == new StripeSettings.Retry(3, Duration.ofMillis(500), Duration.ofSeconds(5))
        settings.rateLimit().maxQueued() == 250
        settings.rateLimit().bulkShare() == 80
        settings == StripeSettings.defaults(StripeApiKey.of(FakeStripe.KEY))
    }

    def "the rate limit follows the key's mode: #limit per second for #prefix…"() {
        expect:
        StripeLedgers.builder().apiKey(key).settings().rateLimit() == new StripeSettings.RateLimit(limit, 25)

        where:
        key                                             || limit
        'sk_test_51TestModeKey0123456789abcdef'         || 25
        'rk_test_51TestModeRestrictedKey0123456789'     || 25
        'sk_live_51LiveModeKey0123456789abcdef'         || 100
        'rk_live_51LiveModeRestrictedKey0123456789'     || 100

        prefix = key.take(8)
    }

    def "a ledger built without any application context reads from the base URL it is given"() {
        given:
        stripe.answers('/v1/balance', 'balance')

        when:
        def balance
        try (StripeBalanceLedger ledger = StripeLedgers.builder().apiKey(FakeStripe.KEY).baseUrl(stripe.baseUrl).build()) {
            balance = ledger.readBalance(Account.platform()).toCompletableFuture().join()
        }

        then:
        balance.currencies()*.code() == ['EUR', 'JPY', 'KWD', 'USD']
    }

    def "a base URL may carry a path prefix, e.g. for a proxy; a trailing slash is dropped"() {
        given:
        stripe.answers('/stripe-proxy/v1/balance', 'balance-minimal')

        when:
        await(ledger { baseUrl("${stripe.baseUrl}/stripe-proxy/") }.readBalance(Account.platform()))

        then:
        stripe.onlyRequest().url == '/stripe-proxy/v1/balance'
    }

    def "the builder refuses #what with a message naming the setting"() {
        when:
        def builder = StripeLedgers.builder().apiKey(FakeStripe.KEY)
        builder.with(setting)
        builder.build()

        then:
        IllegalArgumentException e = thrown()
        e.message.startsWith(says)

        where:
        what                            | setting                                             || says
        'no key'                        | { apiKey(null) }                                    || 'stripe.api-key is empty'
        'a base URL that is not one'    | { baseUrl('not a url') }                            || "stripe.base-url is not a URL: 'not a url'"
        'a relative base URL'           | { baseUrl('/v1') }                                  || 'stripe.base-url must be an absolute http(s) URL'
        'a base URL with a query'       | { baseUrl('https://api.stripe.com?x=1') }            || 'stripe.base-url must not carry a query'
        'an API version that is not one'| { apiVersion('2025') }                              || 'stripe.api-version must be a dated Stripe API version'
        'a zero connect timeout'        | { connectTimeout(Duration.ZERO) }                   || 'stripe.connect-timeout must be a positive duration'
        'no read timeout'               | { readTimeout(null) }                               || 'stripe.read-timeout must be a positive duration'
        'eleven attempts'               | { maxAttempts(11) }                                 || 'stripe.retry.max-attempts must be between 1 (no retries) and 10, not 11'
        'a negative backoff'            | { initialBackoff(Duration.ofMillis(-1)) }           || 'stripe.retry.initial-backoff must be a positive duration'
        'a negative rate'               | { perEndpointRequestsPerSecond(-1) }                || 'stripe.rate-limit values are requests per second'
        'a negative queue bound'        | { maxQueued(-1) }                                   || 'stripe.rate-limit.max-queued must be 0 or more'
        'a bulk share of nothing'       | { bulkShare(0) }                                    || 'stripe.rate-limit.bulk-share is a percentage of the rate limit, 1 to 100, not 0'
    }

    def "closing a ledger fails the calls in flight and refuses new ones"() {
        given:
        stripe.answers('/v1/balance', stripe.slow(5_000))
        def stripeLedger = ledger()
        def inFlight = stripeLedger.readBalance(Account.platform()).toCompletableFuture()

        when:
        stripeLedger.close()
        inFlight.join()

        then:
        CompletionException e = thrown()
        e.cause instanceof UpstreamConnectionException
        e.cause.message == 'No answer from Stripe to GET /v1/balance: the Stripe ledger was closed'

        when:
        stripeLedger.readBalance(Account.platform()).toCompletableFuture().join()

        then:
        CompletionException refused = thrown()
        refused.cause instanceof UpstreamConnectionException
        refused.cause.message == 'No answer from Stripe to GET /v1/balance: the Stripe ledger was closed'

        when: 'closing again does nothing'
        stripeLedger.close()

        then:
        noExceptionThrown()
    }

    def "a ledger printed shows the kind of key, never the key"() {
        expect:
        ledger().toString() == "StripeBalanceLedger[sk_test_… at ${stripe.baseUrl}, Stripe-Version 2026-07-29.dahlia]"
    }
}
