package io.balancegraph.stripe.internal.limit.shared;

import io.balancegraph.stripe.internal.limit.RequestRateLimiter;

/** A limit kept for every replica, which can be told of the requests this replica started without asking it. */
interface SharedLimit extends RequestRateLimiter {

    /**
     * Takes {@code starts} permits at once, below zero if need be, without waiting: requests this replica started
     * under its local share while the shared limit did not answer, so that the fleet's next grants make up for them.
     * Best effort: a failure is dropped.
     */
    void owe(int starts);
}
