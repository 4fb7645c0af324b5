package io.balancegraph.app.http

import io.balancegraph.app.EndpointSpec
import io.balancegraph.app.RawHttp
import io.micronaut.context.annotation.Property
import io.micronaut.test.extensions.spock.annotation.MicronautTest

import static io.balancegraph.app.RawHttp.JSON as MAPPER

/**
 * Every bad input of the shared guide's list (../shared/guide/graphql.md, "Bad inputs a public GraphQL endpoint
 * must survive") sent over real HTTP to the app in demo mode: each gets a 4xx or a GraphQL error with an
 * extensions.code, never a 5xx, an exception's name or a stack frame. The precise code and message of each are
 * pinned where they are made (GraphQLOverHttpSpec here, QueryLimitsSpec and PagingSpec in adapters-graphql).
 */
@MicronautTest
@Property(name = 'spec.name', value = 'BadInputSpec')
class BadInputSpec extends EndpointSpec {

    static final String TRANSACTIONS = '{ balanceTransactions(first: 2) { pageInfo { endCursor } } }'

    static String query(String document, Map variables = null) {
        MAPPER.writeValueAsString(variables == null ? [query: document] : [query: document, variables: variables])
    }

    static String page(String arguments) {
        query("{ balanceTransactions($arguments) { nodes { id } } }")
    }

    static String repeat(int times, Closure<String> each) {
        (1..times).collect(each).join(' ')
    }

    /** A cursor this server issued for the platform's unfiltered listing. */
    static String issuedCursor(RawHttp http) {
        http.graphql(TRANSACTIONS).json.data.balanceTransactions.pageInfo.endCursor
    }

