package io.balancegraph.domain.walk

import io.balancegraph.domain.query.Page
import spock.lang.Specification

import static io.balancegraph.domain.walk.ChainSpec.T
import static io.balancegraph.domain.walk.ChainSpec.page

/** How the walk's range is cut: the first slices, what a page says about density, and where a chain is split. */
class SplitPolicySpec extends Specification {

    def fold = new SplitPolicy(10, 100, 2, 10, false, null, 2)
    def ordered = new SplitPolicy(1, 100, 2, 4, true, null, 2)

    def "the first slices of [#from, #to) cover it exactly, newest first, in #slices equal parts at most"() {
        when:
        def chains = new SplitPolicy(slices, 100, 2, 10, false, null, 2).initial(new WalkRange(from, to))

        then:
        chains.size() == Math.min(slices, to - from)
        chains.first().top == to
        chains.last().from == from
        (1..<chains.size()).every { chains[it].top == chains[it - 1].from }
        chains.every { Math.abs((it.top - it.from) - (to - from) / chains.size()) < 1 }

        where:
        from | to        | slices
        0    | 2_592_000 | 10
        7    | 8         | 10
        100  | 103       | 10
        -50  | 1_000_003 | 7
        0    | 100       | 1
    }

    def "with a sparse second at #sparse, the first slices of [0, 1000) are #expected"() {
        when:
        def chains = new SplitPolicy(slices, 100, 2, 10, false, sparse, 2).initial(new WalkRange(0, 1000))

        then:
        chains.collect { [it.from, it.top] } == expected

        where:
        sparse | slices || expected
        400    | 4      || [[400, 1000], [266, 400], [133, 266], [0, 133]]
        999    | 2      || [[999, 1000], [0, 999]]
        0      | 2      || [[500, 1000], [0, 500]]
        1000   | 2      || [[500, 1000], [0, 500]]
        400    | 1      || [[0, 1000]]
    }

    def "a page's density is its transactions over the seconds it read through (#why)"() {
        expect:
        SplitPolicy.density(items, newest, oldest, topBefore, first) == density

        where:
        why                                         | items | newest | oldest | topBefore | first || density
        'a first page: from its newest second'      | 100   | 199    | 100    | 1000      | true  || new Density(100, 100)
        'a later page: from the chain\'s top'       | 100   | 199    | 100    | 300       | false || new Density(100, 200)
        'a page within one second says nothing'     | 100   | 150    | 150    | 151       | false || null
    }

    def "the density expected is the lower of a page's and the previous one's, ignoring the unknown"() {
        expect:
        SplitPolicy.expected(previous, page) == expected

        where:
        previous            | page                || expected
        null                | new Density(2, 1)   || new Density(2, 1)
        new Density(2, 1)   | null                || new Density(2, 1)
        new Density(2, 1)   | new Density(1, 2)   || new Density(1, 2)
        new Density(1, 2)   | new Density(2, 1)   || new Density(1, 2)
        new Density(50, 50) | new Density(1, 2)   || new Density(1, 2)
        new Density(1, 2)   | new Density(50, 50) || new Density(1, 2)
        null                | null                || null
    }

    def "cuts share what a chain is expected to hold among it and the new chains, within the policy's bounds"() {
        given: 'a chain of [T, T + secondsLeft) expected to hold one transaction a second'
        def chain = Chain.of(T, T + secondsLeft)
        chain.density = new Density(1, 1)

        when:
        def cuts = policy.cuts(chain, free)

        then:
        cuts.collect { T + secondsLeft - it } == expectedDepths

        where:
        policy                                  | secondsLeft | free || expectedDepths
        new SplitPolicy(10, 100, 2, 10, false, null, 2)  | 10_000      | 9    || (1..9).collect { it * 1000 }
        new SplitPolicy(10, 100, 2, 10, false, null, 2)  | 10_000      | 1    || [1000]
        new SplitPolicy(10, 100, 2, 10, false, null, 2)  | 3_000       | 9    || (1..9).collect { it * 300 }
        new SplitPolicy(10, 100, 2, 10, false, null, 2)  | 1_000       | 9    || [200, 400, 600, 800]
        new SplitPolicy(10, 100, 2, 10, false, null, 2)  | 300         | 9    || [200]
        new SplitPolicy(10, 100, 2, 10, false, null, 2)  | 200         | 9    || []
        new SplitPolicy(1, 100, 2, 4, true, null, 2)     | 10_000      | 3    || [400, 800, 1200]
        new SplitPolicy(10, 100, 2, 10, false, null, 2)  | 10_000      | 0    || []
    }

