package io.balancegraph.app.access

import io.balancegraph.app.RawHttp
import io.balancegraph.domain.demo.DemoLedger
import io.balancegraph.domain.port.BalanceLedger
import io.balancegraph.graphql.AccessGrant
import io.micronaut.context.annotation.Factory
import io.micronaut.context.annotation.Property
import io.micronaut.context.annotation.Requires
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import jakarta.inject.Singleton
import spock.lang.Specification

/** balancegraph.access.enabled=false with a Stripe key: the endpoint is open and every request may read every account. */
@MicronautTest
@Property(name = 'spec.name', value = 'AccessTurnedOffSpec')
@Property(name = 'balancegraph.test.record-grants', value = 'true')
@Property(name = 'stripe.api-key', value = 'sk_test_only_a_placeholder')
@Property(name = 'balancegraph.access.enabled', value = 'false')
class AccessTurnedOffSpec extends Specification {

    @Inject
    EmbeddedServer server

    @Inject
    GrantRecorder recorder

    def "a request without a token reads any account"() {
        when:
        def answer = new RawHttp(server.URL).graphql('{ balance(account: "acct_1DemoConnected") { livemode } }')

        then:
        answer.status == 200
        answer.json == [data: [balance: [livemode: false]]]
        recorder.last == AccessGrant.ALL
    }

    @Factory
    @Requires(property = 'spec.name', value = 'AccessTurnedOffSpec')
    static class StandInForStripe {
        @Singleton
        BalanceLedger ledger() {
            DemoLedger.create()
        }
    }
}
