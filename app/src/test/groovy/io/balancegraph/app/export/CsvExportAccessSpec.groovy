package io.balancegraph.app.export

import io.balancegraph.app.EndpointSpec
import io.balancegraph.domain.demo.DemoLedger
import io.micrometer.core.instrument.MeterRegistry
import io.micronaut.context.annotation.Property
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject

/** The export asks for the same bearer tokens and grants as /graphql, and reads nothing for a caller it refuses. */
@MicronautTest
@Property(name = 'balancegraph.access.enabled', value = 'true')
@Property(name = 'balancegraph.access.tokens[0].token', value = CsvExportAccessSpec.PLATFORM_TOKEN)
@Property(name = 'balancegraph.access.tokens[0].accounts', value = 'platform')
@Property(name = 'balancegraph.access.tokens[1].token', value = CsvExportAccessSpec.CONNECTED_TOKEN)
@Property(name = 'balancegraph.access.tokens[1].accounts', value = DemoLedger.CONNECTED_ACCOUNT)
class CsvExportAccessSpec extends EndpointSpec {

    static final String PLATFORM_TOKEN = 'export-platform-token-0123456789'
    static final String CONNECTED_TOKEN = 'export-connected-token-0123456789'
    static final String PATH = CsvExportSpec.PATH

    @Inject
    MeterRegistry meters

    def "#who is refused with 401 and a Bearer challenge, and Stripe is not called"() {
        given:
        def readsBefore = upstreamReads()

        when:
        def answer = http.get(PATH, ['created[gte]': '0'], headers)

        then:
        answer.status == 401
        answer.header('WWW-Authenticate').startsWith('Bearer realm="balancegraph"')
        answer.errorCode == 'UNAUTHENTICATED'
        answer.header('Content-Disposition') == null
        upstreamReads() == readsBefore

        where:
        who                        | headers
        'a request without a token' | [:]
        'a wrong token'            | [Authorization: 'Bearer wrong-token-0123456789abcdef']
        'a malformed header'       | [Authorization: PLATFORM_TOKEN]
    }

    def "without a token even a bad parameter is a 401: nothing of the request is looked at"() {
        expect:
        http.get(PATH, [currency: 'US$']).status == 401
    }

    def "a token may not export an account it may not read: 403 naming the account parameter, Stripe not called"() {
        given:
        def readsBefore = upstreamReads()

        when:
        def answer = http.get(PATH, ['created[gte]': '0', account: account], [Authorization: "Bearer $token"])

        then:
        answer.status == 403
        answer.errorCode == 'FORBIDDEN'
        answer.json.errors[0].extensions.parameter == 'account'
        answer.errorMessage.contains(account)
        upstreamReads() == readsBefore

        where:
        token           | account
        PLATFORM_TOKEN  | DemoLedger.CONNECTED_ACCOUNT
        CONNECTED_TOKEN | 'platform'
        CONNECTED_TOKEN | 'acct_1Other'
    }

    def "a token exports the account it may read"() {
        given:
        def readsBefore = upstreamReads()

        when:
        def answer = http.get(PATH, ['created[gte]': '0', account: account], [Authorization: "Bearer $token"])

        then:
        answer.status == 200
        answer.body.count('\r\n') == rows + 1
        upstreamReads() > readsBefore

        where:
        token           | account                      || rows
        PLATFORM_TOKEN  | 'platform'                   || DemoLedger.PLATFORM_TRANSACTIONS
        CONNECTED_TOKEN | DemoLedger.CONNECTED_ACCOUNT || DemoLedger.CONNECTED_TRANSACTIONS
    }

    private double upstreamReads() {
        meters.find('balancegraph.upstream.requests').timers().sum { it.count() } ?: 0
    }
}
