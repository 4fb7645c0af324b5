package io.balancegraph.stripe.internal.limit

import io.balancegraph.stripe.internal.time.ManualScheduling

import java.time.Duration

/**
 * A walk as the limiter sees it, on the manual clock: {@code concurrency} page reads out at once, each asking for a
 * permit, answered {@code latency} after it is granted, and followed at once by the next read, until {@code pages}
 * have been granted. Records when each permit was granted.
 */
class SimulatedWalk {

    final RequestRateLimiter limiter
    final ManualScheduling clock
    final CallClass callClass
    final Duration latency
    final int pages
    final List<Long> grantedAt = []
    private int asked

    SimulatedWalk(RequestRateLimiter limiter, ManualScheduling clock, CallClass callClass, int concurrency,
                  Duration latency, int pages) {
        this.limiter = limiter
        this.clock = clock
        this.callClass = callClass
        this.latency = latency
        this.pages = pages
        concurrency.times { next() }
    }

    /** The grants made in {@code [from, to)} on the clock. */
    int grantsBetween(long from, long to) {
        grantedAt.count { it >= from && it < to } as int
    }

    boolean isDone() {
        grantedAt.size() == pages
    }

    private void next() {
        if (asked == pages) {
            return
        }
        asked++
        limiter.acquire(Long.MAX_VALUE, callClass).thenRun {
            grantedAt << clock.nanoTime()
            clock.schedule({ next() }, latency.toNanos())
        }
    }
}
