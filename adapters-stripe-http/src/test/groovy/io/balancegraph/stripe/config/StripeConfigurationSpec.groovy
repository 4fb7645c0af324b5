package io.balancegraph.stripe.config

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.error.UpstreamConnectionException
import io.balancegraph.domain.port.BalanceLedger
import io.balancegraph.stripe.StripeApiKey
import io.balancegraph.stripe.StripeBalanceLedger
import io.balancegraph.stripe.StripeSettings
import io.balancegraph.stripe.TransactionsPath
import io.balancegraph.stripe.fake.FakeStripe
import io.micronaut.context.ApplicationContext
import io.micronaut.context.env.PropertySource
import io.micronaut.context.exceptions.ConfigurationException
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.time.Duration
import java.util.concurrent.TimeUnit

/** The adapter in a Micronaut application: wired from {@code stripe.*} only when a key is set, checked at start-up. */
class StripeConfigurationSpec extends Specification {

    @Shared
    @AutoCleanup
    FakeStripe stripe = new FakeStripe()

    def setup() {
        stripe.reset()
    }

    def "without stripe.api-key there is no Stripe ledger, and the application starts"() {
        when:
        def context = start([:])

        then:
        !context.containsBean(StripeBalanceLedger)
        !context.containsBean(BalanceLedger)

        cleanup:
        context?.close()
    }

    def "with stripe.api-key the ledger is built at start-up from the stripe.* properties"() {
        given:
        stripe.answers('/v1/balance/history', 'transactions-older')

        when:
        def context = start([
                'stripe.api-key'                                   : FakeStripe.KEY,
                'stripe.base-url'                                  : stripe.baseUrl,
                'stripe.api-version'                               : '2024-06-20',
                'stripe.transactions-path'                         : 'balance/history',
                'stripe.connect-timeout'                           : '1s',
                'stripe.read-timeout'                              : '3s',
                'stripe.deadline'                                  : '9s',
                'stripe.retry.max-attempts'                        : '2',
                'stripe.retry.initial-backoff'                     : '10ms',
                'stripe.retry.max-backoff'                         : '20ms',
                'stripe.rate-limit.requests-per-second'            : '7',
                'stripe.rate-limit.per-endpoint-requests-per-second': '0',
                'stripe.rate-limit.max-queued'                     : '40',
                'stripe.rate-limit.bulk-share'                     : '60'])
        def ledger = context.getBean(BalanceLedger)

        then:
        ledger instanceof StripeBalanceLedger
        with(((StripeBalanceLedger) ledger).settings()) {
            apiKey() == StripeApiKey.of(FakeStripe.KEY)
            baseUrl() == URI.create(stripe.baseUrl)
            apiVersion() == '2024-06-20'
            transactionsPath() == TransactionsPath.BALANCE_HISTORY
            connectTimeout() == Duration.ofSeconds(1)
            readTimeout() == Duration.ofSeconds(3)
            deadline() == Duration.ofSeconds(9)
            retry() == new StripeSettings.Retry(2, Duration.ofMillis(10), Duration.ofMillis(20))
            rateLimit() == new StripeSettings.RateLimit(7, 0, 40, 60)
        }

        when:
        ledger.listTransactions(Account.platform(), io.balancegraph.domain.query.BalanceTransactionQuery.firstPage())
                .toCompletableFuture().get(10, TimeUnit.SECONDS)

        then:
        stripe.onlyRequest().url == '/v1/balance/history?limit=10'
        stripe.onlyRequest().getHeader('Stripe-Version') == '2024-06-20'

        cleanup:
        context?.close()
    }

    def "with only a key every other setting has its default"() {
        when:
        def context = start(['stripe.api-key': FakeStripe.KEY])

        then:
        context.getBean(StripeBalanceLedger).settings() == StripeSettings.defaults(StripeApiKey.of(FakeStripe.KEY))

        cleanup:
        context?.close()
    }

    def "STRIPE_API_KEY and STRIPE_BASE_URL in the environment configure it"() {
        given:
        stripe.answers('/v1/balance', 'balance-minimal')
        def environment = PropertySource.of('test-environment', [STRIPE_API_KEY: FakeStripe.KEY, STRIPE_BASE_URL: stripe.baseUrl],
                PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE)

        when:
        def context = ApplicationContext.builder().environmentPropertySource(false).deduceEnvironment(false)
                .propertySources(environment).start()
        context.getBean(BalanceLedger).readBalance(Account.platform()).toCompletableFuture().get(10, TimeUnit.SECONDS)

        then:
        stripe.onlyRequest().getHeader('Authorization') == "Bearer ${FakeStripe.KEY}"

        cleanup:
        context?.close()
    }

