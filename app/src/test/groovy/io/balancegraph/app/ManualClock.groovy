package io.balancegraph.app

import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneId
import java.time.ZoneOffset

/** Test-only: a clock that moves only when a spec moves it. */
class ManualClock extends Clock {

    private volatile Instant now

    ManualClock(Instant now = Instant.parse('2026-12-01T00:00:00Z')) {
        this.now = now
    }

    void advance(Duration by) {
        now = now + by
    }

    void set(Instant time) {
        now = time
    }

    @Override
    Instant instant() {
        now
    }

    @Override
    ZoneId getZone() {
        ZoneOffset.UTC
    }

    @Override
    Clock withZone(ZoneId zone) {
        this
    }
}
