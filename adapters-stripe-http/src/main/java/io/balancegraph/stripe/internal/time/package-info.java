/**
 * Not API (left out of the published javadoc; may change in any release): the clock and timer every wait runs on
 * ({@code Scheduling}, which specs replace by a manual clock) and a call's {@code Deadline}.
 */
package io.balancegraph.stripe.internal.time;
