package io.balancegraph.domain.money

import spock.lang.Specification

class CurrencySpec extends Specification {

    def "#code has #exponent minor-unit digits, as Stripe counts them"() {
        expect:
        Currency.of(code).exponent() == exponent

        where:
        code  || exponent
        'USD' || 2
        'eur' || 2
        'JPY' || 0
        'krw' || 0
        'XOF' || 0
        'KWD' || 3
        'BHD' || 3
        'TND' || 3
        'ISK' || 2
        'HUF' || 2
        'XYZ' || 2
    }

    def "a code is stored upper case and given to Stripe lower case"() {
        when:
        def currency = Currency.of(' usd ')

        then:
        currency.code() == 'USD'
        currency.stripeCode() == 'usd'
        currency == Currency.USD
    }

    def "'#code' is not a currency code"() {
        when:
        Currency.of(code)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains('three letters')

        where:
        code << ['', 'US', 'USDT', 'U$D', '12A', 'usd\n1']
    }

    def "a currency has its English name, or its code when the JDK does not know it"() {
        expect:
        Currency.of(code).displayName() == name

        where:
        code  || name
        'USD' || 'US Dollar'
        'JPY' || 'Japanese Yen'
        'XYZ' || 'XYZ'
    }
}
