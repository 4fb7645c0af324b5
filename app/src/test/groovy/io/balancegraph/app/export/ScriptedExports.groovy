package io.balancegraph.app.export

import io.balancegraph.app.ManualClock
import io.micronaut.context.annotation.Factory
import io.micronaut.context.annotation.Replaces
import io.micronaut.context.annotation.Requires
import jakarta.inject.Singleton

import java.time.Instant

/**
 * Test-only: exports read through a {@link ScriptedPort}, on a {@link ManualClock}, with the bounds the app's own
 * factory takes from balancegraph.export.* (specs set them; {@link #MAX_TRANSACTIONS} is the failure spec's).
 * Enabled with balancegraph.test.scripted-export=true.
 */
@Factory
@Requires(property = 'balancegraph.test.scripted-export', value = 'true')
class ScriptedExports {

    static final long MAX_TRANSACTIONS = 50_000
    static final Instant START = Instant.parse('2026-06-01T00:00:00Z')

    @Singleton
    ScriptedPort scriptedPort() {
        new ScriptedPort()
    }

    @Singleton
    ManualClock exportClock() {
        new ManualClock(START)
    }

    @Singleton
    @Replaces(value = ExportWalks.Walks, factory = ExportWalks)
    ExportWalks.Walks walks(ScriptedPort port, ManualClock clock, ExportSettings settings) {
        new ExportWalks().walks(port, clock, settings)
    }
}
