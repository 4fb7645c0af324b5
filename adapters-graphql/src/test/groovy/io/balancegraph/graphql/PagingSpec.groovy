package io.balancegraph.graphql

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.demo.DemoLedger
import io.balancegraph.domain.query.BalanceTransactionQuery
import io.balancegraph.domain.query.TransactionWalk
import io.balancegraph.graphql.paging.TransactionCursors
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Unroll

/** Relay paging over Stripe's newest-first list: sizes, directions, and cursors that are opaque and bound to their listing. */
class PagingSpec extends Specification {

    static final String PAGE = '''query($first: Int, $after: String, $last: Int, $before: String, $account: ID, $filter: BalanceTransactionFilter) {
        balanceTransactions(first: $first, after: $after, last: $last, before: $before, account: $account, filter: $filter) {
          edges { cursor node { id } } nodes { id }
          pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }'''

    @Shared def demo = DemoLedger.create()
    @Shared List<String> newestFirst = TransactionWalk.all(demo, Account.platform(), BalanceTransactionQuery.builder().limit(100).build())
            .map { it.id() }.toList()

    def ledger = new RecordingLedger(demo)
    def graph = new Graph(ledger)

    Map page(Map arguments) {
        graph.run(PAGE, arguments)
    }

    def "paging forward across three pages gives the list in order, then paging back gives the pages before"() {
        when:
        def first = page(first: 5).data.balanceTransactions
        def second = page(first: 5, after: first.pageInfo.endCursor).data.balanceTransactions
        def third = page(first: 5, after: second.pageInfo.endCursor).data.balanceTransactions

        then:
        first.nodes*.id == newestFirst[0..4]
        second.nodes*.id == newestFirst[5..9]
        third.nodes*.id == newestFirst[10..14]
        first.pageInfo.subMap('hasNextPage', 'hasPreviousPage') == [hasNextPage: true, hasPreviousPage: false]
        second.pageInfo.subMap('hasNextPage', 'hasPreviousPage') == [hasNextPage: true, hasPreviousPage: true]
        first.edges*.node*.id == first.nodes*.id
        first.pageInfo.startCursor == first.edges[0].cursor
        first.pageInfo.endCursor == first.edges[4].cursor

        when:
        def back = page(last: 5, before: third.pageInfo.startCursor).data.balanceTransactions
        def backAgain = page(last: 5, before: back.pageInfo.startCursor).data.balanceTransactions

        then:
        back.nodes*.id == newestFirst[5..9]
        backAgain.nodes*.id == newestFirst[0..4]
        back.pageInfo.hasPreviousPage
        !backAgain.pageInfo.hasPreviousPage
        backAgain.pageInfo.hasNextPage
    }

    def "paging backward from a page's start reaches the newest transaction in pages of the size asked"() {
        given:
        def third = page(first: 4, after: page(first: 6).data.balanceTransactions.pageInfo.endCursor).data.balanceTransactions

        when:
        def back = page(last: 3, before: third.pageInfo.startCursor).data.balanceTransactions
        def rest = page(last: 3, before: back.pageInfo.startCursor).data.balanceTransactions

        then:
        back.nodes*.id == newestFirst[3..5]
        rest.nodes*.id == newestFirst[0..2]
        !rest.pageInfo.hasPreviousPage
    }

    def "any edge's cursor can be the start of the next page"() {
        given:
        def first = page(first: 5).data.balanceTransactions

        expect:
        page(first: 2, after: first.edges[1].cursor).data.balanceTransactions.nodes*.id == newestFirst[2..3]
    }

    def "the last page says there is nothing after it and an empty page has no cursors"() {
        when:
        def last = page(first: 2, filter: [created: [lt: '2025-09-28T00:00:00Z']]).data.balanceTransactions
        def none = page(first: 2, filter: [created: [lt: '2020-01-01T00:00:00Z']]).data.balanceTransactions

        then:
        last.nodes.size() == 2
        !last.pageInfo.hasNextPage
        none == [edges: [], nodes: [], pageInfo: [hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null]]
    }

    @Unroll
    def "a page size of #size for #argument is refused as bad input before any upstream call"() {
        given:
        def before = argument == 'last' ? page(first: 1).data.balanceTransactions.pageInfo.endCursor : null
        ledger.calls.clear()

        when:
        def answer = page([(argument): size, before: before])

        then:
        answer.errors*.extensions*.code == ['BAD_USER_INPUT']
        answer.errors[0].message.contains(explanation)
        answer.data?.balanceTransactions == null
        ledger.calls.empty

        where:
        argument | size           | explanation
        'first'  | -1             | 'between 1 and 100, not -1'
        'first'  | 0              | 'between 1 and 100, not 0'
        'first'  | 101            | 'between 1 and 100, not 101'
        'first'  | 2_147_483_648L | "Variable 'first' has an invalid value: Expected value to be in the integer range"
        'last'   | -1             | 'between 1 and 100, not -1'
        'last'   | 0              | 'between 1 and 100, not 0'
        'last'   | 101            | 'between 1 and 100, not 101'
        'last'   | 2_147_483_648L | "Variable 'last' has an invalid value: Expected value to be in the integer range"
    }

    @Unroll
    def "a page size of #size is accepted"() {
        expect:
        page(first: size).data.balanceTransactions.nodes.size() == size

        where:
        size << [1, 10, 100]
    }

    def "a page size beyond 32 bits written in the document is refused by the Int type, coded and readable"() {
        when:
        def answer = graph.run('{ balanceTransactions(first: 2147483648) { nodes { id } } }')

        then:
        answer.errors*.extensions*.code == ['GRAPHQL_VALIDATION_FAILED']
        answer.errors[0].message.contains("argument 'first' with value 'IntValue{value=2147483648}' is not a valid 'Int'")
        answer.errors[0].message.contains('integer range')
        ledger.calls.empty
    }

