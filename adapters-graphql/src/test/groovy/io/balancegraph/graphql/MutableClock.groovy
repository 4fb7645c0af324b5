package io.balancegraph.graphql

import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneId
import java.time.ZoneOffset

/** A clock that stands still until the spec moves it. */
class MutableClock extends Clock {

    volatile Instant now

    MutableClock(Instant now = Instant.parse('2026-11-01T12:00:00Z')) {
        this.now = now
    }

    void advance(Duration duration) {
        now = now + duration
    }

    @Override
    ZoneId getZone() {
        ZoneOffset.UTC
    }

    @Override
    Clock withZone(ZoneId zone) {
        this
    }

    @Override
    Instant instant() {
        now
    }
}
