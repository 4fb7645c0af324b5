package io.balancegraph.app.export

import io.balancegraph.app.ManualClock
import io.micronaut.context.annotation.Factory
import io.micronaut.context.annotation.Replaces
import io.micronaut.context.annotation.Requires
import io.micronaut.context.annotation.Value
import jakarta.inject.Singleton

import java.time.Instant

/**
 * Test-only: exports read through a {@link ScriptedPort}, on a {@link ManualClock}, with a small size bound
 * ({@link #MAX_TRANSACTIONS}, or balancegraph.test.export-max-transactions) and the real timeout. Enabled with balancegraph.test.scripted-export=true.
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
    ExportWalks.Walks walks(ScriptedPort port, ManualClock clock,
                            @Value('${balancegraph.test.export-max-transactions:50000}') long maxTransactions) {
        new ExportWalks.Walks(port, clock, maxTransactions, ExportWalks.TIMEOUT)
    }
}