    def "#input is refused with a 4xx or a coded GraphQL error, never a 5xx or a stack trace"() {
        when:
        RawHttp.Answer answer = send(http)

        then: 'no server error, nothing of an exception'
        answer.status < 500
        !answer.body.contains('Exception')
        !answer.body.contains('at io.')
        !(answer.body =~ /\bat [a-z]+\.[a-z]+\.[A-Za-z.$]+\(/)

        and: 'a 4xx with a coded error, or GraphQL errors that all carry a code'
        def errors = answer.json.errors
        errors && errors.every { it.message && it.extensions?.code }
        answer.status >= 400 || answer.status == 200

        where:
        input                                  | send
        'alias flooding'                       | { RawHttp h -> h.post('/graphql', query('{ ' + repeat(200) { "a$it: __typename" } + ' }')) }
        'aliased upstream reads'               | { RawHttp h -> h.post('/graphql', query('{ ' + repeat(40) { "b$it: balance(account: \"acct_$it\") { livemode }" } + ' }')) }
        'deep nesting'                         | { RawHttp h -> h.post('/graphql', query('{ balance ' + '{ available '.multiply(200) + '{ livemode }' + ' }'.multiply(200) + ' }')) }
        'deep introspection nesting'           | { RawHttp h -> h.post('/graphql', query('{ __schema { types { fields { type ' + '{ ofType '.multiply(14) + '{ name }' + ' }'.multiply(14) + ' } } } }')) }
        'a batched array of operations'        | { RawHttp h -> h.post('/graphql', '[' + query('{ balance { livemode } }') + ',' + query('{ currencies { code } }') + ']') }
        'a huge duplicated field list'         | { RawHttp h -> h.post('/graphql', query('{ balance { ' + 'livemode '.multiply(501) + '} }')) }
        'a huger duplicated field list'        | { RawHttp h -> h.post('/graphql', query('{ balance { ' + 'livemode '.multiply(6000) + '} }')) }
        'a fragment bomb'                      | { RawHttp h -> h.post('/graphql', query('{ balance { ...f0 } } ' + repeat(30) { "fragment f${it - 1} on Balance { ...f$it ...f$it }" } + ' fragment f30 on Balance { livemode }')) }
        'directive overloading'                | { RawHttp h -> h.post('/graphql', query('{ balance { livemode ' + '@include(if: true) '.multiply(51) + '} }')) }
        'repeated non-repeatable directives'   | { RawHttp h -> h.post('/graphql', query('{ balance @skip(if: false) @skip(if: false) { livemode } }')) }
        'a fragment cycle'                     | { RawHttp h -> h.post('/graphql', query('{ balance { ...a } } fragment a on Balance { ...b } fragment b on Balance { ...a }')) }
        'a fragment spreading itself'          | { RawHttp h -> h.post('/graphql', query('{ balance { ...a } } fragment a on Balance { livemode ...a }')) }
        'first: -1'                            | { RawHttp h -> h.post('/graphql', page('first: -1')) }
        'first: 0'                             | { RawHttp h -> h.post('/graphql', page('first: 0')) }
        'first: 101'                           | { RawHttp h -> h.post('/graphql', page('first: 101')) }
        'first: 2147483648'                    | { RawHttp h -> h.post('/graphql', page('first: 2147483648')) }
        'first: 2147483648 in variables'       | { RawHttp h -> h.post('/graphql', query('query($n: Int) { balanceTransactions(first: $n) { nodes { id } } }', [n: 2_147_483_648L])) }
        'first: -1 in variables'               | { RawHttp h -> h.post('/graphql', query('query($n: Int) { balanceTransactions(first: $n) { nodes { id } } }', [n: -1])) }
        'first with last'                      | { RawHttp h -> h.post('/graphql', page("first: 2, last: 2, before: \"${issuedCursor(h)}\"")) }
        'last without before'                  | { RawHttp h -> h.post('/graphql', page('last: 2')) }
        'after with before'                    | { RawHttp h -> h.post('/graphql', page("after: \"${issuedCursor(h)}\", before: \"${issuedCursor(h)}\"")) }
        'a forged cursor (base64 of an id)'    | { RawHttp h -> h.post('/graphql', page("first: 2, after: \"${'txn_demoP00297'.bytes.encodeBase64()}\"")) }
        'a garbage cursor'                     | { RawHttp h -> h.post('/graphql', page('first: 2, after: "%%%not-a-cursor%%%"')) }
        'a tampered cursor'                    | { RawHttp h -> h.post('/graphql', page("first: 2, after: \"${issuedCursor(h).reverse()}\"")) }
        "another account's cursor"             | { RawHttp h -> h.post('/graphql', page("account: \"acct_1DemoConnected\", first: 2, after: \"${issuedCursor(h)}\"")) }
        "another filter's cursor"              | { RawHttp h -> h.post('/graphql', page("first: 2, filter: { currency: \"usd\" }, after: \"${issuedCursor(h)}\"")) }
        'malformed JSON'                       | { RawHttp h -> h.post('/graphql', '{ "query": "{ balance { livemode } }') }
        'JSON with trailing garbage'           | { RawHttp h -> h.post('/graphql', query('{ balance { livemode } }') + ' }}') }
        'an empty body'                        | { RawHttp h -> h.post('/graphql', '') }
        'a missing content type'               | { RawHttp h -> h.post('/graphql', query('{ balance { livemode } }'), [:]) }
        'a wrong content type (text/plain)'    | { RawHttp h -> h.post('/graphql', query('{ balance { livemode } }'), ['Content-Type': 'text/plain']) }
        'a wrong content type (graphql)'       | { RawHttp h -> h.post('/graphql', '{ balance { livemode } }', ['Content-Type': 'application/graphql']) }
        'a form body'                          | { RawHttp h -> h.post('/graphql', 'query=%7B__typename%7D', ['Content-Type': 'application/x-www-form-urlencoded']) }
        'a mutation by GET'                    | { RawHttp h -> h.get('/graphql', [query: 'mutation { __typename }']) }
        'a mutation by POST'                   | { RawHttp h -> h.post('/graphql', query('mutation { payout { id } }')) }
        'an unknown operationName'             | { RawHttp h -> h.post('/graphql', MAPPER.writeValueAsString([query: 'query A { __typename }', operationName: 'Steal'])) }
        'an unknown operationName by GET'      | { RawHttp h -> h.get('/graphql', [query: 'query A { __typename }', operationName: 'Steal']) }
        'a huge body (1 MB)'                   | { RawHttp h -> h.post('/graphql', query('{ balance { livemode } } #' + 'x' * 1_000_000)) }
        'a huge document under the body limit' | { RawHttp h -> h.post('/graphql', query('{ balance { livemode } } ' + '{ __typename } ' * 4000)) }
        'a huge GET URL'                       | { RawHttp h -> h.get('/graphql', [query: '{ __typename }' + ' ' * 10_000]) }
    }
}
