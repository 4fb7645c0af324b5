package io.balancegraph.stripe.internal.limit.shared;

import dev.failsafe.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether the shared budget's Redis is to be asked: a Failsafe {@link CircuitBreaker} over every Redis operation of
 * the budget and the read cache's lookups. One failure (a timeout, or a command refused) opens it: for the next
 * {@code retryAfter} no request asks Redis and pays its timeout, all keep to the local limits; then one request tries
 * Redis again, and its success closes the breaker. One, not a few: a request makes up to three Redis calls one after
 * the other (the cache lookup, the endpoint's bucket, the account's), so with a threshold of three the first requests
 * after Redis hung paid up to three timeouts each (measured: 3.1 s with a 1 s timeout); with one, a request pays at
 * most the one its first call waited for. Opening on a single blip costs little: the local shares together allow
 * what the buckets allow, less a second's burst. Degraded mode is said once with a WARN on entering it and an INFO on leaving it,
 * not on every retry in between.
 */
public final class BudgetBreaker {

    static final int FAILURES = 1;
    private static final Logger LOG = LoggerFactory.getLogger("io.balancegraph.stripe");

    private final CircuitBreaker<Object> breaker;
    private final String where;
    private final AtomicLong fallbacks = new AtomicLong();
    private volatile boolean degraded;

    /**
     * @param where      what the log lines call the shared budget's store, e.g. {@code Redis at redis.internal:6379}
     * @param retryAfter how long the breaker stays open before Redis is tried again
     */
    public BudgetBreaker(String where, Duration retryAfter) {
        this.where = where;
        this.breaker = CircuitBreaker.builder()
                .withFailureThreshold(FAILURES)
                .withSuccessThreshold(1)
                .withDelay(retryAfter)
                .onOpen(event -> entered())
                .onClose(event -> left())
                .build();
    }

    /** Whether a request may ask Redis now; in the half-open state only one at a time may. */
    boolean tryRedis() {
        return breaker.tryAcquirePermit();
    }

    void succeeded() {
        breaker.recordSuccess();
    }

    /** Records a failed Redis call: the breaker opens. */
    public void failed(Throwable failure) {
        breaker.recordFailure();
        LOG.debug("The shared Stripe budget's Redis failed", failure);
    }

    /** Counts a request that kept to the local limit instead of the shared one. */
    void fellBack() {
        fallbacks.incrementAndGet();
    }

    /** Whether the budget is local now, Redis being down or slow. */
    public boolean degraded() {
        return degraded;
    }

    /** How many requests kept to the local limits instead of the shared budget since start. */
    public long fallbacks() {
        return fallbacks.get();
    }

    private void entered() {
        if (!degraded) {
            degraded = true;
            LOG.warn("The shared Stripe budget is unavailable ({} failed): each replica keeps to its "
                    + "local share of the rate limits until it answers again", where);
        }
    }

    private void left() {
        if (degraded) {
            degraded = false;
            LOG.info("The shared Stripe budget is back ({} answers): the rate limits are the fleet's again", where);
        }
    }
}
