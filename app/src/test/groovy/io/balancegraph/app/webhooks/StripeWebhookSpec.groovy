package io.balancegraph.app.webhooks

import ch.qos.logback.classic.Level
import io.balancegraph.app.EndpointSpec
import io.balancegraph.app.LogCapture
import io.balancegraph.app.events.AccountChange
import io.balancegraph.app.events.RecordingAccountChanges
import io.balancegraph.domain.account.Account
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import io.micronaut.test.support.TestPropertyProvider
import jakarta.inject.Inject

import java.time.Clock
import java.time.Duration

import static io.balancegraph.app.webhooks.SignedDelivery.event
import static io.balancegraph.app.webhooks.SignedDelivery.header
import static io.balancegraph.app.webhooks.SignedDelivery.v1

/**
 * POST /webhooks/stripe over real HTTP: what each delivery is answered and what it publishes. The app's clock is
 * stopped (FixedClock), so signed timestamps are exactly as old as a row says; the tolerance's edges are
 * StripeSignatureSpec's.
 */
@MicronautTest
class StripeWebhookSpec extends EndpointSpec implements TestPropertyProvider {

    static final String SECRET = 'whsec_webhookSpecSecret0123456789'
    static final String OTHER = 'whsec_someOtherEndpoint0123456789'
    static final String TOKEN = 'webhook-spec-token-0123456789'

    @Inject
    Clock clock

    @Inject
    RecordingAccountChanges changes

    @Override
    Map<String, String> getProperties() {
        ['stripe.webhook-secret'                : SECRET,
         'balancegraph.test.recording-changes'  : 'true',
         'balancegraph.test.fixed-clock'        : 'true',
         'balancegraph.access.tokens[0].token'   : TOKEN,
         'balancegraph.access.tokens[0].accounts': 'platform',
         'balancegraph.access.enabled'           : 'true']
    }

    def setup() {
        changes.published.clear()
    }

    def "#what: #status #expected"() {
        given:
        def body = bodyOf(id)
        def now = clock.instant()

        when:
        def answer = deliver(signed(body, now), sent(body))

        then:
        answer.status == status
        (status == 200 ? answer.json.outcome : answer.errorMessage) == expected
        status == 200 || answer.errorCode == 'BAD_REQUEST'
        changes.published == published
        !answer.body.contains(SECRET) && !answer.body.contains(v1(SECRET, now.epochSecond, body))

        where:
        what                                | id                   | signed                                                                  | sent               || status | expected                                                                                   | published
        'a valid delivery'                  | 'evt_valid'          | { b, at -> header(SECRET, at, b) }                                    | { it }             || 200    | 'processed'                                                                                | [change('evt_valid', 'charge.succeeded')]
        'the wrong secret'                  | 'evt_wrongSecret'    | { b, at -> header(OTHER, at, b) }                                     | { it }             || 400    | NO_MATCH                                                                                   | []
        'a stale timestamp (1 h old)'       | 'evt_stale'          | { b, at -> header(SECRET, at - Duration.ofHours(1), b) }              | { it }             || 400    | 'The Stripe-Signature timestamp is 3600 s old, beyond the 300 s tolerance.'               | []
        'a future timestamp (1 h ahead)'    | 'evt_future'         | { b, at -> header(SECRET, at + Duration.ofHours(1), b) }              | { it }             || 400    | 'The Stripe-Signature timestamp is 3600 s in the future, beyond the 300 s tolerance.'     | []
        'a tampered body'                   | 'evt_tampered'       | { b, at -> header(SECRET, at, b) }                                    | { it.replace('charge.succeeded', 'payout.paid') } || 400 | NO_MATCH | []
        'a missing header'                  | 'evt_noHeader'       | { b, at -> null }                                                      | { it }             || 400    | 'The Stripe-Signature header is missing.'                                                  | []
        'a garbage header'                  | 'evt_garbage'        | { b, at -> 'garbage' }                                                 | { it }             || 400    | 'The Stripe-Signature header is malformed: expected t=<timestamp>,v1=<signature>.'        | []
        'several v1, one of them valid'     | 'evt_rotation'       | { b, at -> header(OTHER, at, b) + ',v1=' + v1(SECRET, at.epochSecond, b) } | { it }       || 200    | 'processed'                                                                                | [change('evt_rotation', 'charge.succeeded')]
        'an event type not used here'       | 'evt_customer'       | { b, at -> header(SECRET, at, b) }                                    | { it }             || 200    | 'ignored'                                                                                  | []
        'an event for a connected account'  | 'evt_connected'      | { b, at -> header(SECRET, at, b) }                                    | { it }             || 200    | 'processed'                                                                                | [new AccountChange(Account.connected('acct_1Connected'), 'evt_connected', 'payout.paid')]
        'a signed body that is not JSON'    | 'notJson'            | { b, at -> header(SECRET, at, b) }                                    | { it }             || 400    | 'The body is not JSON.'                                                                    | []
        'a signed event with no id'         | 'noId'               | { b, at -> header(SECRET, at, b) }                                    | { it }             || 400    | 'The event has no id or no type.'                                                          | []
        'a signed event, bad account'       | 'badAccount'         | { b, at -> header(SECRET, at, b) }                                    | { it }             || 400    | "The event's account 'cus_1' is not a connected account id (acct_…)."                      | []
    }

