package io.balancegraph.graphql

import com.fasterxml.jackson.databind.ObjectMapper
import graphql.ExecutionInput
import graphql.introspection.IntrospectionQuery
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Unroll

/**
 * The bad inputs a public GraphQL endpoint must survive (OWASP's GraphQL cheat sheet and the audits): each gets
 * a coded error before any upstream call, never an exception's text or a stack trace.
 */
class QueryLimitsSpec extends Specification {

    static final String FULL_TRANSACTION = '''id amount { amount minorUnits currencyCode currency { code exponent name } }
        fee { amount minorUnits currencyCode currency { code exponent name } } net { amount minorUnits currencyCode currency { code exponent name } }
        feeDetails { amount { amount minorUnits currencyCode currency { code exponent name } } type application description }
        exchangeRate type typeKnown status reportingCategory balanceType description created availableOn readAt
        source { id object amount { amount minorUnits currencyCode currency { code exponent name } } status description created }'''

    @Shared def ledger = new RecordingLedger()
    @Shared def graph = new Graph(ledger)

    def setup() {
        ledger.calls.clear()
    }

    static String repeat(int times, Closure<String> part) {
        (1..times).collect(part).join(' ')
    }

    static String nested(int depth) {
        '{ balance ' + '{ available '.multiply(depth) + '{ livemode }' + ' }'.multiply(depth) + ' }'
    }

    @Unroll
    def "#abuse is refused with #code"() {
        when:
        def answer = graph.run(query, [:], AccessGrant.ALL, operationName)
        def json = new ObjectMapper().writeValueAsString(answer)

        then:
        answer.errors*.extensions*.code.unique() == [code]
        answer.errors.every { it.message && !it.message.contains('Exception') }
        !json.contains('Exception')
        !json.contains('at io.')
        !json.contains('at graphql.')
        ledger.calls.empty

        where:
        abuse                                     | code                           | operationName | query
        'alias flooding'                          | 'TOO_MANY_ALIASES'             | null          | '{ ' + repeat(31) { "a$it: __typename" } + ' }'
        'alias flooding through a fragment'       | 'TOO_MANY_ALIASES'             | null          | '{ ...f ...f ...f ...f } fragment f on Query { ' + repeat(8) { "a$it: __typename" } + ' }'
        'aliased upstream reads'                  | 'TOO_MANY_ALIASES'             | null          | '{ ' + repeat(40) { "b$it: balance(account: \"acct_$it\") { livemode }" } + ' }'
        'a huge duplicated field list'            | 'TOO_MANY_FIELDS'              | null          | '{ balance { ' + 'livemode '.multiply(501) + '} }'
        'a huger duplicated field list'           | 'GRAPHQL_PARSE_FAILED'         | null          | '{ balance { ' + 'livemode '.multiply(6000) + '} }'
        'a fragment bomb'                         | 'TOO_MANY_FIELDS'              | null          | '{ balance { ...f0 } } ' + repeat(30) { "fragment f${it - 1} on Balance { ...f$it ...f$it }" } + ' fragment f30 on Balance { livemode }'
        'directive overloading'                   | 'TOO_MANY_DIRECTIVES'          | null          | '{ balance { livemode ' + '@include(if: true) '.multiply(51) + '} }'
        'repeated non-repeatable directives'      | 'GRAPHQL_VALIDATION_FAILED'    | null          | '{ balance @skip(if: false) @skip(if: false) { livemode } }'
        'an unknown directive'                    | 'GRAPHQL_VALIDATION_FAILED'    | null          | '{ balance @aa { livemode } }'
        'a fragment cycle'                        | 'GRAPHQL_VALIDATION_FAILED'    | null          | '{ balance { ...a } } fragment a on Balance { ...b } fragment b on Balance { ...a }'
        'a fragment spreading itself'             | 'GRAPHQL_VALIDATION_FAILED'    | null          | '{ balance { ...a } } fragment a on Balance { livemode ...a }'
        'deep nesting (introspection)'            | 'QUERY_TOO_DEEP'               | null          | '{ __schema { types { fields { type ' + '{ ofType '.multiply(14) + '{ name }' + ' }'.multiply(14) + ' } } } }'
        'deep nesting (parser)'                   | 'GRAPHQL_PARSE_FAILED'         | null          | nested(200)
        'deep nesting of unknown fields'          | 'GRAPHQL_VALIDATION_FAILED'    | null          | nested(20)
        'too costly pages'                        | 'QUERY_TOO_COMPLEX'            | null          | '{ ' + repeat(3) { "p$it: balanceTransactions(first: 100, filter: { currency: \"c$it\" }) { nodes { $FULL_TRANSACTION } }" } + ' }'
        'a huge document'                         | 'GRAPHQL_PARSE_FAILED'         | null          | '{ balance { livemode } } # ' + 'x'.multiply(100_001)
        'an unknown operationName'                | 'OPERATION_RESOLUTION_FAILURE' | 'Steal'       | 'query Read { balance { livemode } }'
        'two operations and no operationName'     | 'OPERATION_RESOLUTION_FAILURE' | null          | 'query A { balance { livemode } } query B { currencies { code } }'
        'a document with only fragments'          | 'OPERATION_RESOLUTION_FAILURE' | null          | 'fragment f on Query { __typename }'
        'a mutation'                              | 'GRAPHQL_VALIDATION_FAILED'    | null          | 'mutation { payout { id } }'
        'a subscription'                          | 'GRAPHQL_VALIDATION_FAILED'    | null          | 'subscription { balance { livemode } }'
        'not GraphQL at all'                      | 'GRAPHQL_PARSE_FAILED'         | null          | '{"query": "{ balance { livemode } }"}'
        'an empty document'                       | 'GRAPHQL_PARSE_FAILED'         | null          | ''
        'an unterminated document'                | 'GRAPHQL_PARSE_FAILED'         | null          | '{ balance { livemode '
        'page size 2147483648'                    | 'GRAPHQL_VALIDATION_FAILED'    | null          | '{ balanceTransactions(first: 2147483648) { nodes { id } } }'
        'a float page size'                       | 'GRAPHQL_VALIDATION_FAILED'    | null          | '{ balanceTransactions(first: 1.5) { nodes { id } } }'
        'bad-faith introspection'                 | 'QUERY_TOO_COMPLEX'            | null          | '{ ' + repeat(2) { "s$it: __schema { types { name } }" } + ' }'
    }

