package io.balancegraph.app.events;

/**
 * Which Stripe events were already processed: Stripe delivers an event again (the same {@code evt_…} id) when it is
 * not sure the first delivery arrived, and each must take effect once. In one process a bounded local memory; with
 * Redis configured, shared by the replicas so a re-delivery to another replica is recognised too.
 */
public interface SeenEvents {

    /** {@return true the first time an event id is seen (within the memory's time span), false after that} */
    boolean firstTime(String eventId);
}
