package io.balancegraph.app.access

import io.balancegraph.app.RawHttp
import io.balancegraph.domain.demo.DemoLedger
import io.balancegraph.domain.port.BalanceLedger
import io.micronaut.context.annotation.Factory
import io.micronaut.context.annotation.Property
import io.micronaut.context.annotation.Requires
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import jakarta.inject.Singleton
import spock.lang.Specification

/**
 * With a Stripe key configured and nothing said about access control, /graphql asks for a token. The ledger
 * is the demo one standing in for Stripe, so no call leaves the machine.
 */
@MicronautTest
@Property(name = 'spec.name', value = 'StripeKeyRequiresTokenSpec')
@Property(name = 'stripe.api-key', value = 'sk_test_only_a_placeholder')
@Property(name = 'balancegraph.access.tokens[0].token', value = StripeKeyRequiresTokenSpec.TOKEN)
@Property(name = 'balancegraph.access.tokens[0].accounts', value = 'platform')
class StripeKeyRequiresTokenSpec extends Specification {

    static final String TOKEN = 'dashboard-token-0123456789abcdef'

    @Inject
    EmbeddedServer server

    RawHttp getHttp() {
        new RawHttp(server.URL)
    }

    def "a request without a token is refused"() {
        when:
        def answer = http.graphql('{ balance { livemode } }')

        then:
        answer.status == 401
        answer.errorCode == 'UNAUTHENTICATED'
        !answer.body.contains('sk_test')
    }

    def "a request with the token reads the balance"() {
        when:
        def answer = http.graphql('{ balance { livemode } }', [Authorization: "Bearer $TOKEN"])

        then:
        answer.status == 200
        answer.json == [data: [balance: [livemode: false]]]
    }

    @Factory
    @Requires(property = 'spec.name', value = 'StripeKeyRequiresTokenSpec')
    static class StandInForStripe {
        @Singleton
        BalanceLedger ledger() {
            DemoLedger.create()
        }
    }
}
