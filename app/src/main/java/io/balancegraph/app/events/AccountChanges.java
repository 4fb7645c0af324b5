package io.balancegraph.app.events;

import java.util.function.Consumer;

/**
 * The fan-out of {@link AccountChange}s to every replica of the service, this one included. In one process it is a
 * local fan-out; with Redis configured ({@code redis.uri}) it goes through Redis pub/sub, so an event received by one
 * replica clears the cache of all and reaches the subscribers of all.
 */
public interface AccountChanges {

    /**
     * Tells every replica, this one included. Never throws and never blocks for long: a fan-out that fails is logged
     * and counted, and this replica still hears the change.
     */
    void publish(AccountChange change);

    /**
     * Calls the listener for every change published by any replica, until the returned handle is closed. Listeners
     * run on the fan-out's thread and must not block.
     */
    AutoCloseable subscribe(Consumer<AccountChange> listener);
}
