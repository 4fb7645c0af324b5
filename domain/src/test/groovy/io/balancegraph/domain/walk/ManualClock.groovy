package io.balancegraph.domain.walk

import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneId
import java.time.ZoneOffset

/** A clock that moves only when a spec moves it. */
class ManualClock extends Clock {

    Instant now

    ManualClock(Instant now) {
        this.now = now
    }

    void advance(Duration duration) {
        now = now.plus(duration)
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
