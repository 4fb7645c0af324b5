package io.balancegraph.stripe.internal.http

import spock.lang.Specification

import java.time.Duration
import java.util.concurrent.CompletableFuture

/** The rate limiter on a clock driven by hand: exact, no sleeping. */
class RequestRateLimiterSpec extends Specification {

    def clock = new ManualScheduling()

    def "a burst over the limit is queued, not refused, and goes out as the window moves on"() {
        given:
        def limiter = new RequestRateLimiter(25, clock)

        when:
        List<CompletableFuture<Void>> permits = (1..30).collect { limiter.acquire() }

        then:
        permits.count { it.done } == 25
        permits.every { !it.completedExceptionally }
        limiter.queued() == 5

        when:
        clock.advance(Duration.ofMillis(999))

        then:
        permits.count { it.done } == 25

        when:
        clock.advance(Duration.ofMillis(1))

        then:
        permits.every { it.done && !it.completedExceptionally }
        limiter.queued() == 0
    }

    def "no window of one second, wherever it starts, sees more permits than the limit"() {
        given: 'a steady 40 requests per second against a limit of 10, for three seconds'
        def limiter = new RequestRateLimiter(10, clock)
        List<Long> grantedAt = []
        List<CompletableFuture<Void>> permits = []

        when:
        120.times {
            permits << limiter.acquire().whenComplete { v, e -> grantedAt << clock.nanoTime() }
            clock.advance(Duration.ofMillis(25))
        }
        clock.advance(Duration.ofSeconds(20))

        then: 'every request got its permit'
        permits.every { it.done && !it.completedExceptionally }
        grantedAt.size() == 120

        and: 'any ten consecutive grants lie at least one second apart'
        (10..<grantedAt.size()).every { i -> grantedAt[i] - grantedAt[i - 10] >= 1_000_000_000L }
    }

    def "queued requests are let through in the order they came"() {
        given:
        def limiter = new RequestRateLimiter(1, clock)
        List<Integer> order = []

        when:
        (1..4).each { n -> limiter.acquire().thenRun { order << n } }
        clock.advance(Duration.ofSeconds(3))

        then:
        order == [1, 2, 3, 4]
    }

    def "a request that stops waiting does not use up a permit"() {
        given:
        def limiter = new RequestRateLimiter(1, clock)
        def first = limiter.acquire()
        def impatient = limiter.acquire()
        def patient = limiter.acquire()

        when:
        impatient.cancel(false)
        clock.advance(Duration.ofSeconds(1))

        then:
        first.done
        patient.done && !patient.cancelled
    }

    def "a request that stops waiting leaves the queue at once"() {
        given:
        def limiter = new RequestRateLimiter(1, clock)
        limiter.acquire()
        def impatient = limiter.acquire()
        limiter.acquire()

        when:
        impatient.cancel(false)

        then:
        limiter.queued() == 1
    }

    def "a permit handed to a request cancelled at that very moment is given back to the next one"() {
        given: 'two permits a second, both used; three requests wait'
        def limiter = new RequestRateLimiter(2, clock)
        2.times { limiter.acquire() }
        def third = limiter.acquire()
        def fourth = limiter.acquire()
        def fifth = limiter.acquire()

        and: 'the third, once let through, abandons the fourth, already granted in the same round'
        third.thenRun { fourth.cancel(false) }

        when:
        clock.advance(Duration.ofSeconds(1))

        then: 'the fifth takes the place of the fourth in this second'
        third.done && !third.cancelled
        fourth.cancelled
        fifth.done && !fifth.cancelled
        limiter.queued() == 0
    }

    def "a request queued when the timer no longer takes tasks fails instead of waiting forever"() {
        given:
        def refusing = new ManualScheduling() {
            @Override
            java.util.concurrent.Future<?> schedule(Runnable task, long delayNanos) {
                throw new java.util.concurrent.RejectedExecutionException('shut down')
            }
        }
        def limiter = new RequestRateLimiter(1, refusing)
        def first = limiter.acquire()

        when:
        def second = limiter.acquire()

        then:
        first.done && !first.completedExceptionally
        second.completedExceptionally
        limiter.queued() == 0
    }

    def "a limit of 0 lets everything through at once"() {
        given:
        def limiter = new RequestRateLimiter(0, clock)

        expect:
        (1..1000).collect { limiter.acquire() }.every { it.done }
    }
}
