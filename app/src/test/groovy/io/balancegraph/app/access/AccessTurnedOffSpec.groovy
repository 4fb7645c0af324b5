package io.balancegraph.app.access

import io.balancegraph.app.EndpointSpec
import io.balancegraph.graphql.AccessGrant
import io.micronaut.context.annotation.Property
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject

/** balancegraph.access.enabled=false with a Stripe key: the endpoint is open and every request may read every account. */
@MicronautTest
@Property(name = 'balancegraph.test.stand-in-ledger', value = 'true')
@Property(name = 'balancegraph.test.record-grants', value = 'true')
@Property(name = 'stripe.api-key', value = 'sk_test_onlyAPlaceholder0123')
@Property(name = 'balancegraph.access.enabled', value = 'false')
class AccessTurnedOffSpec extends EndpointSpec {

    @Inject
    GrantRecorder recorder

    def "a request without a token reads any account"() {
        when:
        def answer = http.graphql('{ balance(account: "acct_1DemoConnected") { livemode } }')

        then:
        answer.status == 200
        answer.json == [data: [balance: [livemode: false]]]
        recorder.last == AccessGrant.ALL
    }
}
