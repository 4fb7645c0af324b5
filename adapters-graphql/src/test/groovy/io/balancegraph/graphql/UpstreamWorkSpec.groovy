package io.balancegraph.graphql

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.demo.DemoLedger
import spock.lang.Specification
import spock.lang.Unroll

/**
 * One request, minimum upstream work: each distinct read is made once, the reads of one request start together,
 * and sources are expanded only when the query needs more of them than their ids.
 */
class UpstreamWorkSpec extends Specification {

    static final String DASHBOARD = '''{
        balance { available { money { amount currencyCode } } }
        currencies { code available { amount } pending { amount } }
        balanceTransactions(first: 5) { nodes { id amount { amount } } } }'''

    def ledger = new RecordingLedger()
    def graph = new Graph(ledger)

    def "balance, currencies and a page of transactions take exactly two upstream calls, started before either answers"() {
        given:
        ledger.holding = true

        when: 'the query runs while the upstream answers nothing'
        def answer = graph.start(DASHBOARD)

        then: 'both reads have been asked for, and the request waits for them'
        ledger.calls*.method.sort() == ['listTransactions', 'readBalance']
        ledger.calls.every { !it.answered }
        !answer.done

        when: 'the upstream answers the transactions first, then the balance'
        ledger.calls('listTransactions')[0].release()

        then:
        !answer.done

        when:
        ledger.calls('readBalance')[0].release()

        then: 'every field is answered from those two calls'
        answer.done
        with(answer.join()) {
            errors == null
            data.balance.available.size() == 4
            data.currencies*.code == ['EUR', 'JPY', 'KWD', 'USD']
            data.balanceTransactions.nodes.size() == 5
        }
        ledger.calls.size() == 2
    }

    def "balance and currencies share one read even when the read is over before currencies asks"() {
        when: 'the upstream answers at once, so the read is complete before the second field resolves'
        def answer = graph.run('{ balance { livemode } currencies { code } later: currencies { name } }')

        then:
        answer.errors == null
        ledger.calls('readBalance').size() == 1
    }

    def "aliases asking for the same page share its read, and different pages or accounts are read apart"() {
        when:
        graph.run('''{ a: balanceTransactions(first: 3) { nodes { id } } b: balanceTransactions(first: 3) { edges { cursor } }
                       c: balanceTransactions(first: 4) { nodes { id } }
                       d: balanceTransactions(first: 3, account: "acct_1DemoConnected") { nodes { id } } }''')

        then:
        ledger.calls('listTransactions').size() == 3
    }

    def "identical reads of concurrent requests are made once and shared"() {
        given:
        ledger.holding = true

        when:
        def first = graph.start(DASHBOARD)
        def second = graph.start(DASHBOARD)

        then:
        ledger.calls*.method.sort() == ['listTransactions', 'readBalance']

        when:
        ledger.releaseAll()

        then:
        first.join() == second.join()
        first.join().errors == null
        ledger.calls.size() == 2
    }

    def "a request after the shared read is over reads again when the cache is off"() {
        when:
        graph.run('{ balance { livemode } }')
        graph.run('{ balance { livemode } }')

        then:
        ledger.calls('readBalance').size() == 2
    }

    @Unroll
    def "a page's sources are expanded only when #selected of them is selected"() {
        when:
        def answer = graph.run("{ balanceTransactions(first: 3) { $selection } }")

        then:
        answer.errors == null
        ledger.calls('listTransactions')*.expandSource == [expanded]

        where:
        selected                      | selection                                                       | expanded
        'nothing'                     | 'nodes { id }'                                                  | false
        'the id'                      | 'nodes { source { id } }'                                       | false
        'the id and object type'      | 'edges { node { source { id object __typename } } }'            | false
        'the status (in nodes)'       | 'nodes { source { id status } }'                                | true
        'the amount (in edges)'       | 'edges { node { source { amount { amount } } } }'               | true
        'the creation time, by alias' | 'nodes { source { when: created } }'                            | true
        'a detail, in a fragment'     | 'nodes { ... on BalanceTransaction { source { description } } }' | true
    }

    def "expanded sources carry their details and unexpanded ones only what the id tells"() {
        when:
        def nodes = graph.run('{ balanceTransactions(first: 3) { nodes { source { id object status amount { amount } description created } } } }')
                .data.balanceTransactions.nodes
        def bare = new Graph(new RecordingLedger()).run('{ balanceTransactions(first: 3) { nodes { source { id object } } } }')
                .data.balanceTransactions.nodes

        then:
        nodes.every { it.source.status && it.source.amount && it.source.description && it.source.created }
        bare*.source*.object == nodes*.source*.object
    }

    @Unroll
    def "one transaction's source is expanded only when #selected of it is selected"() {
        when:
        graph.run("{ balanceTransaction(id: \"txn_demoP00299\") { $selection } }")

        then:
        ledger.calls('getTransaction')*.expandSource == [expanded]

        where:
        selected        | selection                         | expanded
        'nothing'       | 'id'                              | false
        'the id'        | 'source { id object }'            | false
        'a detail'      | 'source { status }'               | true
    }

    def "a failed read is not kept: the next request asks again"() {
        given:
        ledger.failures.readBalance = new RuntimeException('boom')

        when:
        graph.run('{ balance { livemode } }')
        ledger.failures.clear()
        def answer = graph.run('{ balance { livemode } }')

        then:
        answer.errors == null
        ledger.calls('readBalance').size() == 2
    }

    def "reads of different accounts are not shared"() {
        when:
        graph.run('{ a: balance { livemode } b: balance(account: "acct_1DemoConnected") { livemode } c: balance(account: "platform") { livemode } }')

        then:
        ledger.calls('readBalance')*.account == [Account.platform(), Account.connected(DemoLedger.CONNECTED_ACCOUNT)]
    }

    def "one request makes at most max-upstream-reads distinct reads: aliases past the budget fail, the rest answer"() {
        given: 'eight pages, each of another currency, so none can share a read'
        def pages = ['USD', 'EUR', 'JPY', 'KWD', 'GBP', 'CHF', 'CAD', 'AUD'].withIndex().collect { code, i ->
            "p$i: balanceTransactions(first: 1, filter: { currency: \"$code\" }) { nodes { id } }"
        }

        when:
        def answer = graph.run("{ ${pages.join(' ')} }")

        then:
        ledger.calls('listTransactions').size() == 6
        answer.errors*.extensions*.code == ['TOO_MANY_UPSTREAM_READS'] * 2
        answer.errors.every { it.extensions.limit == 6 }
        answer.data.findAll { k, v -> v != null }.size() == 6
    }

    def "fields that share a read do not use up the budget"() {
        when:
        def answer = graph.run('{ a: balance { livemode } b: balance { livemode } c: currencies { code } d: currencies { code } e: balance { livemode } f: currencies { code } g: balance { livemode } }')

        then:
        answer.errors == null
        ledger.calls.size() == 1
    }
}
