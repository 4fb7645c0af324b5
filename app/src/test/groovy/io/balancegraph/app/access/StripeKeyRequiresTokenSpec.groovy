package io.balancegraph.app.access

import io.balancegraph.app.EndpointSpec
import io.micronaut.context.annotation.Property
import io.micronaut.test.extensions.spock.annotation.MicronautTest

/**
 * With a Stripe key configured and nothing said about access control, /graphql asks for a token. The ledger
 * is the demo one standing in for Stripe, so no call leaves the machine.
 */
@MicronautTest
@Property(name = 'balancegraph.test.stand-in-ledger', value = 'true')
@Property(name = 'stripe.api-key', value = 'sk_test_onlyAPlaceholder0123')
@Property(name = 'balancegraph.access.tokens[0].token', value = StripeKeyRequiresTokenSpec.TOKEN)
@Property(name = 'balancegraph.access.tokens[0].accounts', value = 'platform')
class StripeKeyRequiresTokenSpec extends EndpointSpec {

    static final String TOKEN = 'dashboard-token-0123456789abcdef'

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
}
