package io.balancegraph.domain.money

import spock.lang.Specification

class MoneySpec extends Specification {

    def "#minorUnits minor units of #code read as #decimal in major units"() {
        expect:
        Money.of(minorUnits, code).toDecimalString() == decimal

        where:
        minorUnits            | code  || decimal
        3_000_000_000L        | 'USD' || '30000000.00'
        1234                  | 'USD' || '12.34'
        -5                    | 'EUR' || '-0.05'
        0                     | 'USD' || '0.00'
        1500                  | 'JPY' || '1500'
        -1500                 | 'JPY' || '-1500'
        1234                  | 'KWD' || '1.234'
        Long.MAX_VALUE        | 'USD' || '92233720368547758.07'
        Long.MIN_VALUE        | 'JPY' || '-9223372036854775808'
    }

    def "'#decimal' #code in major units is #minorUnits minor units"() {
        expect:
        Money.parse(decimal, Currency.of(code)) == Money.of(minorUnits, code)

        where:
        decimal         | code  || minorUnits
        '12.34'         | 'USD' || 1234
        '12.3'          | 'USD' || 1230
        '12.340000'     | 'USD' || 1234
        '-0.05'         | 'USD' || -5
        '1500'          | 'JPY' || 1500
        '1.234'         | 'KWD' || 1234
        '30000000.00'   | 'USD' || 3_000_000_000L
        '1E+3'          | 'JPY' || 1000
    }

    def "#decimal #code would need rounding, so it is refused"() {
        when:
        Money.parse(decimal, Currency.of(code))

        then:
        def e = thrown(ArithmeticException)
        e.message.contains('would need rounding')

        where:
        decimal  | code
        '12.345' | 'USD'
        '1.5'    | 'JPY'
        '1.2345' | 'KWD'
    }

    def "an amount beyond 64 bits of minor units is refused"() {
        when:
        Money.parse('92233720368547758.08', Currency.USD)

        then:
        def e = thrown(ArithmeticException)
        e.message.contains('too large')
    }

    def "an absurd exponent is refused at once, with a short message: #decimal"() {
        when:
        Money.parse(decimal, Currency.USD)

        then:
        def e = thrown(ArithmeticException)
        e.message.contains(reason)
        e.message.length() < 120

        where:
        decimal         || reason
        '1e99999999'    || 'too large'
        '1e-99999999'   || 'would need rounding'
        '-1e20'         || 'too large'
    }

    def "text that is not a decimal is refused with the text in the message"() {
        when:
        Money.parse('12,34', Currency.USD)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains("'12,34'")
    }

    def "adding and subtracting amounts of one currency is exact"() {
        given:
        def a = Money.of(2_147_483_647L, 'USD')
        def b = Money.of(1L, 'USD')

        expect:
        a.plus(b) == Money.of(2_147_483_648L, 'USD')
        b.minus(a) == Money.of(-2_147_483_646L, 'USD')
        a.negate() == Money.of(-2_147_483_647L, 'USD')
    }

    def "amounts in different currencies are never combined"() {
        when:
        Money.of(100, 'USD').plus(Money.of(100, 'EUR'))

        then:
        def e = thrown(CurrencyMismatchException)
        e.message == 'Cannot combine USD with EUR: amounts must be in the same currency'
    }

    def "arithmetic that overflows 64 bits fails instead of wrapping around"() {
        when:
        operation(Money.of(Long.MAX_VALUE, 'USD'), Money.of(Long.MIN_VALUE, 'USD'))

        then:
        thrown(ArithmeticException)

        where:
        operation << [
                { Money max, Money min -> max.plus(Money.of(1, 'USD')) },
                { Money max, Money min -> min.minus(Money.of(1, 'USD')) },
                { Money max, Money min -> min.negate() },
        ]
    }

    def "the sign of an amount is what its minor units say"() {
        expect:
        Money.of(minor, 'USD').isNegative() == negative
        Money.of(minor, 'USD').isZero() == zero
        Money.of(minor, 'USD').isPositive() == positive

        where:
        minor || negative | zero  | positive
        -1    || true     | false | false
        0     || false    | true  | false
        1     || false    | false | true
    }

    def "money prints as its currency code and decimal amount"() {
        expect:
        Money.of(-123456, 'USD').toString() == 'USD -1234.56'
    }

    def "totals per currency keep currencies apart"() {
        given:
        def amounts = [Money.of(100, 'USD'), Money.of(5, 'JPY'), Money.of(-30, 'USD')]

        expect:
        MoneyTotals.sumByCurrency(amounts, { it }) == [(Currency.JPY): Money.of(5, 'JPY'), (Currency.USD): Money.of(70, 'USD')]
        MoneyTotals.sumIn(Currency.USD, amounts, { it }) == Money.of(70, 'USD')
        MoneyTotals.sumIn(Currency.KWD, amounts, { it }) == Money.zero(Currency.KWD)
    }
}