    def "an event delivered again, signed anew, is answered 200 and takes no effect again"() {
        given:
        def body = event('evt_twice', 'charge.refunded')

        when:
        def first = deliver(header(SECRET, clock.instant(), body), body)
        def again = deliver(header(SECRET, clock.instant() - Duration.ofSeconds(5), body), body)

        then:
        [first.status, again.status] == [200, 200]
        [first.json.outcome, again.json.outcome] == ['processed', 'duplicate']
        changes.published == [change('evt_twice', 'charge.refunded')]
    }

    def "a body over the limit is refused with 400 before its signature is checked"() {
        given:
        def body = event('evt_big', 'charge.succeeded').replace('"brand_new_field":[1,2]', '"padding":"' + 'x' * 70_000 + '"')

        when:
        def answer = deliver(header(SECRET, clock.instant(), body), body)

        then:
        answer.status == 400
        answer.errorCode == 'BAD_REQUEST'
        changes.published.empty
    }

    def "a refused delivery is logged with its reason, never with the secret or a signature"() {
        given:
        def body = event('evt_logged', 'charge.succeeded')
        def forged = header(OTHER, clock.instant(), body)

        when:
        def log = LogCapture.during { deliver(forged, body) }

        then:
        LogCapture.anyContains(log, NO_MATCH, Level.WARN)
        !log.any { it.formattedMessage.contains(SECRET) || it.formattedMessage.contains(forged.split('v1=')[1]) }
    }

    def "the endpoint asks for no bearer token (Stripe signs instead), while /graphql still does"() {
        given:
        def body = event('evt_noToken', 'topup.succeeded')

        expect:
        deliver(header(SECRET, clock.instant(), body), body).status == 200
        http.graphql('{ balance { livemode } }').status == 401
    }

    def "only POST is served"() {
        expect:
        http.get(WebhookSettings.PATH).status == 405
    }

    static final String NO_MATCH = "No v1 signature in the Stripe-Signature header matches the body for this endpoint's secret."

    static AccountChange change(String id, String type) {
        new AccountChange(Account.platform(), id, type)
    }

    static String bodyOf(String id) {
        switch (id) {
            case 'evt_customer': return event(id, 'customer.created')
            case 'evt_connected': return event(id, 'payout.paid', 'acct_1Connected')
            case 'notJson': return 'id=evt_1&type=charge.succeeded'
            case 'noId': return '{"object":"event","type":"charge.succeeded"}'
            case 'badAccount': return event('evt_badAccount', 'charge.succeeded', 'cus_1')
            default: return event(id, 'charge.succeeded')
        }
    }

    def deliver(String signature, String body) {
        Map<String, String> headers = ['Content-Type': 'application/json; charset=utf-8']
        if (signature != null) {
            headers[StripeSignature.HEADER] = signature
        }
        http.post(WebhookSettings.PATH, body, headers)
    }
}
