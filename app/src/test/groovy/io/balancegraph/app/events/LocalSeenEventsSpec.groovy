package io.balancegraph.app.events

import io.balancegraph.app.ManualClock
import spock.lang.Specification

import java.time.Duration

/** The local memory of processed event ids: each id once within its span, the oldest forgotten first when full. */
class LocalSeenEventsSpec extends Specification {

    def clock = new ManualClock()

    def "an event id is seen for the first time once, however often it comes within the memory's span"() {
        given:
        def seen = new LocalSeenEvents(Duration.ofDays(3), 10, clock)

        expect:
        seen.firstTime('evt_1')
        !seen.firstTime('evt_1')
        seen.firstTime('evt_2')

        when:
        clock.advance(Duration.ofDays(3).minusMillis(1))

        then: 'Stripe re-delivers for up to three days: still known just before the span ends'
        !seen.firstTime('evt_1')
    }

    def "an id is forgotten once its span has passed since it was first seen (a re-delivery does not extend it)"() {
        given:
        def seen = new LocalSeenEvents(Duration.ofHours(1), 10, clock)
        seen.firstTime('evt_1')
        clock.advance(Duration.ofMinutes(59))
        seen.firstTime('evt_1')

        when:
        clock.advance(Duration.ofMinutes(1))

        then:
        seen.firstTime('evt_1')
    }

    def "past its size the memory forgets the oldest ids first, never the newest"() {
        given:
        def seen = new LocalSeenEvents(Duration.ofDays(3), 3, clock)
        ['evt_1', 'evt_2', 'evt_3', 'evt_4'].each { seen.firstTime(it) }

        expect:
        seen.size() == 3
        !seen.firstTime('evt_4')
        !seen.firstTime('evt_2')
        seen.firstTime('evt_1')
    }

    def "expired ids are let go as new ones come, so the memory holds only the span's"() {
        given:
        def seen = new LocalSeenEvents(Duration.ofMinutes(10), 100, clock)
        (1..5).each { seen.firstTime("evt_$it") }

        when:
        clock.advance(Duration.ofMinutes(10))
        seen.firstTime('evt_new')

        then:
        seen.size() == 1
    }
}
