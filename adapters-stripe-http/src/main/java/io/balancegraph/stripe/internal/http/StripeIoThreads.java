package io.balancegraph.stripe.internal.http;

import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The HTTP client's event-loop threads: named {@code balancegraph-stripe-io-…} so a thread dump says whose they
 * are, and daemons, so a ledger nobody closed cannot keep the JVM alive (Micronaut's default factory makes
 * non-daemon threads). Netty's factory, for its faster thread-locals. Public with a no-argument constructor: the
 * client instantiates it from its class.
 */
public final class StripeIoThreads extends DefaultThreadFactory {

    public static final String PREFIX = "balancegraph-stripe-io";

    public StripeIoThreads() {
        super(PREFIX, true);
    }
}
