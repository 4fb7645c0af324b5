package io.balancegraph.app

import io.micronaut.http.HttpRequest
import io.micronaut.http.MediaType
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import spock.lang.Specification

@MicronautTest
class DemoBalanceOverGraphQLSpec extends Specification {

    @Inject
    @Client('/')
    HttpClient client

    Map graphql(String query) {
        client.toBlocking().retrieve(HttpRequest.POST('/graphql', [query: query]).contentType(MediaType.APPLICATION_JSON), Map)
    }

    def "with no Stripe key the app answers a balance query from the demo ledger"() {
        when:
        def response = graphql('{ balance { livemode available { money { amount minorUnits currencyCode currency { exponent name } } } } }')

        then:
        response.errors == null
        def available = response.data.balance.available.collectEntries { [(it.money.currencyCode): it.money] }
        available.keySet() == ['EUR', 'JPY', 'KWD', 'USD'] as Set
        available.USD.minorUnits > 2_147_483_648L
        available.USD.amount ==~ /\d+\.\d{2}/
        available.EUR.amount.startsWith('-')
        available.JPY.amount ==~ /\d+/
        available.KWD.amount ==~ /-?\d+\.\d{3}/
        available.KWD.currency.exponent == 3
        available.JPY.currency.name == 'Japanese Yen'
        response.data.balance.livemode == false
    }

    def "the balance of a connected demo account is its own"() {
        when:
        def response = graphql('{ balance(account: "acct_1DemoConnected") { available { money { currencyCode } bySourceType { sourceType money { amount } } } } }')

        then:
        response.data.balance.available*.money*.currencyCode == ['GBP', 'USD']
        response.data.balance.available.every { !it.bySourceType.isEmpty() }
    }

    def "the README's finance example answers what the README says, through the app's bulk port"() {
        when:
        def response = graphql('''{ activity(created: {gte: "2026-10-01T00:00:00Z", lte: "2026-10-31T23:59:59Z"}) {
            transactionCount
            currencies { currencyCode count net { amount } startingBalance { amount } endingBalance { amount } } } }''')

        then:
        response.errors == null
        response.data.activity.transactionCount == 248
        response.data.activity.currencies.collect { [it.currencyCode, it.count, it.net.amount, it.startingBalance.amount, it.endingBalance.amount] } == [
                ['EUR', 36, '-130.45', '-49213.42', '-49343.87'],
                ['JPY', 41, '110174', '126292', '236466'],
                ['KWD', 57, '5.040', '631.166', '636.206'],
                ['USD', 114, '-1793.59', '30005080.33', '30003286.74']]
    }

    def "the README's buckets example answers what the README says: Berlin days around the end of summer time"() {
        when:
        def response = graphql('''{ activity(created: {gte: "2026-10-24T00:00:00+02:00", lt: "2026-10-27T00:00:00+01:00"}) {
            currencies { currencyCode buckets(by: DAY, timeZone: "Europe/Berlin") {
              start end count net { amount } endingBalance { amount } } } } }''')

        then:
        response.errors == null
        response.data.activity.currencies*.currencyCode == ['EUR', 'JPY', 'KWD', 'USD']
        response.data.activity.currencies.every { it.buckets.size() == 3 }
        response.data.activity.currencies.find { it.currencyCode == 'EUR' }.buckets.collect {
            [it.start, it.end, it.count, it.net.amount, it.endingBalance.amount] } == [
                ['2026-10-24T00:00:00.000+02:00', '2026-10-25T00:00:00.000+02:00', 0, '0.00', '-49889.36'],
                ['2026-10-25T00:00:00.000+02:00', '2026-10-26T00:00:00.000+01:00', 2, '172.16', '-49717.20'],
                ['2026-10-26T00:00:00.000+01:00', '2026-10-27T00:00:00.000+01:00', 0, '0.00', '-49717.20']]
    }
}
