package io.balancegraph.app.webhooks

import com.github.tomakehurst.wiremock.WireMockServer
import io.balancegraph.app.EndpointSpec
import io.balancegraph.app.events.AccountChange
import io.balancegraph.app.events.AccountChanges
import io.balancegraph.domain.account.Account
import io.balancegraph.graphql.Freshness
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.test.support.TestPropertyProvider
import jakarta.inject.Inject

import java.time.Clock
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse
import static com.github.tomakehurst.wiremock.client.WireMock.get
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options
import static io.balancegraph.app.webhooks.SignedDelivery.event
import static io.balancegraph.app.webhooks.SignedDelivery.header

/**
 * The measurement behind "freshness without polling": with a one-hour cache over a fake Stripe that counts calls,
 * a verified event for the account is what makes the next query read Stripe again, and only for that account.
 * The spec waits for each change to have gone through the fan-out (its own listener, subscribed after the app's,
 * hears it last on the fan-out's one thread), never for a time.
 */
@MicronautTest
class WebhookInvalidationSpec extends EndpointSpec implements TestPropertyProvider {

    static final String SECRET = 'whsec_invalidationSpecSecret0123'
    static final String DASHBOARD = '{ balance { available { money { amount } } } balanceTransactions(first: 10) { nodes { id } } }'

    static final WireMockServer stripe = new WireMockServer(options().dynamicPort())

    @Inject
    Clock clock

    @Inject
    AccountChanges changes

    @Inject
    Freshness freshness

    def heard = new LinkedBlockingQueue<AccountChange>()
    AutoCloseable listening

    @Override
    Map<String, String> getProperties() {
        stripe.start()
        ['stripe.api-key'                                    : 'sk_test_invalidationSpec0123',
         'stripe.base-url'                                   : stripe.baseUrl(),
         'stripe.rate-limit.requests-per-second'             : '0',
         'stripe.rate-limit.per-endpoint-requests-per-second': '0',
         'balancegraph.access.enabled'                       : 'false',
         'balancegraph.cache.ttl'                            : '1h',
         'stripe.webhook-secret'                             : SECRET]
    }

    def setup() {
        stripe.resetAll()
        stubJson('/v1/balance', '''{"object":"balance","livemode":false,
            "available":[{"amount":1000,"currency":"usd","source_types":{"card":1000}}],"pending":[]}''')
        stubJson('/v1/balance_transactions', '''{"object":"list","url":"/v1/balance_transactions","has_more":false,"data":[]}''')
        ['platform', 'acct_1Connected', 'acct_1Elsewhere'].each { freshness.accountChanged(Account.parse(it)) }
        listening = changes.subscribe { heard.offer(it) }
    }

    def cleanup() {
        listening.close()
    }

    def cleanupSpec() {
        stripe.stop()
    }

    def "with a one-hour cache, Stripe is read again after a verified event for the account, and not before"() {
        when: 'a dashboard loads three times'
        3.times { assert http.graphql(DASHBOARD).json.errors == null }

        then: 'the cache answers the second and third'
        calls('/v1/balance') == 1
        calls('/v1/balance_transactions') == 1

        when: 'Stripe reports a charge on the platform'
        deliver(event('evt_charge', 'charge.succeeded'))
        http.graphql(DASHBOARD)
        http.graphql(DASHBOARD)

        then: 'the next query reads the balance and the page again; the one after is cached again'
        calls('/v1/balance') == 2
        calls('/v1/balance_transactions') == 2
    }

    def "an event for a connected account drops that account's reads only"() {
        given:
        def connected = ['Stripe-Account': 'acct_1Connected']
        http.graphql(DASHBOARD)
        http.graphql('{ balance(account: "acct_1Connected") { livemode } }')

        when:
        deliver(event('evt_connected', 'payout.paid', 'acct_1Connected'))
        http.graphql(DASHBOARD)
        http.graphql('{ balance(account: "acct_1Connected") { livemode } }')

        then:
        calls('/v1/balance', connected) == 2
        calls('/v1/balance') == 1
        calls('/v1/balance_transactions') == 1
    }

    def "a re-delivered event and an event type not used here drop nothing"() {
        given:
        http.graphql(DASHBOARD)
        deliver(event('evt_once', 'balance.available'))
        http.graphql(DASHBOARD)

        when:
        [event('evt_once', 'balance.available'), event('evt_customer', 'customer.updated')].each {
            assert post(it).json.outcome in ['duplicate', 'ignored']
        }
        deliver(event('evt_other', 'charge.succeeded', 'acct_1Elsewhere')) // in order after them on the fan-out
        http.graphql(DASHBOARD)

        then:
        calls('/v1/balance') == 2
        calls('/v1/balance_transactions') == 2
    }

    /** Posts a signed event and waits until the fan-out has delivered it to every listener, the app's first. */
    void deliver(String body) {
        assert post(body).json.outcome == 'processed'
        def change = heard.poll(30, TimeUnit.SECONDS)
        assert change != null && body.contains(change.eventId())
    }

    def post(String body) {
        http.post(WebhookSettings.PATH, body, ['Content-Type': 'application/json', (StripeSignature.HEADER): header(SECRET, clock.instant(), body)])
    }

    private static int calls(String path, Map<String, String> headers = [:]) {
        def calls = stripe.findAll(getRequestedFor(urlPathEqualTo(path)))
        headers ? calls.count { call -> headers.every { call.header(it.key).present && call.header(it.key).firstValue() == it.value } } :
                calls.count { !it.header('Stripe-Account').isPresent() }
    }

    private static void stubJson(String path, String body) {
        stripe.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader('Content-Type', 'application/json').withBody(body)))
    }
}
