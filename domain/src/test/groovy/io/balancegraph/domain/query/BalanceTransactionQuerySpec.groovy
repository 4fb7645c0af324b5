package io.balancegraph.domain.query

import io.balancegraph.domain.money.Currency
import io.balancegraph.domain.transaction.TransactionType
import spock.lang.Specification

import java.time.Instant

class BalanceTransactionQuerySpec extends Specification {

    static final Instant T = Instant.parse('2026-01-01T00:00:00Z')

    def "a query with nothing set asks for the first ten transactions of any kind"() {
        when:
        def query = BalanceTransactionQuery.firstPage()

        then:
        query.limit() == 10
        query.position() == Position.START
        query.created().isAny()
        query.currency() == null
        !query.expandSource()
    }

    def "a query keeps every filter it was given"() {
        when:
        def query = BalanceTransactionQuery.builder()
                .created(new CreatedFilter(null, T, T.plusSeconds(60), null))
                .currency(Currency.of('jpy')).type(TransactionType.of('reserve_hold'))
                .payout('po_123').source('ch_456').limit(100).after('txn_789').expandSource(true)
                .build()

        then:
        query.created().gte() == T
        query.currency() == Currency.JPY
        query.type().value() == 'reserve_hold'
        query.payout() == 'po_123'
        query.source() == 'ch_456'
        query.limit() == 100
        query.position().startingAfter() == 'txn_789'
        query.position().endingBefore() == null
        query.expandSource()
    }

    def "an invalid query is refused on construction: #reason"() {
        when:
        build(BalanceTransactionQuery.builder()).build()

        then:
        def e = thrown(InvalidQueryException)
        e.field() == field
        e.message.contains(message)

        where:
        reason                      | build                                                   || field      | message
        'page size 0'               | { it.limit(0) }                                         || 'limit'    | 'between 1 and 100, not 0'
        'page size -1'              | { it.limit(-1) }                                        || 'limit'    | 'not -1'
        'page size 101'             | { it.limit(101) }                                       || 'limit'    | 'not 101'
        'after and before together' | { it.after('txn_1').before('txn_2') }                   || 'position' | 'never both'
        'a cursor with a slash'     | { it.after('txn_1/../../v1/charges') }                  || 'after'    | 'Stripe object id'
        'a blank cursor'            | { it.before('') }                                       || 'before'   | 'Stripe object id'
        'a payout with a space'     | { it.payout('po 1') }                                   || 'payout'   | 'Stripe object id'
        'a source with a query'     | { it.source('ch_1?x=1') }                               || 'source'   | 'Stripe object id'
        'gt and gte'                | { it.created(new CreatedFilter(T, T, null, null)) }     || 'created'  | 'gt or gte'
        'lt and lte'                | { it.created(new CreatedFilter(null, null, T, T)) }     || 'created'  | 'lt or lte'
        'an empty range'            | { it.created(new CreatedFilter(T, null, T, null)) }     || 'created'  | 'empty'
        'start after the end'       | { it.created(new CreatedFilter(null, T, null, T.minusSeconds(1))) } || 'created' | 'empty'
        'a fraction of a second'    | { it.created(new CreatedFilter(null, T.plusMillis(1), null, null)) } || 'created' | 'whole seconds'
    }

    def "a created range #range #verb #time"() {
        expect:
        range.matches(time) == matches

        where:
        range                                                           | time               || matches
        new CreatedFilter(T, null, null, null)                          | T                  || false
        new CreatedFilter(T, null, null, null)                          | T.plusSeconds(1)   || true
        new CreatedFilter(null, T, null, null)                          | T                  || true
        new CreatedFilter(null, null, T, null)                          | T                  || false
        new CreatedFilter(null, null, null, T)                          | T                  || true
        CreatedFilter.at(T)                                             | T                  || true
        CreatedFilter.at(T)                                             | T.plusSeconds(1)   || false
        new CreatedFilter(null, T, T.plusSeconds(2), null)              | T.plusSeconds(1)   || true
        CreatedFilter.ANY                                               | Instant.EPOCH      || true
        verb = matches ? 'includes' : 'excludes'
    }

    def "a backward position needs an id"() {
        when:
        new Position(Position.Direction.BACKWARD, null)

        then:
        def e = thrown(InvalidQueryException)
        e.field() == 'before'
    }

    def "a derived query keeps its filters and changes only its position or size"() {
        given:
        def query = BalanceTransactionQuery.builder().currency(Currency.USD).limit(5).build()

        when:
        def next = query.withPosition(Position.before('txn_1')).withLimit(7)

        then:
        next.currency() == Currency.USD
        next.limit() == 7
        next.position().endingBefore() == 'txn_1'
        query.limit() == 5
    }

    def "a page tells whether there is more in each direction"() {
        given:
        def page = new Page(['a', 'b'], true, false)

        expect:
        page.hasMore(Position.Direction.FORWARD)
        !page.hasMore(Position.Direction.BACKWARD)
        page.map { it.toUpperCase() }.items() == ['A', 'B']
        Page.empty().isEmpty()
    }
}
