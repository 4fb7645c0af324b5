package io.balancegraph.graphql

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.demo.DemoLedger
import io.balancegraph.domain.money.Currency
import io.balancegraph.domain.query.BalanceTransactionQuery
import io.balancegraph.domain.query.TransactionWalk
import io.balancegraph.domain.transaction.BalanceTransaction
import io.balancegraph.domain.transaction.TransactionType
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Unroll

import java.time.Instant

/** The filter input: every list parameter Stripe has, passed on to the port, and refused early when malformed. */
class FiltersSpec extends Specification {

    static final String LIST = '''query($filter: BalanceTransactionFilter) {
        balanceTransactions(first: 100, filter: $filter) { nodes { id type created amount { currencyCode } source { id } } } }'''

    static final String NOT_A_DATE_TIME = 'a DateTime is an RFC 3339 date-time with an offset, e.g. "2026-11-01T12:00:00Z", not '

    @Shared def demo = DemoLedger.create()
    @Shared List<BalanceTransaction> all = TransactionWalk.all(demo, Account.platform(), BalanceTransactionQuery.builder().limit(100).build()).toList()

    def ledger = new RecordingLedger(demo)
    def graph = new Graph(ledger)

    List<Map> nodes(Map filter) {
        def answer = graph.run(LIST, [filter: filter])
        assert answer.errors == null
        answer.data.balanceTransactions.nodes
    }

    BalanceTransactionQuery askedFor() {
        ledger.calls('listTransactions')[0].argument as BalanceTransactionQuery
    }

    def "currency, in either case, keeps the transactions in that currency"() {
        when:
        def kwd = nodes(currency: 'kwd')

        then:
        !kwd.empty
        kwd.every { it.amount.currencyCode == 'KWD' }
        askedFor().currency() == Currency.KWD
    }

    def "type keeps the transactions of that type"() {
        when:
        def payouts = nodes(type: 'payout')

        then:
        payouts*.id == all.findAll { it.type() == TransactionType.PAYOUT }*.id().take(100)
        askedFor().type() == TransactionType.PAYOUT
    }

    def "a created range keeps the transactions created in it"() {
        given:
        def from = Instant.parse('2026-10-01T00:00:00Z')
        def to = Instant.parse('2026-10-03T00:00:00Z')

        when:
        def inRange = nodes(created: [gte: '2026-10-01T00:00:00Z', lt: '2026-10-03T00:00:00Z'])

        then:
        inRange*.id == all.findAll { !it.created().isBefore(from) && it.created().isBefore(to) }*.id()
        askedFor().created().gte() == from
        askedFor().created().lt() == to
    }

    def "an exact creation time is Stripe's created=..."() {
        given:
        def one = all[17]

        when:
        def at = nodes(created: [at: one.created().toString()])

        then:
        at*.id == [one.id()]
        askedFor().created().gte() == one.created()
        askedFor().created().lte() == one.created()
    }

    def "payout keeps the transactions paid out in that payout"() {
        given:
        def payout = all.find { it.type() == TransactionType.PAYOUT }.source().id()

        when:
        def paidOut = nodes(payout: payout)

        then:
        !paidOut.empty
        paidOut.every { it.type != 'payout' }
        askedFor().payout() == payout
    }

    def "source keeps the transactions of that source object"() {
        given:
        def charge = all.find { it.type() == TransactionType.CHARGE }

        expect:
        nodes(source: charge.source().id())*.id == [charge.id()]
        askedFor().source() == charge.source().id()
    }

    def "filters combine"() {
        expect:
        nodes(currency: 'USD', type: 'charge', created: [gt: '2026-10-01T00:00:00Z']).every { it.type == 'charge' && it.amount.currencyCode == 'USD' }
    }

    @Unroll
    def "the filter #filter is refused as bad input naming #argument, before any upstream call"() {
        when:
        def answer = graph.run(LIST, [filter: filter])

        then:
        Answers.refusedAsBadInput(answer, argument, explanation, ledger)

        where:
        filter                                                                     | argument            | explanation
        [currency: 'dollars']                                                      | 'filter.currency'   | 'three letters'
        [type: 'Not A Type']                                                       | 'filter.type'       | 'lower-case Stripe value'
        [payout: 'po_1/../x']                                                      | 'filter.payout'     | 'Stripe object id'
        [source: 'ch 1']                                                           | 'filter.source'     | 'Stripe object id'
        [created: [gt: '2026-10-01T00:00:00Z', gte: '2026-10-01T00:00:00Z']]       | 'filter.created'    | 'gt or gte'
        [created: [lt: '2026-10-01T00:00:00Z', lte: '2026-10-01T00:00:00Z']]       | 'filter.created'    | 'lt or lte'
        [created: [gte: '2026-10-02T00:00:00Z', lt: '2026-10-01T00:00:00Z']]       | 'filter.created'    | 'range is empty'
        [created: [gte: '2026-10-01T00:00:00.500Z']]                               | 'filter.created'    | 'whole seconds'
        [created: [at: '2026-10-01T00:00:00Z', lt: '2026-10-02T00:00:00Z']]        | 'filter.created.at' | 'give it alone'
    }

    def "a date-time that is not RFC 3339 is refused by its type with a coded error in our words"() {
        when:
        def answer = graph.run(LIST, [filter: [created: [gte: 'yesterday']]])

        then:
        answer.errors*.extensions*.code == ['BAD_USER_INPUT']
        answer.errors[0].message.contains(NOT_A_DATE_TIME + "'yesterday'")
        !answer.errors[0].message.contains('could not be parsed')
        !answer.errors[0].message.contains('because of')
        ledger.calls.empty
    }

    @Unroll
    def "a date-time literal in the document is refused in the same words: #literal"() {
        when:
        def answer = graph.run("{ balanceTransactions(filter: { created: { gte: $literal } }) { nodes { id } } }")

        then:
        answer.errors*.extensions*.code == ['GRAPHQL_VALIDATION_FAILED']
        answer.errors[0].message.contains(NOT_A_DATE_TIME + "'$shown'")
        !answer.errors[0].message.contains('because of')
        ledger.calls.empty

        where:
        literal                  | shown
        '"yesterday"'            | 'yesterday'
        '"2026-13-01T00:00:00Z"' | '2026-13-01T00:00:00Z'
        '"2026-10-01T00:00:00"'  | '2026-10-01T00:00:00'
        '42'                     | '42'
    }
}
