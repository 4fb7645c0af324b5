package io.balancegraph.app.access

import io.balancegraph.app.EndpointSpec
import io.balancegraph.app.LogCapture
import io.balancegraph.app.RawHttp
import io.balancegraph.domain.account.Account
import io.balancegraph.graphql.AccessGrant
import io.micrometer.core.instrument.MeterRegistry
import io.micronaut.context.annotation.Property
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject

/** Bearer tokens in front of /graphql, forced on over the demo ledger. */
@MicronautTest
@Property(name = 'balancegraph.test.record-grants', value = 'true')
@Property(name = 'balancegraph.access.enabled', value = 'true')
@Property(name = 'balancegraph.access.tokens[0].token', value = AccessControlSpec.PLATFORM_TOKEN)
@Property(name = 'balancegraph.access.tokens[0].accounts', value = 'platform')
@Property(name = 'balancegraph.access.tokens[1].token', value = AccessControlSpec.CONNECTED_TOKEN)
@Property(name = 'balancegraph.access.tokens[1].accounts', value = 'acct_1DemoConnected')
@Property(name = 'balancegraph.access.tokens[2].token', value = AccessControlSpec.EVERY_ACCOUNT_TOKEN)
@Property(name = 'balancegraph.access.tokens[2].accounts', value = '*')
@Property(name = 'balancegraph.access.tokens[3].token', value = AccessControlSpec.TWO_ACCOUNTS_TOKEN)
@Property(name = 'balancegraph.access.tokens[3].accounts', value = 'platform,acct_1DemoConnected')
class AccessControlSpec extends EndpointSpec {

    static final String PLATFORM_TOKEN = 'platform-token-0123456789abcdef'
    static final String CONNECTED_TOKEN = 'connected-token-0123456789abcdef'
    static final String EVERY_ACCOUNT_TOKEN = 'every-account-token-0123456789'
    static final String TWO_ACCOUNTS_TOKEN = 'two-accounts-token-0123456789'
    static final String BALANCE = '{ balance { livemode } }'

    @Inject
    GrantRecorder recorder

    @Inject
    MeterRegistry meters

    RawHttp getHttp() {
        new RawHttp(server.URL)
    }

    def "a request with #authorization is refused with 401, a Bearer challenge and UNAUTHENTICATED"() {
        when:
        def answer = http.graphql(BALANCE, authorization == null ? [:] : [Authorization: authorization])

        then:
        answer.status == 401
        answer.header('WWW-Authenticate').startsWith('Bearer realm="balancegraph"')
        answer.header('WWW-Authenticate').endsWith(challengeError)
        answer.errorCode == 'UNAUTHENTICATED'
        answer.errorMessage.contains(message)
        !answer.json.containsKey('data')
        ['0123456789', 'user:pass'.bytes.encodeBase64().toString()].every { !answer.body.contains(it) }

        where:
        authorization                            || challengeError            | message
        null                                     || 'realm="balancegraph"'    | 'Authorization: Bearer <token>'
        ''                                       || 'realm="balancegraph"'    | 'Authorization: Bearer <token>'
        'Bearer wrong-token-0123456789abcdef'    || 'error="invalid_token"'   | 'not valid'
        "Bearer ${PLATFORM_TOKEN}x"              || 'error="invalid_token"'   | 'not valid'
        "Bearer ${PLATFORM_TOKEN.reverse()}"     || 'error="invalid_token"'   | 'not valid'
        'Bearer short'                           || 'error="invalid_token"'   | 'not valid'
        "Basic ${'user:pass'.bytes.encodeBase64()}" || 'error="invalid_request"' | 'Bearer <token>'
        PLATFORM_TOKEN                           || 'error="invalid_request"' | 'Bearer <token>'
        'Bearer'                                 || 'error="invalid_request"' | 'Bearer <token>'
        "Bearer ${PLATFORM_TOKEN} extra"         || 'error="invalid_request"' | 'Bearer <token>'
    }

