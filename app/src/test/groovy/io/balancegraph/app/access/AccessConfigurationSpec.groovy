package io.balancegraph.app.access

import ch.qos.logback.classic.Level
import io.balancegraph.app.LogCapture
import io.micronaut.context.ApplicationContext
import io.micronaut.context.exceptions.ConfigurationException
import io.micronaut.runtime.server.EmbeddedServer
import spock.lang.Specification

/** When access control is on, and the start-up checks of its configuration. */
class AccessConfigurationSpec extends Specification {

    static final String TOKEN = 'a-long-enough-token-0123456789'
    static final Map STRIPE_KEY = ['stripe.api-key': 'sk_test_onlyAPlaceholder0123']

    def "access control is #state with #configuration"() {
        when:
        def context = ApplicationContext.run(properties)

        then:
        context.getBean(AccessControl).enabled == enabled

        cleanup:
        context?.close()

        where:
        configuration                                | properties                                                                   || enabled
        'no Stripe key (demo mode)'                  | [:]                                                                          || false
        'no Stripe key and access forced on'         | ['balancegraph.access.enabled': true]                                        || true
        'a Stripe key and tokens'                    | STRIPE_KEY + tokens([token: TOKEN, accounts: ['platform']])                  || true
        'a Stripe key, tokens and access turned off' | STRIPE_KEY + tokens([token: TOKEN, accounts: ['*']]) + ['balancegraph.access.enabled': false] || false
        'a Stripe key, no tokens, access turned off' | STRIPE_KEY + ['balancegraph.access.enabled': false]                          || false
        state = enabled ? 'on' : 'off'
    }

    def "the app refuses to start with a Stripe key and no tokens"() {
        when:
        ApplicationContext.run(STRIPE_KEY)

        then:
        def e = thrown(Exception)
        def message = configurationMessage(e)
        message.contains('no access tokens')
        message.contains('balancegraph.access.tokens')
        message.contains('balancegraph.access.enabled=false')
        !message.contains('sk_test_onlyAPlaceholder0123')
    }

    def "the app refuses to start when a token entry #problem"() {
        when:
        ApplicationContext.run(STRIPE_KEY + tokens(*entries))

        then:
        def e = thrown(Exception)
        def message = configurationMessage(e)
        message.contains(expected)
        entries.every { entry -> !entry.token || entry.token.size() < 3 || !message.contains(entry.token) }

        where:
        problem                          | entries                                                                                        || expected
        'has no token'                   | [[accounts: ['platform']]]                                                                     || 'balancegraph.access.tokens[0].token is missing'
        'has a blank token'              | [[token: '   ', accounts: ['platform']]]                                                      || 'balancegraph.access.tokens[0].token is missing'
        'has a short token'              | [[token: 'short-secret', accounts: ['platform']]]                                              || 'tokens[0].token is shorter than 16 characters'
        'has a token with spaces'        | [[token: 'has spaces in the secret', accounts: ['platform']]]                                  || 'tokens[0].token has characters a bearer token cannot carry'
        'repeats a token'                | [[token: TOKEN, accounts: ['platform']], [token: TOKEN, accounts: ['*']]]                      || 'tokens[1].token is the same as an earlier entry'
        'has no accounts'                | [[token: TOKEN]]                                                                               || 'tokens[0].accounts is empty'
        'names a malformed account'      | [[token: TOKEN, accounts: ['acct-123']]]                                                       || "tokens[0].accounts: A connected account id looks like 'acct_1032D82eZvKYlo2C', not 'acct-123'"
        'names a blank account'          | [[token: TOKEN, accounts: ['']]]                                                               || 'tokens[0].accounts: A connected account id'
        'is the second entry'            | [[token: TOKEN, accounts: ['platform']], [token: 'other-token-0123456789', accounts: ['all']]] || 'tokens[1].accounts'
    }

    def "tokens are never logged at start-up"() {
        when:
        def events = LogCapture.during {
            serve(STRIPE_KEY + tokens([token: TOKEN, accounts: ['platform']]))
        }

        then:
        LogCapture.anyContains(events, 'Access control is ON')
        !LogCapture.anyContains(events, TOKEN)
    }

    def "turning access off with a Stripe key is logged as a warning"() {
        when:
        def events = LogCapture.during {
            serve(STRIPE_KEY + ['balancegraph.access.enabled': false])
        }

        then:
        LogCapture.anyContains(events, 'Access control is OFF', Level.WARN)
    }

    /** Starts the server (access control says how it is set once the server listens) and stops it again. */
    private static void serve(Map properties) {
        ApplicationContext.run(EmbeddedServer, properties + ['micronaut.server.port': -1]).close()
    }

    private static Map tokens(Map... entries) {
        ['balancegraph.access.tokens': entries as List]
    }

    private static String configurationMessage(Throwable e) {
        def cause = e
        while (cause != null && !(cause instanceof ConfigurationException)) {
            cause = cause.cause
        }
        assert cause != null: "no ConfigurationException in $e"
        cause.message
    }
}