    @Unroll
    def "#abuse in variables is refused with #code"() {
        when:
        def answer = graph.run('query($first: Int, $filter: BalanceTransactionFilter) { balanceTransactions(first: $first, filter: $filter) { nodes { id } } }', variables)

        then:
        answer.errors*.extensions*.code == [code]
        ledger.calls.empty

        where:
        abuse                         | code             | variables
        'page size 2147483648'        | 'BAD_USER_INPUT' | [first: 2_147_483_648L]
        'page size as a string'       | 'BAD_USER_INPUT' | [first: '10']
        'an unknown filter field'     | 'BAD_USER_INPUT' | [filter: [amount: 5]]
        'a filter that is a list'     | 'BAD_USER_INPUT' | [filter: [[currency: 'usd']]]
        'page size -1'                | 'BAD_USER_INPUT' | [first: -1]
    }

    def "GraphiQL's full introspection query fits within the limits"() {
        when:
        def answer = graph.run(IntrospectionQuery.INTROSPECTION_QUERY)

        then:
        answer.errors == null
        answer.data.__schema.queryType.name == 'Query'
    }

    def "a full page of 100 transactions with every field fits within the complexity limit"() {
        when:
        def answer = graph.run("{ balanceTransactions(first: 100) { edges { cursor node { $FULL_TRANSACTION } } pageInfo { endCursor } } }")

        then:
        answer.errors == null
        answer.data.balanceTransactions.edges.size() == 100
    }

    def "introspection can be turned off, __typename still answering"() {
        given:
        def closed = new Graph(ledger, Graph.settings(introspection: false))

        when:
        def schema = closed.run('{ __schema { queryType { name } } }')
        def type = closed.run('{ __type(name: "Money") { name } }')
        def typename = closed.run('{ __typename balance { __typename livemode } }')

        then:
        schema.errors*.extensions*.code == ['INTROSPECTION_DISABLED']
        type.errors*.extensions*.code == ['INTROSPECTION_DISABLED']
        typename.errors == null
        typename.data == [__typename: 'Query', balance: [__typename: 'Balance', livemode: false]]
    }