    @Unroll
    def "#arguments.keySet() together are refused before any upstream call"() {
        given:
        def cursor = page(first: 1).data.balanceTransactions.pageInfo.endCursor
        ledger.calls.clear()

        when:
        def answer = page(arguments.collectEntries { key, value -> [(key): value == 'cursor' ? cursor : value] })

        then:
        Answers.refusedAsBadInput(answer, blamed, explanation, ledger)

        where:
        arguments                           | blamed   | explanation
        [first: 5, last: 5]                 | 'last'   | 'not both'
        [after: 'cursor', before: 'cursor'] | 'before' | 'not both'
        [first: 5, before: 'cursor']        | 'before' | 'give `last` with `before`'
        [last: 5, after: 'cursor']          | 'after'  | 'give `first` with `after`'
        [last: 5]                           | 'last'   | 'cannot start from the oldest end'
    }

    def "before without last pages backward ten at a time"() {
        given:
        def cursor = page(first: 20).data.balanceTransactions.pageInfo.endCursor

        expect:
        page(before: cursor).data.balanceTransactions.nodes*.id == newestFirst[9..18]
    }

    @Unroll
    def "a #kind cursor is refused as bad input before any upstream call"() {
        given:
        def cursors = page(first: 3).data.balanceTransactions.edges*.cursor
        def cursor = make(cursors[1], graph)
        ledger.calls.clear()

        when:
        def answer = page(first: 3, after: cursor)

        then:
        Answers.refusedAsBadInput(answer, 'after', explanation, ledger)
        answer.data == [balanceTransactions: null]

        where:
        kind                                    | explanation                 | make
        'made-up'                               | 'not a cursor this server'  | { c, g -> 'txn_demoP00290' }
        'base64 of a plain id'                  | 'not a cursor this server'  | { c, g -> Base64.urlEncoder.encodeToString('txn_demoP00290'.bytes) }
        'forged (right shape, made-up id)'      | 'not a cursor this server'  | { c, g -> reencode(c) { it.replace('txn_demoP00298', 'txn_demoP00100') } }
        'tampered (one character changed)'      | 'not a cursor this server'  | { c, g -> c[0..-2] + (c[-1] == 'A' ? 'B' : 'A') }
        'truncated'                             | 'not a cursor this server'  | { c, g -> c.substring(0, c.length() - 4) }
        'future version'                        | 'not a cursor this server'  | { c, g -> reencode(c) { '2' + it.substring(1) } }
        'oversized'                             | 'not a cursor this server'  | { c, g -> c * 20 }
        'not base64'                            | 'not a cursor this server'  | { c, g -> '%%%' }
        'another server\'s'                     | 'not a cursor this server'  | { c, g -> new Graph(DemoLedger.create()).run(PAGE, [first: 2]).data.balanceTransactions.pageInfo.endCursor }
        'another account\'s'                    | 'cursor of another listing' | { c, g -> g.run(PAGE, [first: 2, account: DemoLedger.CONNECTED_ACCOUNT]).data.balanceTransactions.pageInfo.endCursor }
        'another filter\'s'                     | 'cursor of another listing' | { c, g -> g.run(PAGE, [first: 2, filter: [currency: 'usd']]).data.balanceTransactions.pageInfo.endCursor }
    }

    def "a cursor outlives a page size change and a change in what is selected"() {
        given:
        def cursor = graph.run('{ balanceTransactions(first: 2) { pageInfo { endCursor } } }').data.balanceTransactions.pageInfo.endCursor

        expect:
        graph.run("{ balanceTransactions(first: 7, after: \"$cursor\") { nodes { id source { id status } } } }").data.balanceTransactions.nodes*.id == newestFirst[2..8]
    }

    def "a filter given in other words is the same listing for its cursors"() {
        given:
        def cursor = page(first: 2, filter: [currency: 'usd']).data.balanceTransactions.pageInfo.endCursor

        expect:
        page(first: 2, after: cursor, filter: [currency: 'USD']).errors == null
    }

    def "with a configured secret, cursors survive a restart of the server"() {
        given:
        def settings = Graph.settings(cursorSecret: 'a-secret-of-at-least-thirty-two-characters')
        def before = new Graph(demo, settings).run(PAGE, [first: 2]).data.balanceTransactions.pageInfo.endCursor

        expect:
        new Graph(demo, settings).run(PAGE, [first: 2, after: before]).data.balanceTransactions.nodes*.id == newestFirst[2..3]
    }

    def "a configured cursor secret shorter than 32 characters is refused when the server starts"() {
        when:
        new Graph(demo, Graph.settings(cursorSecret: 'short'))

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains('at least 32')
    }

    def "a cursor naming a transaction Stripe no longer has is bad input too"() {
        given:
        def cursors = TransactionCursors.withSecret('a-secret-of-at-least-thirty-two-characters')
        def graph = new Graph(ledger, Graph.settings(cursorSecret: 'a-secret-of-at-least-thirty-two-characters'))
        def scope = cursors.scope(Account.platform(), BalanceTransactionQuery.firstPage())

        when:
        def answer = graph.run(PAGE, [first: 2, after: cursors.encode('txn_gone', scope)])

        then:
        answer.errors*.extensions*.code == ['BAD_USER_INPUT']
        answer.errors[0].extensions.argument == 'after'
        ledger.calls.size() == 1
    }

    private static String reencode(String cursor, Closure<String> change) {
        Base64.urlEncoder.withoutPadding().encodeToString(change(new String(Base64.urlDecoder.decode(cursor))).bytes)
    }
}