    def "a malformed key (#problem) stops start-up with a message naming stripe.api-key and showing at most #shown"() {
        when:
        start(['stripe.api-key': key])

        then:
        Exception e = thrown()
        def text = messages(e)
        configurationMessage(e).startsWith('stripe.api-key ')
        configurationMessage(e).contains(shown)
        key.length() < 12 || !text.contains(key.substring(8))

        where:
        problem                    | key                                                           || shown
        'a publishable key'        | 'pk_test_51TypeOfKeyThatCannotReadBalances0123456789'        || "'pk_test_…', a publishable key"
        'a trailing line break'    | FakeStripe.KEY + '\n'                                         || "contains white space (a line break copied with it?); the value starts with 'sk_test_…'"
        'a mode that is not one'   | 'sk_prod_51SomethingThatLooksLikeAKey0123456789'              || "starts with 'sk_…'"
        'something else entirely'  | 'hunter2-correct-horse-battery-staple'                        || 'something else (36 characters, not shown)'
        'an empty value'           | ''                                                            || 'stripe.api-key is empty'
    }

    def "a malformed #property stops start-up with a message naming it"() {
        when:
        start(['stripe.api-key': key, (property): value])

        then:
        Exception e = thrown()
        configurationMessage(e).startsWith(says)

        where:
        property                                 | value            | key                                               || says
        'stripe.base-url'                        | 'ftp://example'  | FakeStripe.KEY                                    || "stripe.base-url must be an absolute http(s) URL"
        'stripe.base-url'                        | 'http://example' | 'sk_live_51LiveKeyForTheHttpCheck0123456789abcd'  || 'stripe.base-url is plain http but the key is a live key (sk_live_…)'
        'stripe.api-version'                     | 'latest'         | FakeStripe.KEY                                    || "stripe.api-version must be a dated Stripe API version such as '2026-07-29.dahlia'"
        'stripe.transactions-path'               | 'history'        | FakeStripe.KEY                                    || "stripe.transactions-path must be one of 'balance_transactions' or 'balance/history', not 'history'"
        'stripe.deadline'                        | '0s'             | FakeStripe.KEY                                    || 'stripe.deadline must be a positive duration'
        'stripe.read-timeout'                    | '-1s'            | FakeStripe.KEY                                    || 'stripe.read-timeout must be a positive duration'
        'stripe.retry.max-attempts'              | '0'              | FakeStripe.KEY                                    || 'stripe.retry.max-attempts must be between 1 (no retries) and 10, not 0'
        'stripe.retry.max-backoff'               | '1ms'            | FakeStripe.KEY                                    || 'stripe.retry.max-backoff (PT0.001S) must not be shorter than stripe.retry.initial-backoff (PT0.5S)'
        'stripe.rate-limit.requests-per-second'  | '-5'             | FakeStripe.KEY                                    || 'stripe.rate-limit values are requests per second, 0 or more (0: no limit), not -5'
        'stripe.rate-limit.max-queued'           | '-1'             | FakeStripe.KEY                                    || 'stripe.rate-limit.max-queued must be 0 or more (0: no call waits for a permit), not -1'
        'stripe.rate-limit.bulk-share'           | '101'            | FakeStripe.KEY                                    || 'stripe.rate-limit.bulk-share is a percentage of the rate limit, 1 to 100, not 101'
    }

    def "a key pasted into stripe.base-url is cut to its prefix in the message"() {
        when:
        start(['stripe.api-key': FakeStripe.KEY, 'stripe.base-url': 'https://sk_live_51PastedSecret0123@api.example.com'])

        then:
        Exception e = thrown()
        configurationMessage(e) == "stripe.base-url must not carry a query, fragment or user info: 'https://sk_live_…@api.example.com'"
        !messages(e).contains('51PastedSecret0123')
    }

    def "closing the application closes the ledger"() {
        given:
        def context = start(['stripe.api-key': FakeStripe.KEY, 'stripe.base-url': stripe.baseUrl])
        def ledger = context.getBean(StripeBalanceLedger)

        when:
        context.close()
        ledger.readBalance(Account.platform()).toCompletableFuture().join()

        then:
        def e = thrown(Exception)
        e.cause instanceof UpstreamConnectionException
        e.cause.message == 'No answer from Stripe to GET /v1/balance: the Stripe ledger was closed'
        stripe.requests().isEmpty()
    }

    /** An application context with these properties only: no environment variables, no config files. */
    private static ApplicationContext start(Map<String, Object> properties) {
        ApplicationContext.builder()
                .environmentPropertySource(false)
                .deduceEnvironment(false)
                .properties(properties)
                .start()
    }

    /** The message of the ConfigurationException the start-up failed with: the one the app prints. */
    private static String configurationMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.cause == t ? null : t.cause) {
            if (t instanceof ConfigurationException) {
                return t.message
            }
        }
        throw new AssertionError("no ConfigurationException in $e")
    }

    private static String messages(Throwable e) {
        List<String> all = []
        for (Throwable t = e; t != null; t = t.cause == t ? null : t.cause) {
            all << t.message
        }
        all.join('\n')
    }
}
