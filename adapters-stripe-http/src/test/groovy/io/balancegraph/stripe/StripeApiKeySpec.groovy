package io.balancegraph.stripe

import spock.lang.Specification

/** What is accepted as an API key, and how a key is kept out of text. */
class StripeApiKeySpec extends Specification {

    def "#prefix… is accepted: live #live, restricted #restricted"() {
        when:
        def apiKey = StripeApiKey.of(key)

        then:
        apiKey.secret() == key
        apiKey.isLive() == live
        apiKey.isRestricted() == restricted
        apiKey.redacted() == key.substring(0, 8) + '…'
        apiKey.toString() == apiKey.redacted()

        where:
        key                                                   || live  | restricted
        'sk_test_4eC39HqLyjWDarjtT1zdp7dc'                    || false | false
        'sk_live_51H8abcdefghijklmnopqrstuvwxyz0123456789ABC' || true  | false
        'rk_test_51H8RestrictedKey0123456789'                 || false | true
        'rk_live_51H8RestrictedKey0123456789'                 || true  | true
        'sk_test_123'                                         || false | false

        prefix = key.take(8)
    }

    def "'#shownAs' is refused, the message showing no more than the prefix"() {
        when:
        StripeApiKey.of(key)

        then:
        IllegalArgumentException e = thrown()
        e.message.contains(says)
        key.length() <= 8 || !e.message.contains(key.substring(8))

        where:
        key                                      || says
        'pk_test_51PublishableKey0123456789'     || "it starts with 'pk_test_…', a publishable key"
        'sk_test_'                               || "it is only the prefix 'sk_test_', with nothing after it"
        'sk_test_51Key-with-dashes-0123456789'   || "after 'sk_test_' a key has only letters and digits, and this one has others"
        'rk_prod_51NotAMode0123456789'           || "it starts with 'rk_…' but not with rk_test_ or rk_live_"
        ' sk_test_51LeadingSpace0123456789'      || 'it contains white space'
        'whsec_51WebhookSecret0123456789'        || 'something else (31 characters, not shown)'
        'Bearer sk_test_51Pasted0123456789abc'   || 'it contains white space'

        shownAs = key.take(8)
    }

    def "any secret or restricted key in a text is cut to its prefix"() {
        expect:
        StripeApiKey.redact(text) == expected

        where:
        text                                                        || expected
        'Invalid API Key provided: sk_test_51Abc0123456789'         || 'Invalid API Key provided: sk_test_…'
        'keys rk_live_51Abc and sk_live_9Z in one line'             || 'keys rk_live_… and sk_live_… in one line'
        'Stripe masks its own: sk_test_********************1234'    || 'Stripe masks its own: sk_test_********************1234'
        'a publishable key pk_test_51Abc is not a secret'           || 'a publishable key pk_test_51Abc is not a secret'
        null                                                        || null
    }

    def "two keys are equal when their text is"() {
        expect:
        StripeApiKey.of('sk_test_4eC39HqLyjWDarjtT1zdp7dc') == StripeApiKey.of('sk_test_4eC39HqLyjWDarjtT1zdp7dc')
        StripeApiKey.of('sk_test_4eC39HqLyjWDarjtT1zdp7dc') != StripeApiKey.of('sk_test_4eC39HqLyjWDarjtT1zdp7dd')
    }
}
