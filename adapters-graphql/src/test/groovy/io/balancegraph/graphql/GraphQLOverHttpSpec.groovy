package io.balancegraph.graphql

import com.fasterxml.jackson.databind.ObjectMapper
import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpStatus
import io.micronaut.http.MediaType
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import spock.lang.Specification
import spock.lang.Unroll

/** The schema served by Micronaut GraphQL over real HTTP, as the app serves it. */
@MicronautTest
@Property(name = 'spec.http', value = 'true')
class GraphQLOverHttpSpec extends Specification {

    @Inject
    @Client('/')
    HttpClient client

    @Inject
    RecordingLedger ledger

    def setup() {
        ledger.calls.clear()
    }

    Map post(Map body, String grant = '*') {
        def request = HttpRequest.POST('/graphql', body).contentType(MediaType.APPLICATION_JSON)
        if (grant != null) {
            request.header('X-Test-Grant', grant)
        }
        def response = client.toBlocking().exchange(request, String)
        assert response.status == HttpStatus.OK
        def json = response.body()
        assert !json.contains('Exception')
        assert !json.contains('at io.')
        assert !json.contains('at graphql.')
        new ObjectMapper().readValue(json, Map) + [raw: json]
    }

    def "one request answers balance, currencies, a page and a transaction with one upstream call per distinct read"() {
        when:
        def answer = post(query: '''{
            balance { available { money { amount minorUnits currencyCode } } readAt }
            currencies { code exponent name available { amount } pending { amount } }
            balanceTransactions(first: 3) { edges { cursor node { id type amount { amount } } } pageInfo { hasNextPage endCursor } readAt }
            balanceTransaction(id: "txn_demoP00299") { id source { id object } } }''')

        then:
        answer.errors == null
        answer.data.balance.available.find { it.money.currencyCode == 'USD' }.money == [amount: '30002075.03', minorUnits: 3_000_207_503L, currencyCode: 'USD']
        answer.raw.contains('"minorUnits":3000207503')
        answer.data.currencies*.code == ['EUR', 'JPY', 'KWD', 'USD']
        answer.data.balanceTransactions.edges.size() == 3
        answer.data.balanceTransaction.id == 'txn_demoP00299'
        ledger.calls*.method.sort() == ['getTransaction', 'listTransactions', 'readBalance']
    }

    def "variables and operationName work as in any GraphQL server"() {
        when:
        def answer = post(query: 'query Page($n: Int) { balanceTransactions(first: $n) { nodes { id } } } query Other { balance { livemode } }',
                operationName: 'Page', variables: [n: 2])

        then:
        answer.errors == null
        answer.data.balanceTransactions.nodes.size() == 2
    }

    def "a request without a grant may read nothing, and Stripe is not asked"() {
        when:
        def answer = post([query: '{ balance { livemode } balanceTransactions { nodes { id } } }'], null)

        then:
        answer.data == [balance: null, balanceTransactions: null]
        answer.errors*.extensions*.code == ['FORBIDDEN', 'FORBIDDEN']
        ledger.calls.empty
    }

    def "a grant for the platform does not reach a connected account"() {
        when:
        def answer = post([query: '{ balance(account: "acct_1DemoConnected") { livemode } mine: balance { livemode } }'], 'platform')

        then:
        answer.data == [balance: null, mine: [livemode: false]]
        answer.errors*.extensions*.code == ['FORBIDDEN']
        ledger.calls.size() == 1
    }

    @Unroll
    def "over HTTP, #abuse is answered with #code and nothing else"() {
        when:
        def answer = post(body)

        then:
        answer.errors*.extensions*.code.unique() == [code]
        ledger.calls.empty

        where:
        abuse                         | code                           | body
        'page size -1'                | 'BAD_USER_INPUT'               | [query: '{ balanceTransactions(first: -1) { nodes { id } } }']
        'page size 0'                 | 'BAD_USER_INPUT'               | [query: '{ balanceTransactions(first: 0) { nodes { id } } }']
        'page size 101'               | 'BAD_USER_INPUT'               | [query: '{ balanceTransactions(first: 101) { nodes { id } } }']
        'page size 2147483648'        | 'GRAPHQL_VALIDATION_FAILED'    | [query: '{ balanceTransactions(first: 2147483648) { nodes { id } } }']
        'page size 2147483648 (var)'  | 'BAD_USER_INPUT'               | [query: 'query($n: Int) { balanceTransactions(first: $n) { nodes { id } } }', variables: [n: 2147483648L]]
        'first with last'             | 'BAD_USER_INPUT'               | [query: '{ balanceTransactions(first: 1, last: 1) { nodes { id } } }']
        'a forged cursor'             | 'BAD_USER_INPUT'               | [query: '{ balanceTransactions(after: "dHhuXzE") { nodes { id } } }']
        'alias flooding'              | 'TOO_MANY_ALIASES'             | [query: '{ ' + (1..100).collect { "a$it: balance { livemode }" }.join(' ') + ' }']
        'deep nesting'                | 'QUERY_TOO_DEEP'               | [query: '{ __schema { types { fields { type ' + '{ ofType '.multiply(14) + '{ name }' + ' }'.multiply(14) + ' } } } }']
        'a duplicated field list'     | 'TOO_MANY_FIELDS'              | [query: '{ balance { ' + 'livemode '.multiply(1000) + '} }']
        'directive overloading'       | 'TOO_MANY_DIRECTIVES'          | [query: '{ balance { livemode ' + '@include(if: true) '.multiply(100) + '} }']
        'a fragment cycle'            | 'GRAPHQL_VALIDATION_FAILED'    | [query: '{ balance { ...a } } fragment a on Balance { ...b } fragment b on Balance { ...a }']
        'an unknown operationName'    | 'OPERATION_RESOLUTION_FAILURE' | [query: 'query A { balance { livemode } }', operationName: 'B']
        'a mutation'                  | 'GRAPHQL_VALIDATION_FAILED'    | [query: 'mutation { payout }']
        'a syntax error'              | 'GRAPHQL_PARSE_FAILED'         | [query: '{ balance { livemode ']
        'a token flood'               | 'GRAPHQL_PARSE_FAILED'         | [query: '{ balance { ' + 'livemode '.multiply(6000) + '} }']
    }
}
