package io.balancegraph.app.config

import ch.qos.logback.classic.Level
import io.balancegraph.app.LogCapture
import io.micronaut.context.ApplicationContext
import io.micronaut.context.exceptions.ConfigurationException
import io.micronaut.runtime.exceptions.ApplicationStartupException
import io.micronaut.runtime.server.EmbeddedServer
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/**
 * A wrong setting stops the start with one line naming the key. Every start here is pointed at a port this spec
 * holds open: had the app tried to bind it before failing, the line would say the port is taken instead.
 */
class FailFastStartSpec extends Specification {

    static final String KEY = 'sk_test_51FailFastSpecKey0123456789'
    static final String TOKEN = 'fail-fast-spec-token-0123456789'
    static final Map STRIPE = ['stripe.api-key': KEY, 'balancegraph.access.tokens': [[token: TOKEN, accounts: ['platform']]]]

    @Shared @AutoCleanup
    ServerSocket occupied = new ServerSocket(0)

    def "#key = '#value' stops the start with one line naming it, before the port is bound"() {
        when:
        start(['micronaut.server.port': occupied.localPort] + base + [(key): value])

        then:
        ApplicationStartupException e = thrown()
        e.message == StartupFailure.PREFIX + line
        !e.message.contains('\n')
        secret == null || !e.message.contains(secret)

        where:
        key                                        | value                     | base   | secret            || line
        'stripe.api-key'                           | 'pk_test_51Publishable01' | STRIPE | '51Publishable01' || "stripe.api-key is not a Stripe secret or restricted key: it starts with 'pk_test_…', a publishable key, which cannot read balances; use the secret key (sk_…) or a restricted key (rk_…) with read access to balances"
        'stripe.api-key'                           | 'sk_test_bad-key-123'     | STRIPE | 'bad-key-123'     || "stripe.api-key is not a Stripe secret or restricted key: after 'sk_test_' a key has only letters and digits, and this one has others"
        'stripe.api-key'                           | ''                        | STRIPE | null              || 'stripe.api-key is empty: set it (or STRIPE_API_KEY) to a secret key (sk_test_…/sk_live_…) or a restricted key (rk_test_…/rk_live_…) from the Stripe Dashboard'
        'stripe.base-url'                          | 'ftp://stripe.example'    | STRIPE | null              || "stripe.base-url must be an absolute http(s) URL such as https://api.stripe.com, not 'ftp://stripe.example'"
        'stripe.api-version'                       | 'latest'                  | STRIPE | null              || "stripe.api-version must be a dated Stripe API version such as '2026-07-29.dahlia' or '2023-10-16', not 'latest'"
        'stripe.transactions-path'                 | 'history'                 | STRIPE | null              || "stripe.transactions-path must be one of 'balance_transactions' or 'balance/history', not 'history'"
        'stripe.read-timeout'                      | '0s'                      | STRIPE | null              || 'stripe.read-timeout must be a positive duration such as 2s or 500ms, not PT0S'
        'stripe.deadline'                          | 'soon'                    | STRIPE | null              || "stripe.deadline is 'soon', which is not a duration such as 30s, 500ms or PT30S"
        'stripe.retry.max-attempts'                | '11'                      | STRIPE | null              || 'stripe.retry.max-attempts must be between 1 (no retries) and 10, not 11'
        'stripe.retry.max-attempts'                | 'three'                   | STRIPE | null              || "stripe.retry.max-attempts is 'three', which is not a whole number"
        'stripe.rate-limit.requests-per-second'    | '-1'                      | STRIPE | null              || 'stripe.rate-limit values are requests per second, 0 or more (0: no limit), not -1'
        'stripe.rate-limit.bulk-share'             | '0'                       | STRIPE | null              || 'stripe.rate-limit.bulk-share is a percentage of the rate limit, 1 to 100, not 0'
        'balancegraph.access.tokens'               | []                        | STRIPE | KEY               || 'A Stripe key (stripe.api-key) is configured but no access tokens: anyone could read the account. Configure balancegraph.access.tokens (a list of {token, accounts}), or set balancegraph.access.enabled=false to serve /graphql without authentication on purpose.'
        'balancegraph.access.tokens'               | [[token: 'short-secret-1', accounts: ['platform']]] | STRIPE | 'short-secret-1' || 'balancegraph.access.tokens[0].token is shorter than 16 characters: use a long random value, e.g. from `openssl rand -base64 32`.'
        'balancegraph.access.enabled'              | 'maybe'                   | STRIPE | null              || "balancegraph.access.enabled must be true or false, not 'maybe'"
        'balancegraph.cors.allowed-origins'        | 'dashboard.example.com'   | [:]    | null              || "balancegraph.cors.allowed-origins: 'dashboard.example.com' is not an origin: write scheme://host[:port] with no path, e.g. https://dashboard.example.com."
        'balancegraph.cache.ttl'                   | 'banana'                  | [:]    | null              || "balancegraph.cache.ttl is 'banana', which is not a duration such as 30s, 500ms or PT30S"
        'balancegraph.cache.ttl'                   | '-5s'                     | [:]    | null              || 'balancegraph.cache.ttl must be 0s (no cache) or more, such as 30s, not PT-5S'
        'stripe.webhook-secret'                    | 'sk_test_notAWebhookKey01' | [:]   | 'notAWebhookKey01' || "stripe.webhook-secret is not a webhook signing secret: use the endpoint's signing secret (whsec_…) from the Stripe Dashboard, or the one `stripe listen` prints"
        'stripe.webhook-secret'                    | 'whsec_short'             | [:]    | 'whsec_short'     || "stripe.webhook-secret is not a webhook signing secret: use the endpoint's signing secret (whsec_…) from the Stripe Dashboard, or the one `stripe listen` prints"
        'balancegraph.webhooks.tolerance'          | '0s'                      | [:]    | null              || "balancegraph.webhooks.tolerance must be from 1s to 1h (Stripe's default is 300s), not PT0S"
        'balancegraph.webhooks.max-body-size'      | '1MB'                     | [:]    | null              || 'balancegraph.webhooks.max-body-size must be from 1KB to micronaut.server.max-request-size (65536 bytes), not 1048576 bytes'
        'balancegraph.webhooks.event-memory'       | '10s'                     | [:]    | null              || 'balancegraph.webhooks.event-memory must be 1m or more (Stripe re-delivers for up to 3 days: 72h), not PT10S'
        'balancegraph.webhooks.event-memory-size'  | '0'                       | [:]    | null              || 'balancegraph.webhooks.event-memory-size must be 1 or more, not 0'
        'balancegraph.subscriptions.max-per-connection' | '0'             | [:]    | null              || 'balancegraph.subscriptions.max-per-connection must be 1 or more, not 0'
        'balancegraph.subscriptions.max-connections-per-token' | '-1'       | [:]    | null              || 'balancegraph.subscriptions.max-connections-per-token must be 1 or more, not -1'
        'balancegraph.subscriptions.ping-interval' | '100ms'                   | [:]    | null              || 'balancegraph.subscriptions.ping-interval must be 1s or more, such as 30s, not PT0.1S'
        'graphql.graphql-ws.enabled'               | 'on'                      | [:]    | null              || "graphql.graphql-ws.enabled must be true or false, not 'on'"
        'balancegraph.demo.tick-interval'          | '500ms'                   | [:]    | null              || 'balancegraph.demo.tick-interval must be 1s or more, such as 5s, not PT0.5S'
        'balancegraph.demo.tick-interval'          | '5s'                      | STRIPE | KEY               || 'balancegraph.demo.tick-interval moves the demo ledger, and stripe.api-key is set: remove one of them'
        'balancegraph.graphql.cursor-secret'       | 'tooShortSecret'          | [:]    | 'tooShortSecret'  || 'balancegraph.graphql.cursor-secret must have at least 32 characters, not 14: use a long random value, e.g. from `openssl rand -base64 32`, or leave it unset for a random key per process'
        'balancegraph.graphql.max-depth'           | 'deep'                    | [:]    | null              || "balancegraph.graphql.max-depth is 'deep', which is not a whole number"
        'balancegraph.graphql.max-depth'           | '0'                       | [:]    | null              || 'balancegraph.graphql.max-depth must be 1 or more, not 0'
        'balancegraph.graphql.max-upstream-reads'  | '-2'                      | [:]    | null              || 'balancegraph.graphql.max-upstream-reads must be 1 or more, not -2'
        'balancegraph.graphql.max-summaries'       | '0'                       | [:]    | null              || 'balancegraph.graphql.max-summaries must be 1 or more, not 0'
        'balancegraph.finance.walk-deadline'       | '0s'                      | [:]    | null              || 'balancegraph.finance.walk-deadline must be a positive duration such as 2m, not PT0S'
        'balancegraph.finance.walk-deadline'       | 'later'                   | [:]    | null              || "balancegraph.finance.walk-deadline is 'later', which is not a duration such as 30s, 500ms or PT30S"
        'balancegraph.finance.max-transactions'    | '0'                       | [:]    | null              || 'balancegraph.finance.max-transactions must be 1 or more, not 0'
        'balancegraph.finance.concurrency'         | '101'                     | [:]    | null              || 'balancegraph.finance.concurrency must be between 1 and 100, not 101'
        'balancegraph.finance.summary-ttl'         | '-1s'                     | [:]    | null              || 'balancegraph.finance.summary-ttl must be 0s (keep none) or more, such as 10m, not PT-1S'
        'balancegraph.export.max-transactions'     | '0'                       | [:]    | null              || 'balancegraph.export.max-transactions must be 1 or more, not 0'
        'balancegraph.export.max-transactions'     | 'lots'                    | [:]    | null              || "balancegraph.export.max-transactions is 'lots', which is not a whole number"
        'balancegraph.export.timeout'              | '500ms'                   | [:]    | null              || 'balancegraph.export.timeout must be 1s or more, such as 2m, not PT0.5S'
        'balancegraph.export.timeout'              | 'never'                   | [:]    | null              || "balancegraph.export.timeout is 'never', which is not a duration such as 30s, 500ms or PT30S"
        'balancegraph.graphql.introspection'       | 'yes please'              | [:]    | null              || "balancegraph.graphql.introspection must be true or false, not 'yes please'"
        'redis.uri'                                | 'localhost:6379'          | [:]    | null              || "redis.uri must be a Redis URI such as redis://redis.internal:6379 or rediss://:password@redis.internal:6380/0, not 'localhost:6379'"
        'redis.uri'                                | 'redis://:hunter2hunter2@'| [:]    | 'hunter2hunter2'  || "redis.uri must be a Redis URI such as redis://redis.internal:6379 or rediss://:password@redis.internal:6380/0, not 'redis://…@'"
        'redis.uri'                                | 'http://:pw-secret-1@redis.internal' | [:] | 'pw-secret-1' || "redis.uri must be a Redis URI such as redis://redis.internal:6379 or rediss://:password@redis.internal:6380/0, not 'http://…@redis.internal'"
        'redis.uri'                                | ''                        | [:]    | null              || 'redis.uri is empty: set it (or REDIS_URI) to a Redis URI such as redis://redis.internal:6379, or leave it unset to keep every budget and cache in this process'
        'balancegraph.redis.command-timeout'       | '0s'                      | ['redis.uri': 'redis://127.0.0.1:1'] | null || 'balancegraph.redis.command-timeout must be more than 0s and at most 5s, such as 250ms, not PT0S'
        'micronaut.server.port'                    | 'eighty'                  | [:]    | null              || "micronaut.server.port must be a port number from 0 to 65535 (-1: any free port), not 'eighty'"
        'micronaut.server.port'                    | '70000'                   | [:]    | null              || "micronaut.server.port must be a port number from 0 to 65535 (-1: any free port), not '70000'"
    }

