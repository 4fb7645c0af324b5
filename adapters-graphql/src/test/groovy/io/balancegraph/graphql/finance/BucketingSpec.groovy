package io.balancegraph.graphql.finance

import spock.lang.Specification

import java.time.Duration
import java.time.Instant
import java.time.ZoneId

/** Where a bucketing's boundaries fall: local midnights of its zone, ISO weeks, calendar months, clipped to the period. */
class BucketingSpec extends Specification {

    def "#what: #size in #zone over [#from, #to) starts buckets at #starts"() {
        given:
        def bucketing = Bucketing.of(size, zone)
        def end = Instant.parse(to)

        when:
        def found = bucketing.starts(Instant.parse(from), end, Bucketing.MAX_BUCKETS)

        then:
        found == starts.collect { Instant.parse(it) }

        and: 'each bucket runs to the next one, the last to the period end; in hours:'
        def ends = found.drop(1) + [end]
        [found, ends].transpose().collect { s, e -> Duration.between(s, e).toHours() } == hours

        where:
        what                          | size              | zone               | from                   | to                     || starts                                                                                   | hours
        'Berlin spring forward (23 h)'| BucketSize.DAY    | 'Europe/Berlin'    | '2026-03-27T23:00:00Z' | '2026-03-30T22:00:00Z' || ['2026-03-27T23:00:00Z', '2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z']                 | [24, 23, 24]
        'Berlin fall back (25 h)'     | BucketSize.DAY    | 'Europe/Berlin'    | '2026-10-23T22:00:00Z' | '2026-10-26T23:00:00Z' || ['2026-10-23T22:00:00Z', '2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z']                 | [24, 25, 24]
        'New York spring forward'     | BucketSize.DAY    | 'America/New_York' | '2026-03-07T05:00:00Z' | '2026-03-10T04:00:00Z' || ['2026-03-07T05:00:00Z', '2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z']                 | [24, 23, 24]
        'New York fall back'          | BucketSize.DAY    | 'America/New_York' | '2026-10-31T04:00:00Z' | '2026-11-03T05:00:00Z' || ['2026-10-31T04:00:00Z', '2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z']                 | [24, 25, 24]
        'a Berlin month over a change'| BucketSize.MONTH  | 'Europe/Berlin'    | '2026-09-30T22:00:00Z' | '2026-11-30T23:00:00Z' || ['2026-09-30T22:00:00Z', '2026-10-31T23:00:00Z']                                         | [745, 720]
        'month ends, a leap February' | BucketSize.MONTH  | 'UTC'              | '2028-01-15T00:00:00Z' | '2028-03-10T00:00:00Z' || ['2028-01-15T00:00:00Z', '2028-02-01T00:00:00Z', '2028-03-01T00:00:00Z']                 | [408, 696, 216]
        'a 31st into a 30-day month'  | BucketSize.MONTH  | 'UTC'              | '2026-08-31T00:00:00Z' | '2026-10-01T00:00:00Z' || ['2026-08-31T00:00:00Z', '2026-09-01T00:00:00Z']                                         | [24, 720]
        'ISO weeks over a year end'   | BucketSize.WEEK   | 'UTC'              | '2026-12-30T00:00:00Z' | '2027-01-11T00:00:00Z' || ['2026-12-30T00:00:00Z', '2027-01-04T00:00:00Z']                                         | [120, 168]
        'a week starts on Monday'     | BucketSize.WEEK   | 'UTC'              | '2026-10-04T00:00:00Z' | '2026-10-13T00:00:00Z' || ['2026-10-04T00:00:00Z', '2026-10-05T00:00:00Z', '2026-10-12T00:00:00Z']                 | [24, 168, 24]
        'a New York week over DST'    | BucketSize.WEEK   | 'America/New_York' | '2026-03-02T05:00:00Z' | '2026-03-16T04:00:00Z' || ['2026-03-02T05:00:00Z', '2026-03-09T04:00:00Z']                                         | [167, 168]
        'a period inside one day'     | BucketSize.DAY    | 'UTC'              | '2026-10-05T10:00:00Z' | '2026-10-05T12:00:00Z' || ['2026-10-05T10:00:00Z']                                                                 | [2]
        'a period inside one month'   | BucketSize.MONTH  | 'Europe/Berlin'    | '2026-10-05T10:00:00Z' | '2026-10-20T10:00:00Z' || ['2026-10-05T10:00:00Z']                                                                 | [360]
        'UTC midnight is not Berlin'  | BucketSize.DAY    | 'Europe/Berlin'    | '2026-10-05T00:00:00Z' | '2026-10-06T00:00:00Z' || ['2026-10-05T00:00:00Z', '2026-10-05T22:00:00Z']                                         | [22, 2]
        'a fixed offset'              | BucketSize.DAY    | '+05:30'           | '2026-10-05T00:00:00Z' | '2026-10-06T00:00:00Z' || ['2026-10-05T00:00:00Z', '2026-10-05T18:30:00Z']                                         | [18, 5]
    }

    def "a midnight a clock change skips starts the day at its first instant (Santiago, 2026-09-06)"() {
        given: 'Chile moves its clocks from 00:00 to 01:00 on the first Sunday of September'
        def bucketing = Bucketing.of(BucketSize.DAY, 'America/Santiago')

        when:
        def starts = bucketing.starts(Instant.parse('2026-09-05T04:00:00Z'), Instant.parse('2026-09-07T03:00:00Z'), 10)

        then: 'the 6th starts at 01:00 local (-03:00), the first instant it has'
        starts == [Instant.parse('2026-09-05T04:00:00Z'), Instant.parse('2026-09-06T04:00:00Z')]
        starts[1].atZone(ZoneId.of('America/Santiago')).toLocalTime().toString() == '01:00'
    }

    def "a period with more buckets than asked for gives one more start than the bound, no more"() {
        expect:
        Bucketing.of(BucketSize.DAY, 'UTC').starts(Instant.parse('2020-01-01T00:00:00Z'), Instant.parse('2026-01-01T00:00:00Z'), max).size() == max + 1

        where:
        max << [1, 10, Bucketing.MAX_BUCKETS]
    }

    def "zones that mean one thing are one bucketing (#a and #b), so they share a cached summary"() {
        expect:
        Bucketing.of(BucketSize.DAY, a) == Bucketing.of(BucketSize.DAY, b)
        Bucketing.of(BucketSize.DAY, a) != Bucketing.of(BucketSize.WEEK, b)

        where:
        a         | b
        'UTC'     | 'Etc/UTC'
        'UTC'     | 'Z'
        'GMT'     | 'UTC'
        '+02:00'  | 'Etc/GMT-2'
    }

    def "an unknown time zone #zone is refused naming it"() {
        when:
        Bucketing.of(BucketSize.DAY, zone)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.startsWith("unknown time zone \"${says}\"")
        e.message.contains('Europe/Berlin')

        where:
        zone                   || says
        'Europe/Berln'         || 'Europe/Berln'
        'europe/berlin'        || 'europe/berlin'
        ''                     || ''
        'Mars/Olympus_Mons'    || 'Mars/Olympus_Mons'
        'x' * 100              || 'x' * 40 + '…'
    }
}
