package io.balancegraph.domain.walk

import spock.lang.Specification

/** The walk's density is an exact fraction: rounded only where it says, and never by overflowing. */
class DensitySpec extends Specification {

    def "#density expects #expected transactions in #span seconds, rounded down"() {
        expect:
        density.transactionsIn(span) == expected

        where:
        density                 | span      || expected
        new Density(100, 100)   | 10_000    || 10_000
        new Density(100, 300)   | 10_000    || 3_333
        new Density(100, 300)   | 2         || 0
        new Density(0, 5)       | 1_000_000 || 0
    }

    def "#density needs #expected seconds to hold #count transactions, rounded up, at least one"() {
        expect:
        density.secondsFor(count) == expected

        where:
        density                | count || expected
        new Density(1, 1)      | 1_000 || 1_000
        new Density(100, 300)  | 1_000 || 3_000
        new Density(3, 10)     | 200   || 667
        new Density(100, 1)    | 200   || 2
        new Density(100, 1)    | 1     || 1
    }

    def "#lower is below #higher, and not the other way round"() {
        expect:
        lower.isBelow(higher)
        !higher.isBelow(lower)
        !lower.isBelow(lower)

        where:
        lower                | higher
        new Density(1, 2)    | new Density(2, 1)
        new Density(99, 100) | new Density(1, 1)
        new Density(0, 1)    | new Density(1, 1_000_000_000)
    }

    def "an estimate that would overflow a long fails instead of wrapping"() {
        when:
        new Density(100, 1).transactionsIn(Long.MAX_VALUE / 10 as long)

        then:
        thrown(ArithmeticException)
    }

    def "a density of #transactions over #seconds seconds is refused"() {
        when:
        new Density(transactions, seconds)

        then:
        thrown(IllegalArgumentException)

        where:
        transactions | seconds
        -1           | 1
        1            | 0
        1            | -5
    }
}