    def "the settings check runs before the other start-up checks, so its line comes first when several are wrong"() {
        when: 'a Stripe key without tokens (access control would refuse it) and a short cursor secret (the settings check would)'
        start(['micronaut.server.port': occupied.localPort, 'stripe.api-key': KEY, 'balancegraph.graphql.cursor-secret': 'tooShortSecret'])

        then:
        ApplicationStartupException e = thrown()
        e.message.startsWith(StartupFailure.PREFIX + 'balancegraph.graphql.cursor-secret ')
    }

    def "a start stopped by a wrong setting logs nothing: its line is all there is to read"() {
        // (Micronaut names the environments it was given, here "test"; the packaged jar is given none.)
        when:
        def events = LogCapture.during {
            try {
                start(['micronaut.server.port': occupied.localPort] + STRIPE + ['balancegraph.graphql.cursor-secret': 'tooShortSecret'])
            } catch (ApplicationStartupException expected) {
                assert expected.message.contains('cursor-secret')
            }
        }

        then:
        events.findAll { it.level.isGreaterOrEqual(Level.INFO) }*.formattedMessage == ['Established active environments: [test]']
    }

    def "a port another process listens on stops the start with one line naming micronaut.server.port"() {
        when:
        start(['micronaut.server.port': occupied.localPort])

        then:
        ApplicationStartupException e = thrown()
        e.message.startsWith(StartupFailure.PREFIX + 'micronaut.server.port: another process already listens on that port (')
        e.message.contains(":${occupied.localPort})")
        e.message.endsWith('stop it or choose another port (MICRONAUT_SERVER_PORT)')
    }

    def "with every setting right the same launcher starts the server"() {
        when:
        def context = start(['micronaut.server.port': -1] + STRIPE + ['balancegraph.graphql.max-depth': '20',
                'balancegraph.cache.ttl': '30s', 'balancegraph.access.enabled': 'TRUE'])

        then:
        context.getBean(EmbeddedServer).running

        cleanup:
        context?.close()
    }

    def "a failure that is not a setting is still one line: its type and first line, keys cut to their prefix"() {
        given:
        def failure = new RuntimeException('wrapper', new IllegalStateException("it broke\n  near ${KEY}\n\tat x.y(Z.java:1)"))

        expect:
        StartupFailure.line(failure) == StartupFailure.PREFIX + 'IllegalStateException: it broke near sk_test_… at x.y(Z.java:1)'
        !StartupFailure.isExplained(failure)
        StartupFailure.isExplained(new RuntimeException(new ConfigurationException('stripe.deadline must be positive')))
    }

    /** The app's own launcher, in the test environment (where it throws its line instead of exiting). */
    private static ApplicationContext start(Map properties) {
        new FailFastMicronaut().environments('test').environmentPropertySource(false).banner(false)
                .properties(properties).start()
    }
}