    def "without a token nothing of the request is looked at: #request is a 401 too"() {
        expect:
        send(http).status == 401

        where:
        request                  | send
        'a GET query'            | { RawHttp it -> it.get('/graphql', [query: BALANCE]) }
        'a malformed body'       | { RawHttp it -> it.post('/graphql', '{ "not a JSON') }
        'a text/plain body'      | { RawHttp it -> it.post('/graphql', 'x', ['Content-Type': 'text/plain']) }
        'the schema SDL'         | { RawHttp it -> it.get('/graphql/schema.graphqls') }
    }

    def "the GraphQL fields see the accounts of the token: #token gets #accounts"() {
        when:
        def answer = http.graphql('query Grant { __typename }', [Authorization: "Bearer $token"])

        then:
        answer.status == 200
        recorder.last == new AccessGrant(accounts as Set)

        where:
        token               || accounts
        PLATFORM_TOKEN      || ['platform']
        CONNECTED_TOKEN     || ['acct_1DemoConnected']
        EVERY_ACCOUNT_TOKEN || ['*']
        TWO_ACCOUNTS_TOKEN  || ['platform', 'acct_1DemoConnected']
    }

    def "the Bearer scheme is read in any case: #scheme"() {
        expect:
        http.graphql(BALANCE, [Authorization: "$scheme $PLATFORM_TOKEN"]).status == 200

        where:
        scheme << ['Bearer', 'bearer', 'BEARER']
    }

    def "a token with the platform grant reads the platform balance"() {
        when:
        def answer = http.graphql('{ balance { available { money { currencyCode } } } }', [Authorization: "Bearer $PLATFORM_TOKEN"])

        then:
        answer.status == 200
        answer.json.errors == null
        answer.json.data.balance.available*.money*.currencyCode == ['EUR', 'JPY', 'KWD', 'USD']
    }

    def "a token for a connected account reads that account's balance"() {
        when:
        def answer = http.graphql('{ balance(account: "acct_1DemoConnected") { available { money { currencyCode } } } }',
                [Authorization: "Bearer $CONNECTED_TOKEN"])

        then:
        answer.status == 200
        answer.json.errors == null
        answer.json.data.balance.available*.money*.currencyCode == ['GBP', 'USD']
        recorder.last.allows(Account.connected('acct_1DemoConnected'))
        !recorder.last.allows(Account.platform())
    }

    def "a token asking for an account it may not read gets FORBIDDEN for that field, and no upstream read is made"() {
        given:
        double readsBefore = upstreamReads()

        when:
        def answer = http.graphql('''{ balance { livemode } currencies { code }
                balanceTransactions(first: 5) { nodes { id } } balanceTransaction(id: "txn_demoP00001") { id } }''',
                [Authorization: "Bearer $CONNECTED_TOKEN"])

        then:
        answer.status == 200
        answer.json.data == [balance: null, currencies: null, balanceTransactions: null, balanceTransaction: null]
        answer.json.errors*.extensions*.code == ['FORBIDDEN'] * 4
        answer.json.errors*.path.flatten() as Set == ['balance', 'currencies', 'balanceTransactions', 'balanceTransaction'] as Set
        upstreamReads() == readsBefore

        when: 'a token that may read the account asks'
        def allowed = http.graphql('{ balance { livemode } }', [Authorization: "Bearer $PLATFORM_TOKEN"])

        then: 'the read is made, and counted'
        allowed.json.data.balance.livemode == false
        upstreamReads() == readsBefore + 1
    }

    private double upstreamReads() {
        meters.find('balancegraph.upstream.requests').timers().sum { it.count() } ?: 0
    }

    def "the schema SDL is served to a caller with a token"() {
        expect:
        http.get('/graphql/schema.graphqls', [:], [Authorization: "Bearer $CONNECTED_TOKEN"]).status == 200
    }

    def "no token, right or wrong, ever reaches the log"() {
        when:
        def events = LogCapture.during {
            http.graphql(BALANCE, [Authorization: "Bearer $PLATFORM_TOKEN"])
            http.graphql(BALANCE, [Authorization: 'Bearer wrong-token-0123456789abcdef'])
            http.graphql(BALANCE)
        }

        then:
        !LogCapture.anyContains(events, PLATFORM_TOKEN)
        !LogCapture.anyContains(events, 'wrong-token')
    }
}