    def "a chain whose density is unknown, or with one second left, is not cut"() {
        given:
        def chain = Chain.of(T, T + seconds)
        chain.density = density

        expect:
        fold.cuts(chain, 9).length == 0

        where:
        seconds | density
        10_000  | null
        10_000  | new Density(0, 1)
        1       | new Density(1000, 1)
    }

    def "a fold splits the chain expected to hold the most; an ordered walk the nearest that holds more than a chain should"() {
        given: 'chains newest first, expected to hold 3, 12 and 30 pages'
        def chains = [read(300), read(1_200), read(3_000)]

        expect:
        fold.pick(chains).is(chains[2])
        ordered.pick(chains).is(chains[1])
    }

    def "no chain is split while the one most in need has not read a page yet: what it holds is a guess"() {
        given:
        def unread = Chain.of(T, T + 100_000)
        unread.density = new Density(1, 1)
        def chains = [read(1_200), unread]

        expect:
        fold.pick(chains) == null
        ordered.pick([read(300), read(200)]) == null
    }

    def "a fold's chain expected to hold #pages pages beside others of #others is a laggard: #laggard"() {
        given: 'chains at one transaction a second; the last has read nothing yet, its density its parent\'s'
        def chains = others.collect { read(it * 100) } + unread(pages * 100)

        expect:
        fold.laggard(chains.last(), chains) == laggard
        !ordered.laggard(chains.last(), chains)

        where:
        pages | others     || laggard
        9     | [7, 7, 7]  || true   // two pages more than the others' mean
        8     | [7, 7, 7]  || false  // one more: chains at about the same pace end together
        9     | [3, 8, 8]  || true   // the others' mean, not each of them
        3     | [1, 1, 1]  || false  // too small for two chains of two pages
        4     | [1, 1, 1]  || true
    }

    def "a chain of unknown size, or one without others of known size, is no laggard"() {
        given:
        def alone = unread(900)
        def unknown = Chain.of(T, T + 100_000)

        expect:
        !fold.laggard(alone, [alone, Chain.of(T, T + 100)])
        !fold.laggard(unknown, [unknown, read(100)])
    }

    def "a fold sends the reads of chains of unknown size first, then of the largest"() {
        given:
        def small = sized(300)
        def large = sized(3_000)
        def unknown = Chain.of(T, T + 10)
        def crowded = Chain.of(T, T + 2)
        crowded.take(page(true, *([1L] * 100)))
        crowded.density = new Density(1, 1)
        def done = sized(10_000)
        done.done = true

        expect:
        crowded.crowded()
        fold.longestFirst([small, done, large, crowded, unknown]) == [crowded, unknown, large, small, done]
    }

    /** A chain that has read a page, with this many seconds left at one transaction a second. */
    static Chain read(long seconds) {
        def chain = Chain.of(T, T + seconds + 1)
        chain.take(new Page([ChainSpec.page(true, seconds).items().first()], true, false))
        chain.density = new Density(1, 1)
        chain
    }

    /** A chain that has read a page over two seconds, with this many seconds left at one transaction a second. */
    static Chain sized(long seconds) {
        def chain = Chain.of(T, T + seconds + 2)
        chain.take(page(true, seconds + 1, seconds))
        chain.density = new Density(1, 1)
        chain
    }

    /** A chain split off that has read nothing yet, expected to hold this many seconds at one transaction a second. */
    static Chain unread(long seconds) {
        def chain = Chain.of(T, T + seconds + 1)
        chain.density = new Density(1, 1)
        chain
    }
}
