package io.balancegraph.domain.walk

import io.balancegraph.domain.query.BalanceTransactionQuery
import io.balancegraph.domain.query.CreatedFilter
import io.balancegraph.domain.query.Page
import spock.lang.Specification

import java.time.Instant

import static io.balancegraph.domain.walk.Ledgers.transaction

/** One cursor chain: the reads it asks for, what it keeps of an answer, and how it splits. */
class ChainSpec extends Specification {

    static final long T = Instant.parse('2026-10-01T00:00:00Z').epochSecond
    static final BalanceTransactionQuery WALK = BalanceTransactionQuery.builder().created(new CreatedFilter(null, Instant.ofEpochSecond(T), null, null)).limit(3).build()

    def "a fresh chain reads its slice from the top; after a page, the rest after the page's last transaction, down to its second"() {
        given:
        def chain = Chain.of(T, T + 100)

        expect:
        chain.nextQuery(WALK).created() == new CreatedFilter(null, at(0), at(100), null)
        chain.nextQuery(WALK).position().isStart()

        when:
        def kept = chain.take(page(true, 90, 80, 80))

        then:
        kept*.id() == ['txn_90', 'txn_80', 'txn_80b']
        !chain.done
        chain.nextQuery(WALK).created() == new CreatedFilter(null, at(0), at(81), null)
        chain.nextQuery(WALK).position().startingAfter() == 'txn_80b'
        chain.secondsLeft() == 81
    }

    def "a page without more, or an empty one, ends the chain"() {
        given:
        def chain = Chain.of(T, T + 100)

        when:
        def kept = chain.take(answer)

        then:
        chain.done
        chain.secondsLeft() == 0
        kept.size() == answer.items().size()

        where:
        answer << [page(false, 50, 40), Page.empty()]
    }

    def "a split keeps the top with the cursor, and gives each cut's part below to a new chain, newest first"() {
        given:
        def chain = Chain.of(T, T + 100)
        chain.take(page(true, 90, 80, 80))

        when:
        def parts = chain.splitAt([T + 60, T + 30] as long[])

        then:
        chain.nextQuery(WALK).created() == new CreatedFilter(null, at(60), at(81), null)
        chain.nextQuery(WALK).position().startingAfter() == 'txn_80b'
        parts*.nextQuery(WALK)*.created() == [new CreatedFilter(null, at(30), at(60), null), new CreatedFilter(null, at(0), at(30), null)]
        parts*.nextQuery(WALK)*.position()*.isStart() == [true, true]
        chain.secondsLeft() + parts*.secondsLeft().sum() == 81
    }

    def "a page within one second marks that second crowded when more of the chain lies below it: #what"() {
        given:
        def chain = Chain.of(T + from, T + 100)

        when:
        pages.each { chain.take(it) }

        then:
        chain.crowdedSecond() == (crowded == null ? -1 : T + crowded)

        where:
        what                                     | from | pages                                             || crowded
        'a full page of second 70'               | 0    | [page(true, 90, 80), page(true, 70, 70, 70)]      || 70
        'the first page, all of second 90'       | 0    | [page(true, 90, 90, 90)]                          || 90
        'a page over several seconds'            | 0    | [page(true, 90, 80, 70)]                          || null
        'the crowded second is the chain\'s last' | 70   | [page(true, 90, 80), page(true, 70, 70, 70)]      || null
        'no more after it'                       | 0    | [page(false, 70, 70, 70)]                         || null
    }

    def "splitting at a crowded second leaves the chain only that second, after its cursor, and the new chain all below"() {
        given:
        def chain = Chain.of(T, T + 100)
        chain.take(page(true, 70, 70, 70))

        when:
        def below = chain.splitAt([chain.crowdedSecond()] as long[])

        then:
        chain.nextQuery(WALK).created() == new CreatedFilter(null, at(70), at(71), null)
        chain.nextQuery(WALK).position().startingAfter() == 'txn_70b'
        below*.nextQuery(WALK)*.created() == [new CreatedFilter(null, at(0), at(70), null)]
        below[0].nextQuery(WALK).position().isStart()
        chain.crowdedSecond() == -1
    }

    def "cuts must lie inside what is left, decreasing"() {
        given:
        def chain = Chain.of(T, T + 100)

        when:
        chain.splitAt(cuts as long[])

        then:
        thrown(IllegalArgumentException)

        where:
        cuts << [[T], [T + 100], [T + 30, T + 60], [T + 50, T + 50]]
    }

    def "an answer to a read sent before a split keeps only what lies above the cut, and ends the chain when it reaches below"() {
        given: 'a chain whose read is out when it is split at second 50'
        def chain = Chain.of(T, T + 100)
        chain.splitAt([T + 50] as long[])

        when:
        def kept = chain.take(page(true, 70, 60, 49))

        then:
        kept*.id() == ['txn_70', 'txn_60']
        chain.done
    }

    def "an answer outside the range asked for is refused"() {
        given:
        def chain = Chain.of(T, T + 100)

        when:
        chain.take(page(true, 100, 90))

        then:
        thrown(IllegalStateException)
    }

    def "an unranged chain (a payout without a start) keeps the query's own created filter and only moves its cursor"() {
        given:
        def chain = Chain.unranged()
        def payoutWalk = BalanceTransactionQuery.builder().payout('po_1').created(new CreatedFilter(null, null, at(500), null)).build()

        when:
        chain.take(page(true, 90, 20))

        then:
        chain.nextQuery(payoutWalk).created() == payoutWalk.created()
        chain.nextQuery(payoutWalk).position().startingAfter() == 'txn_20'
        chain.secondsLeft() == 1
    }

    static Instant at(long second) {
        Instant.ofEpochSecond(T + second)
    }

    /** A page of transactions created at these seconds after T, newest first; a repeated second gets a 'b' id. */
    static Page page(boolean more, long... seconds) {
        def seen = [] as Set
        new Page(seconds.collect { s -> transaction(seen.add(s) ? "txn_${s}" : "txn_${s}b", at(s)) }, more, false)
    }
}
