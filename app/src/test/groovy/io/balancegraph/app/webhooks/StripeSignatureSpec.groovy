package io.balancegraph.app.webhooks

import spock.lang.Specification

import java.nio.charset.StandardCharsets
import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneOffset

import static io.balancegraph.app.webhooks.SignedDelivery.v1

/** The Stripe-Signature rules, on a fixed clock: exact at the tolerance's edges, and never telling what it expected. */
class StripeSignatureSpec extends Specification {

    static final String SECRET = 'whsec_signatureSpecSecret0123456789'
    static final String OTHER = 'whsec_someOtherEndpoint0123456789'
    static final long NOW = 1_764_600_000
    static final String BODY = SignedDelivery.event('evt_1', 'charge.succeeded')

    def signature = new StripeSignature(SECRET, Duration.ofSeconds(300), Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC))

    def "#what is #outcome"() {
        when:
        String reason = null
        try {
            signature.verify(header, body.getBytes(StandardCharsets.UTF_8))
        } catch (StripeSignature.Refused refused) {
            reason = refused.message
        }

        then:
        reason == refusal
        reason == null || !reason.contains(SECRET) && !reason.contains(v1(SECRET, NOW, BODY)) && !reason.contains(v1(SECRET, NOW - 301, BODY))

        where:
        what                                     | header                                                                  | body                 || refusal
        'a signature made now'                   | "t=$NOW,v1=${v1(SECRET, NOW, BODY)}"                                    | BODY                 || null
        'a signature 300 s old'                  | "t=${NOW - 300},v1=${v1(SECRET, NOW - 300, BODY)}"                      | BODY                 || null
        'a signature 300 s ahead'                | "t=${NOW + 300},v1=${v1(SECRET, NOW + 300, BODY)}"                      | BODY                 || null
        'a stale signature (301 s old)'          | "t=${NOW - 301},v1=${v1(SECRET, NOW - 301, BODY)}"                      | BODY                 || 'The Stripe-Signature timestamp is 301 s old, beyond the 300 s tolerance.'
        'a future signature (301 s ahead)'       | "t=${NOW + 301},v1=${v1(SECRET, NOW + 301, BODY)}"                      | BODY                 || 'The Stripe-Signature timestamp is 301 s in the future, beyond the 300 s tolerance.'
        'a signature with the wrong secret'      | "t=$NOW,v1=${v1(OTHER, NOW, BODY)}"                                     | BODY                 || NO_MATCH
        'a tampered body'                        | "t=$NOW,v1=${v1(SECRET, NOW, BODY)}"                                    | BODY.replace('1', '2') || NO_MATCH
        'a body with one more space'             | "t=$NOW,v1=${v1(SECRET, NOW, BODY)}"                                    | BODY + ' '           || NO_MATCH
        'a moved timestamp'                      | "t=${NOW + 1},v1=${v1(SECRET, NOW, BODY)}"                              | BODY                 || NO_MATCH
        'several v1, the last one valid'         | "t=$NOW,v1=${v1(OTHER, NOW, BODY)},v1=${v1(SECRET, NOW, BODY)}"         | BODY                 || null
        'several v1, the first one valid'        | "t=$NOW,v1=${v1(SECRET, NOW, BODY)},v1=${'0' * 64},v0=abc"              | BODY                 || null
        'several v1, none valid'                 | "t=$NOW,v1=${v1(OTHER, NOW, BODY)},v1=${'0' * 64}"                      | BODY                 || NO_MATCH
        'an upper-case signature'                | "t=$NOW,v1=${v1(SECRET, NOW, BODY).toUpperCase()}"                      | BODY                 || null
        'spaces around the items'                | "t=$NOW, v1=${v1(SECRET, NOW, BODY)}"                                   | BODY                 || null
        'only a v0 (test-mode) signature'        | "t=$NOW,v0=${v1(SECRET, NOW, BODY)}"                                    | BODY                 || 'The Stripe-Signature header has no v1 signature.'
        'a v1 that is not 64 hex digits'         | "t=$NOW,v1=xyz"                                                         | BODY                 || 'The Stripe-Signature header has no v1 signature.'
        'no timestamp'                           | "v1=${v1(SECRET, NOW, BODY)}"                                           | BODY                 || 'The Stripe-Signature header has no timestamp (t=).'
        'a timestamp in milliseconds'            | "t=${NOW * 1000}000,v1=${v1(SECRET, NOW, BODY)}"                        | BODY                 || 'The Stripe-Signature timestamp (t=) is not a Unix time in seconds.'
        'a negative timestamp'                   | "t=-5,v1=${v1(SECRET, NOW, BODY)}"                                      | BODY                 || 'The Stripe-Signature timestamp (t=) is not a Unix time in seconds.'
        'a garbage header'                       | 'garbage'                                                               | BODY                 || MALFORMED
        'a header of commas'                     | ',,,'                                                                   | BODY                 || 'The Stripe-Signature header has no timestamp (t=).'
        'no header'                              | null                                                                    | BODY                 || 'The Stripe-Signature header is missing.'
        'an empty header'                        | ''                                                                      | BODY                 || 'The Stripe-Signature header is missing.'
        'an empty body signed as such'           | "t=$NOW,v1=${v1(SECRET, NOW, '')}"                                      | ''                   || null

        outcome = refusal == null ? 'accepted' : 'refused'
    }

    static final String NO_MATCH = "No v1 signature in the Stripe-Signature header matches the body for this endpoint's secret."
    static final String MALFORMED = 'The Stripe-Signature header is malformed: expected t=<timestamp>,v1=<signature>.'

    def "the signature is checked before the timestamp, so a stale forgery is told only that it does not match"() {
        when:
        signature.verify("t=${NOW - 3600},v1=${v1(OTHER, NOW - 3600, BODY)}", BODY.getBytes(StandardCharsets.UTF_8))

        then:
        StripeSignature.Refused refused = thrown()
        refused.message == NO_MATCH
    }
}
