package io.balancegraph.app.events

import io.micronaut.context.annotation.Replaces
import io.micronaut.context.annotation.Requires
import jakarta.inject.Singleton

import java.util.concurrent.CopyOnWriteArrayList
import java.util.function.Consumer

/**
 * Test-only: the fan-out replaced by a list of what was published, at once and on the caller's thread, for specs of
 * what the webhook publishes. Enabled with balancegraph.test.recording-changes=true.
 */
@Singleton
@Replaces(AccountChanges)
@Requires(property = 'balancegraph.test.recording-changes', value = 'true')
class RecordingAccountChanges implements AccountChanges {

    final List<AccountChange> published = new CopyOnWriteArrayList<>()

    @Override
    void publish(AccountChange change) {
        published << change
    }

    @Override
    AutoCloseable subscribe(Consumer<AccountChange> listener) {
        return {}
    }
}