    @Unroll
    def "the #limit limit is configurable"() {
        given:
        def strict = new Graph(ledger, Graph.settings((limit): 3))

        when:
        def answer = strict.run(query)

        then:
        answer.errors*.extensions*.code == [code]
        answer.errors[0].extensions.limit == 3

        where:
        limit           | code                  | query
        'maxDepth'      | 'QUERY_TOO_DEEP'      | '{ balance { available { money { amount } } } }'
        'maxComplexity' | 'QUERY_TOO_COMPLEX'   | '{ balance { livemode } }'
        'maxAliases'    | 'TOO_MANY_ALIASES'    | '{ a: __typename b: __typename c: __typename d: __typename }'
        'maxFields'     | 'TOO_MANY_FIELDS'     | '{ balance { livemode readAt available { money { amount } } } }'
        'maxDirectives' | 'TOO_MANY_DIRECTIVES' | '{ balance @include(if: true) { livemode @include(if: true) readAt @skip(if: false) available @skip(if: false) { money { amount } } } }'
    }

    def "the parser limits are configurable"() {
        given:
        def strict = new Graph(ledger, Graph.settings(maxTokens: 10, maxCharacters: 1_000_000))

        expect:
        strict.run('{ balance { available { money { amount } } } }').errors*.extensions*.code == ['GRAPHQL_PARSE_FAILED']
        new Graph(ledger, Graph.settings(maxCharacters: 20)).run('{ balance { livemode } }   ').errors*.extensions*.code == ['GRAPHQL_PARSE_FAILED']
        new Graph(ledger, Graph.settings(maxRuleDepth: 10)).run(nested(3)).errors*.extensions*.code == ['GRAPHQL_PARSE_FAILED']
        new Graph(ledger, Graph.settings(maxWhitespaceTokens: 50)).run('{ balance { livemode } }' + ' '.multiply(60)).errors*.extensions*.code == ['GRAPHQL_PARSE_FAILED']
    }

    def "a connection costs its page size times its fields"() {
        given:
        def cost = { String arguments -> new Graph(ledger, Graph.settings(maxComplexity: 1)).run("{ balanceTransactions$arguments { nodes { id type } } }")
                .errors[0].message.find(/costs (\d+)/) { all, n -> n } as int }

        expect:
        cost('') == 11 + 10 * 3
        cost('(first: 100)') == 11 + 100 * 3
        cost('(last: 5, before: "x")') == 11 + 5 * 3
        cost('(first: 5000)') == 11 + 100 * 3
    }

    @Unroll
    def "a request marked queries-only (as a GET is) runs a query but refuses a #kind with OPERATION_NOT_ALLOWED, before any read"() {
        given:
        def input = ExecutionInput.newExecutionInput(query).operationName(operationName).build()
        AccessGrant.ALL.storeIn(input.graphQLContext)
        QueriesOnly.storeIn(input.graphQLContext)

        when:
        def answer = graph.graphQL.execute(input).toSpecification()

        then:
        answer.errors*.extensions*.code == [code]
        answer.errors[0].extensions.operation == operation
        !answer.containsKey('data')
        ledger.calls.empty

        where:
        kind                                  | query                                                           | operationName || code                           | operation
        'mutation'                            | 'mutation { payout { id } }'                                    | null          || 'OPERATION_NOT_ALLOWED'        | 'mutation'
        'subscription'                        | 'subscription S { balance { livemode } }'                       | null          || 'OPERATION_NOT_ALLOWED'        | 'subscription'
        'mutation named beside a query'       | 'query Q { balance { livemode } } mutation M { payout { id } }' | 'M'           || 'OPERATION_NOT_ALLOWED'        | 'mutation'
        'operation it cannot pick, first'     | 'mutation M { payout { id } }'                                  | 'Steal'       || 'OPERATION_RESOLUTION_FAILURE' | null
    }

    def "a request marked queries-only runs its query"() {
        given:
        def input = ExecutionInput.newExecutionInput('{ balance { livemode } }').build()
        AccessGrant.ALL.storeIn(input.graphQLContext)
        QueriesOnly.storeIn(input.graphQLContext)

        expect:
        graph.graphQL.execute(input).toSpecification() == [data: [balance: [livemode: false]]]
    }
}
