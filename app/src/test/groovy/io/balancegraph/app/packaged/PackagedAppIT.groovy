package io.balancegraph.app.packaged

import com.github.tomakehurst.wiremock.WireMockServer
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo
import static com.github.tomakehurst.wiremock.client.WireMock.get
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options

/**
 * The shipped artifact, run as the README says: `java -jar app/target/balancegraph.jar`. Catches what specs
 * inside one class path cannot: a dependency missing from the fat jar, a service file lost in shading.
 */
class PackagedAppIT extends Specification {

    static final String KEY = 'sk_test_packagedJarItKey0123'
    static final String TOKEN = 'packaged-jar-it-token-0123456789'
    static final String PARTNER_TOKEN = 'packaged-jar-it-partner-token-0123'

    @Shared @AutoCleanup('stop')
    WireMockServer stripe = new WireMockServer(options().dynamicPort())

    def setupSpec() {
        stripe.start()
        stripe.stubFor(get(urlPathEqualTo('/v1/balance')).willReturn(aResponse()
                .withHeader('Content-Type', 'application/json').withHeader('Request-Id', 'req_packagedIt')
                .withBody('''{"object":"balance","livemode":false,
                  "available":[{"amount":3000000000,"currency":"usd","source_types":{"card":3000000000}}],
                  "pending":[{"amount":-1500,"currency":"jpy"}]}''')))
        stripe.stubFor(get(urlPathEqualTo('/v1/balance_transactions')).willReturn(aResponse()
                .withStatus(503).withHeader('Content-Type', 'application/json').withHeader('Request-Id', 'req_down')
                .withBody('{"error":{"type":"api_error","message":"Stripe is down"}}')))
    }

    def "with no Stripe key the jar serves the demo ledger"() {
        given:
        def app = new RunningJar('demo', [:])

        when:
        def answer = app.graphql('{ balance { available { money { amount currencyCode } } } }')

        then:
        answer.status == 200
        answer.json.data.balance.available*.money*.currencyCode == ['EUR', 'JPY', 'KWD', 'USD']
        app.output().contains('Serving demo ledger')

        cleanup:
        app?.close()
    }

    def "with a Stripe key the jar reads Stripe, behind a bearer token, and never prints the key"() {
        given:
        def app = new RunningJar('stripe', [
                STRIPE_API_KEY            : KEY,
                STRIPE_BASE_URL           : stripe.baseUrl(),
                STRIPE_RETRY_INITIAL_BACKOFF: '10ms',
                MICRONAUT_APPLICATION_JSON: """{"balancegraph":{"access":{"tokens":[{"token":"$TOKEN","accounts":["platform"]},
                    {"token":"$PARTNER_TOKEN","accounts":["acct_1Partner"]}]}}}""".toString()])

        when:
        def anonymous = app.graphql('{ balance { livemode } }')
        def answer = app.graphql('{ balance { available { money { amount minorUnits } } pending { money { amount } } } balanceTransactions(first: 3) { nodes { id } } }',
                [Authorization: "Bearer $TOKEN"])
        def foreign = app.graphql('{ balance { livemode } }', [Authorization: "Bearer $PARTNER_TOKEN"])

        then:
        anonymous.status == 401
        answer.status == 200
        answer.json.data.balance.available[0].money == [amount: '30000000.00', minorUnits: 3_000_000_000L]
        answer.json.data.balance.pending[0].money.amount == '-1500'

        and: 'Stripe failing the transactions leaves the balance standing, with a coded error and its request id'
        answer.json.data.balanceTransactions == null
        answer.json.errors*.extensions*.code == ['UPSTREAM_UNAVAILABLE']
        answer.json.errors[0].extensions.requestId == 'req_down'

        and: 'a token for another account is refused without a Stripe call'
        foreign.json.errors*.extensions*.code == ['FORBIDDEN']
        stripe.findAll(getRequestedFor(urlPathEqualTo('/v1/balance'))).size() == 1
        stripe.verify(getRequestedFor(urlPathEqualTo('/v1/balance')).withHeader('Authorization', equalTo("Bearer $KEY")))
        app.output().contains("Serving Stripe at ${stripe.baseUrl()} (key sk_test_…)")
        !app.output().contains(KEY)
        !app.output().contains(TOKEN)

        cleanup:
        app?.close()
    }
}
