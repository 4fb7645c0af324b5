package io.balancegraph.stripe.internal.http

import io.balancegraph.stripe.StripeSettings
import spock.lang.Specification

import java.time.Duration

/**
 * Stripe's retry rules on their own: which failures may pass on another attempt, how long to wait, how Stripe's
 * headers are read. How Failsafe applies them (attempt counts, the deadline) is in {@link CallPolicySpec}.
 */
class RetryRulesSpec extends Specification {

    def rules = new RetryRules(new StripeSettings.Retry(5, Duration.ofMillis(500), Duration.ofSeconds(5)), { 0.5d })

    def "#what is #decision by the rules"() {
        expect:
        def failure = new RetryRules.Failure(status, shouldRetry, null)
        (failure.retryable() && !failure.forbidsRetry()) == retried

        where:
        what                                       | status | shouldRetry   || retried
        'no answer at all'                         | 0      | null          || true
        'a 409 conflict'                           | 409    | null          || true
        'a 429'                                    | 429    | null          || true
        'a 500'                                    | 500    | null          || true
        'a 503'                                    | 503    | null          || true
        'a 599'                                    | 599    | null          || true
        'a 400'                                    | 400    | null          || false
        'a 401'                                    | 401    | null          || false
        'a 402'                                    | 402    | null          || false
        'a 403'                                    | 403    | null          || false
        'a 404'                                    | 404    | null          || false
        'a 424'                                    | 424    | null          || false
        'a 503 with Stripe-Should-Retry: false'    | 503    | Boolean.FALSE || false
        'no answer with Stripe-Should-Retry: false'| 0      | Boolean.FALSE || false
        'a 400 with Stripe-Should-Retry: true'     | 400    | Boolean.TRUE  || true
        'a 404 with Stripe-Should-Retry: true'     | 404    | Boolean.TRUE  || true

        decision = retried ? 'retried' : 'not retried'
    }

    def "the wait after #attemptsMade attempt(s) lies between #lowest and #highest ms: doubling from 500 ms, capped at 5 s, a random half kept"() {
        given:
        def lowRules = new RetryRules(rules.settings, { 0.0d })
        def highRules = new RetryRules(rules.settings, { 0.999999d })

        expect:
        lowRules.backoff(attemptsMade).toMillis() == lowest
        highRules.backoff(attemptsMade).toMillis() == highest - 1

        where:
        attemptsMade || lowest | highest
        1            || 250    | 500
        2            || 500    | 1000
        3            || 1000   | 2000
        4            || 2000   | 4000
        5            || 2500   | 5000
        40           || 2500   | 5000
    }

    def "Retry-After replaces the backoff"() {
        expect:
        rules.wait(1, new RetryRules.Failure(429, null, Duration.ofSeconds(3))) == Duration.ofSeconds(3)
        rules.wait(1, RetryRules.Failure.noAnswer()) == Duration.ofMillis(375)
    }

    def "Retry-After is read as seconds or as an HTTP date: '#header'"() {
        expect:
        RetryRules.retryAfter(header) == expected

        where:
        header                          || expected
        '2'                             || Duration.ofSeconds(2)
        ' 30 '                          || Duration.ofSeconds(30)
        '0.5'                           || Duration.ofMillis(500)
        '0'                             || Duration.ZERO
        '-3'                            || Duration.ZERO
        'Wed, 21 Oct 2015 07:28:00 GMT' || Duration.ZERO
        'soon'                          || null
        ''                              || null
        null                            || null
    }

    def "Stripe-Should-Retry is read as true, false or nothing: '#header'"() {
        expect:
        RetryRules.shouldRetry(header) == expected

        where:
        header  || expected
        'true'  || Boolean.TRUE
        'TRUE'  || Boolean.TRUE
        'false' || Boolean.FALSE
        'maybe' || null
        null    || null
    }
}
