package io.balancegraph.stripe.internal.limit;

import java.util.concurrent.CompletableFuture;

/**
 * One request's permit: completes when the request may start. A request that will not be sent after all (its
 * call ended) releases it, so that it never uses up a place in the limit: while queued it leaves the queue, once
 * granted the grant is given back. Cancelling the future also leaves the queue.
 */
public abstract class Permit extends CompletableFuture<Void> {

    /** The request will not be sent: leave the queue, or give the granted permit back. Idempotent. */
    public abstract void release();
}
