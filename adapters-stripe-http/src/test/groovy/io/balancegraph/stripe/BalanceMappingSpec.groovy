package io.balancegraph.stripe

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.balance.Balance
import io.balancegraph.domain.balance.BalanceAmount
import io.balancegraph.domain.balance.BalanceDetail
import io.balancegraph.domain.balance.IssuingBalance
import io.balancegraph.domain.error.UpstreamUnavailableException
import io.balancegraph.domain.money.Currency
import io.balancegraph.domain.money.Money
import io.balancegraph.stripe.fake.FakeStripe
import io.balancegraph.stripe.fake.FakeStripeSpecification

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse

/** How Stripe's balance object becomes the domain's {@code Balance}. */
class BalanceMappingSpec extends FakeStripeSpecification {

    static final Currency KWD = Currency.KWD
    static final Currency JPY = Currency.JPY

    def "each currency's available amount is exact in its minor units: #expected"() {
        when:
        def balance = readBalance('balance')

        then:
        balance.availableIn(currency) == Money.of(minorUnits, currency)
        balance.availableIn(currency).toString() == expected

        where:
        currency     | minorUnits     || expected
        Currency.USD | 3_000_000_123L || 'USD 30000001.23'
        Currency.EUR | -50_025L       || 'EUR -500.25'
        JPY          | 150_000L       || 'JPY 150000'
        KWD          | 12_345L        || 'KWD 12.345'
    }

    def "an amount above 2^31 and a negative amount arrive unchanged"() {
        when:
        def balance = readBalance('balance')

        then:
        balance.availableIn(Currency.USD).minorUnits() > Integer.MAX_VALUE
        balance.availableIn(Currency.USD).minorUnits() == 3_000_000_123L
        balance.availableIn(Currency.EUR).isNegative()
    }

    def "every part of the balance is read, each amount with its breakdown by source type, unknown fields ignored"() {
        when:
        def balance = readBalance('balance')

        then:
        balance.available()[0] == BalanceAmount.of(usd(3_000_000_123L),
                [bank_account: usd(100), card: usd(3_000_000_000L), link: usd(23)])
        balance.pending() == [BalanceAmount.of(usd(61_414), [card: usd(61_414)])]
        balance.connectReserved() == [BalanceAmount.of(usd(0))]
        balance.instantAvailable() == [new BalanceAmount(usd(500_000), [card: usd(500_000)],
                [new BalanceAmount.NetAvailable('ba_1QxYzAbCdEfGhIjK', usd(495_000), [card: usd(495_000)])])]
        balance.issuing() == new IssuingBalance([BalanceAmount.of(usd(250_000), [card: usd(250_000)])])
        balance.refundAndDisputePrefunding() == new BalanceDetail([BalanceAmount.of(usd(5_000))], [BalanceAmount.of(usd(0))])
        !balance.livemode()
        balance.currencies()*.code() == ['EUR', 'JPY', 'KWD', 'USD']
    }

    def "parts Stripe sends as null or leaves out are empty, never null"() {
        when:
        def balance = readBalance('balance-minimal')

        then:
        balance.available() == [BalanceAmount.of(usd(666_670), [card: usd(666_670)])]
        balance.connectReserved() == []
        balance.instantAvailable() == []
        balance.issuing() == IssuingBalance.EMPTY
        balance.refundAndDisputePrefunding() == BalanceDetail.EMPTY
        balance.livemode()
    }

    def "an answer that is not a balance (#problem) is an UpstreamUnavailableException saying so, not a parser's stack trace"() {
        given:
        stripe.answers('/v1/balance', aResponse().withStatus(200).withHeader('Content-Type', contentType)
                .withHeader('Request-Id', 'req_malformed').withBody(body))

        when:
        await(ledger().readBalance(Account.platform()))

        then:
        def e = thrown(UpstreamUnavailableException)
        e.message.startsWith("Stripe answered GET /v1/balance with HTTP 200 (${contentType}) but the answer cannot be read: ")
        e.message.contains(says)
        !e.message.contains('com.fasterxml')
        !e.message.contains('Exception')
        e.cause == null
        e.error().httpStatus() == 200
        e.error().requestId() == 'req_malformed'
        e.isTransient()
        stripe.count('/v1/balance') == 1

        where:
        problem                          | contentType                | body                                                                  || says
        'an HTML page'                   | 'text/html; charset=utf-8' | '<html><body>502 Bad Gateway</body></html>'                           || 'the body is not JSON'
        'an empty body'                  | 'application/json'         | ''                                                                    || 'the body is empty'
        'JSON null'                      | 'application/json'         | 'null'                                                                || 'the body is JSON null'
        'an empty object'                | 'application/json'         | '{}'                                                                  || 'it has no "object" field, so it is not a Stripe balance'
        'another Stripe object'          | 'application/json'         | '{"object": "list", "data": []}'                                      || "it is a Stripe 'list', not a balance"
        'a truncated body'               | 'application/json'         | '{"object": "balance", "available": [{"amount": 1'                    || 'the body is not JSON (at line 1, column 49)'
        'an amount with a fraction'      | 'application/json'         | balance('{"amount": 12.5, "currency": "usd"}')                        || 'available[0].amount'
        'an amount beyond 64 bits'       | 'application/json'         | balance('{"amount": 9223372036854775808, "currency": "usd"}')         || 'available[0].amount: Numeric value (9223372036854775808) out of range of long'
        'an amount as text'              | 'application/json'         | balance('{"amount": "100", "currency": "usd"}')                       || 'available[0].amount'
        'a missing amount'               | 'application/json'         | balance('{"currency": "usd"}')                                        || 'available[0].amount is missing or null'
        'a currency that is not a code'  | 'application/json'         | balance('{"amount": 1, "currency": "dollars"}')                       || 'A currency code is three letters'
        'a missing livemode'             | 'application/json'         | '{"object": "balance", "available": [], "pending": []}'               || 'livemode is missing or null'
    }

    /** The platform's balance as read from the fake answering with the fixture. */
    private Balance readBalance(String fixture) {
        stripe.answers('/v1/balance', fixture)
        await(ledger().readBalance(Account.platform()))
    }

    private static String balance(String availableEntry) {
        """{"object": "balance", "available": [${availableEntry}], "pending": [], "livemode": false}"""
    }

    private static Money usd(long cents) {
        Money.of(cents, Currency.USD)
    }
}
