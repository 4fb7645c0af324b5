package io.balancegraph.stripe

import io.balancegraph.stripe.fake.FakeStripe
import spock.lang.Specification

import java.time.Duration

/** Per-call options are an immutable value, checked when made; a view holds them and nothing else of its own. */
class RequestOptionsSpec extends Specification {

    def "the defaults change nothing; withDeadline gives new options and leaves the old ones as they were"() {
        given:
        def defaults = RequestOptions.defaults()

        when:
        def quick = defaults.withDeadline(Duration.ofSeconds(2))

        then:
        defaults.deadline() == Optional.empty()
        quick.deadline() == Optional.of(Duration.ofSeconds(2))
        quick == RequestOptions.defaults().withDeadline(Duration.ofMillis(2000))
        quick.hashCode() == RequestOptions.defaults().withDeadline(Duration.ofMillis(2000)).hashCode()
        quick != defaults
        quick.withDeadline(Duration.ofSeconds(5)).deadline() == Optional.of(Duration.ofSeconds(5))
        quick.deadline() == Optional.of(Duration.ofSeconds(2))
        defaults.toString() == 'RequestOptions[deadline as configured]'
        quick.toString() == 'RequestOptions[deadline PT2S]'
    }

    def "a deadline of #deadline is refused with a message that says what a deadline must be"() {
        when:
        RequestOptions.defaults().withDeadline(deadline)

        then:
        IllegalArgumentException e = thrown()
        e.message == message

        where:
        deadline                  || message
        null                      || "a call's deadline must be a positive duration such as 2s or 500ms, not null"
        Duration.ZERO             || "a call's deadline must be a positive duration such as 2s or 500ms, not PT0S"
        Duration.ofSeconds(-1)    || "a call's deadline must be a positive duration such as 2s or 500ms, not PT-1S"
        Duration.ofHours(25)      || "a call's deadline must be at most 24 hours, not PT25H; for a long read use a walk with its own timeout"
    }

    def "a view holds its options, gives new views of the same ledger and shows no key"() {
        given:
        def stripe = StripeLedgers.builder().apiKey(FakeStripe.KEY).baseUrl('http://localhost:1').build()

        when:
        def view = stripe.withDeadline(Duration.ofSeconds(2))
        def other = view.withDeadline(Duration.ofSeconds(30))
        def same = stripe.with(RequestOptions.defaults())

        then:
        view.options() == RequestOptions.defaults().withDeadline(Duration.ofSeconds(2))
        other.options().deadline() == Optional.of(Duration.ofSeconds(30))
        view.options().deadline() == Optional.of(Duration.ofSeconds(2))
        [view, other, same]*.ledger().every { it.is(stripe) }
        same.options() == RequestOptions.defaults()
        view.toString() == 'StripeLedgerView[RequestOptions[deadline PT2S]] of StripeBalanceLedger[sk_test_… at http://localhost:1, Stripe-Version 2026-07-29.dahlia]'
        !view.toString().contains(FakeStripe.KEY)

        when:
        stripe.withDeadline(Duration.ZERO)

        then:
        thrown(IllegalArgumentException)

        cleanup:
        stripe.close()
    }
}
