/**
 * What moves between replicas when Stripe reports a change: {@link io.balancegraph.app.events.AccountChange}s fanned
 * out by {@link io.balancegraph.app.events.AccountChanges}, and the memory of processed events
 * ({@link io.balancegraph.app.events.SeenEvents}). Implementations: in-process by default, on Redis when configured.
 */
package io.balancegraph.app.events;
