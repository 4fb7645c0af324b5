package io.balancegraph.app

import com.github.tomakehurst.wiremock.WireMockServer
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.test.support.TestPropertyProvider

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl
import static com.github.tomakehurst.wiremock.client.WireMock.get
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options

/**
 * The whole app over the real Stripe adapter, against a fake Stripe (WireMock) that records every call: what a
 * GraphQL query costs upstream, and what a client sees when Stripe fails.
 */
@MicronautTest
class StripeBackedGraphQLSpec extends EndpointSpec implements TestPropertyProvider {

    static final String DASHBOARD = '''{
        balance { available { money { amount currencyCode } } }
        currencies { code available { amount } pending { amount } }
        balanceTransactions(first: 10) { nodes { id type amount { amount currencyCode } source { id object } } }
    }'''

    static final WireMockServer stripe = new WireMockServer(options().dynamicPort())

    @Override
    Map<String, String> getProperties() {
        stripe.start()
        ['stripe.api-key'                        : 'sk_test_stripeBackedSpec0123',
         'stripe.base-url'                       : stripe.baseUrl(),
         'stripe.retry.initial-backoff'          : '5ms',
         'stripe.retry.max-backoff'              : '10ms',
         'stripe.deadline'                       : '2s',
         'stripe.rate-limit.requests-per-second' : '0',
         'stripe.rate-limit.per-endpoint-requests-per-second': '0',
         'balancegraph.access.enabled'           : 'false']
    }

    def setup() {
        stripe.resetAll()
        stubJson('/v1/balance', 200, '''{"object":"balance","livemode":false,
            "available":[{"amount":3000000000,"currency":"usd","source_types":{"card":3000000000}},
                         {"amount":-1234,"currency":"eur","source_types":{"card":-1234}}],
            "pending":[{"amount":1500,"currency":"jpy","source_types":{"card":1500}}],
            "brand_new_field":{"anything":true}}''')
        stubJson('/v1/balance_transactions', 200, '''{"object":"list","url":"/v1/balance_transactions","has_more":true,
            "data":[{"id":"txn_1","object":"balance_transaction","amount":1234,"available_on":1700000000,"created":1699990000,
                     "currency":"kwd","description":null,"exchange_rate":null,"fee":30,"fee_details":[],"net":1204,
                     "reporting_category":"charge","source":"ch_1","status":"pending","type":"quantum_settlement"}]}''')
    }

    def cleanupSpec() {
        stripe.stop()
    }

    def "the dashboard query costs exactly two Stripe calls: the balance once for two fields, and one page"() {
        when:
        def answer = http.graphql(DASHBOARD)

        then:
        answer.status == 200
        answer.json.errors == null
        answer.json.data.balance.available*.money == [[amount: '30000000.00', currencyCode: 'USD'], [amount: '-12.34', currencyCode: 'EUR']]
        answer.json.data.currencies*.code == ['EUR', 'JPY', 'USD']
        answer.json.data.currencies.find { it.code == 'JPY' }.pending.amount == '1500'
        answer.json.data.balanceTransactions.nodes == [[id: 'txn_1', type: 'quantum_settlement',
                amount: [amount: '1.234', currencyCode: 'KWD'], source: [id: 'ch_1', object: 'charge']]]

        and:
        calls('/v1/balance').size() == 1
        calls('/v1/balance_transactions').size() == 1
        stripe.findAll(getRequestedFor(anyUrl())).size() == 2
        calls('/v1/balance_transactions')[0].queryParameter('limit').firstValue() == '10'
        !calls('/v1/balance_transactions')[0].queryParameter('expand[]').isPresent()
    }

    def "selecting a source field beyond its id and type asks Stripe to expand the sources"() {
        when:
        http.graphql('{ balanceTransactions(first: 3) { nodes { source { id status } } } }')

        then:
        calls('/v1/balance_transactions')[0].queryParameter('expand[]').values() == ['data.source']
    }

    def "when Stripe fails one read, the other fields answer and the failed one says why, with Stripe's request id"() {
        given:
        stubJson('/v1/balance_transactions', status, '{"error":{"type":"api_error","message":"secret details"}}', headers)

        when:
        def answer = http.graphql(DASHBOARD)

        then:
        answer.status == 200
        answer.json.data.balance.available.size() == 2
        answer.json.data.balanceTransactions == null
        answer.json.errors*.extensions*.code == [code]
        answer.json.errors[0].extensions.requestId == 'req_fake'
        !answer.body.contains('secret details')
        !answer.body.contains('Exception')

        where:
        status | headers                  || code
        429    | ['Retry-After': '3600']  || 'RATE_LIMITED'
        500    | [:]                      || 'UPSTREAM_UNAVAILABLE'
        503    | [:]                      || 'UPSTREAM_UNAVAILABLE'
        401    | [:]                      || 'UPSTREAM_AUTHENTICATION'
        403    | [:]                      || 'FORBIDDEN'
        400    | [:]                      || 'UPSTREAM_REJECTED'
    }

    private List calls(String path) {
        stripe.findAll(getRequestedFor(urlPathEqualTo(path)))
    }

    private static void stubJson(String path, int status, String body, Map<String, String> headers = [:]) {
        def response = aResponse().withStatus(status).withHeader('Content-Type', 'application/json')
                .withHeader('Request-Id', 'req_fake').withBody(body)
        headers.each { k, v -> response.withHeader(k, v) }
        stripe.stubFor(get(urlPathEqualTo(path)).willReturn(response))
    }
}
