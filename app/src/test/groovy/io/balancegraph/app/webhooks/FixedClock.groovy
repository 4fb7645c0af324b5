package io.balancegraph.app.webhooks

import io.micronaut.context.annotation.Factory
import io.micronaut.context.annotation.Requires
import jakarta.inject.Singleton

import java.time.Clock
import java.time.Instant
import java.time.ZoneOffset

/**
 * Test-only: the app's clock stopped at one instant, so a spec's signed timestamps are exactly as old as it says.
 * Enabled with balancegraph.test.fixed-clock=true.
 */
@Factory
@Requires(property = 'balancegraph.test.fixed-clock', value = 'true')
class FixedClock {

    static final Instant NOW = Instant.parse('2026-12-01T12:00:00Z')

    @Singleton
    Clock clock() {
        Clock.fixed(NOW, ZoneOffset.UTC)
    }
}
