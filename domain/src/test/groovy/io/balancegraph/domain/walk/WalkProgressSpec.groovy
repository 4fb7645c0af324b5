package io.balancegraph.domain.walk

import spock.lang.Specification

/** A walk's progress as a whole percentage: 100 means every second of the range has been read through. */
class WalkProgressSpec extends Specification {

    def "#covered of #range seconds read through is #percent percent"() {
        expect:
        new WalkProgress(1, 1, covered, range).percent() == percent

        where:
        covered       | range         || percent
        0             | 2_592_000     || 0
        1_296_000     | 2_592_000     || 50
        2_591_999     | 2_592_000     || 99
        2_592_000     | 2_592_000     || 100
        0             | 0             || 100
        1             | 3             || 33
    }
}
