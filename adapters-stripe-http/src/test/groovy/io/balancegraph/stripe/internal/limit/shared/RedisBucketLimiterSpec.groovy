package io.balancegraph.stripe.internal.limit.shared

import io.balancegraph.stripe.internal.limit.BulkShare
import io.balancegraph.stripe.internal.limit.PermitRefusedException

import java.time.Duration
import java.util.concurrent.ExecutionException

/**
 * The shared limit against a real Redis, with time driven by hand: the buckets' clock and the timer are one manual
 * clock, so every grant time is exact. Two limiters on one key stand for two replicas.
 */
class RedisBucketLimiterSpec extends RedisBucketsSpecification {

    def "two replicas on one budget of 25/s start no more than 25 in any second, and every request in the end"() {
        given:
        def one = limiter(25)
        def two = limiter(25)
        List<Long> startedAt = Collections.synchronizedList([])

        when: '60 requests at once, half at each replica'
        def permits = (1..60).collect { (it % 2 ? one : two).acquire(NONE) }
        permits.each { it.thenRun { startedAt << clock.nanoTime() } }
        everyOneAnswered(permits)
        clock.advance(Duration.ofSeconds(3))

        then:
        permits.every { it.done && !it.completedExceptionally }
        windowsOfOneSecond(startedAt).max() <= 25
        startedAt.max() <= 3 * SECOND
    }

    def "the shape of a budget: capacity and refill per second for #limit/s"() {
        expect:
        BucketShape.of(limit) == new BucketShape(capacity, refill)
        capacity + refill * 1.1 <= limit

        where:
        limit || capacity | refill
        25    || 1        | 21
        100   || 4        | 87
        10    || 1        | 8
    }

    def "while Redis is down each of #replicas replicas keeps to #share/s of #limit/s: its part of what the buckets let start in a second"() {
        expect:
        SharedLimiters.localShare(limit, replicas) == share
        share * replicas <= BucketShape.of(limit).capacity() + BucketShape.of(limit).refillPerSecond() || share == 1

        where:
        limit | replicas || share
        25    | 3        || 7
        25    | 1        || 22
        100   | 3        || 30
        5     | 10       || 1
    }

    def "a request whose turn would come after its deadline is refused at once with the wait, and reserves nothing"() {
        given: 'a budget of 5/s (capacity 1, refill 3/s) whose one token is taken'
        def limiter = limiter(5)
        assert limiter.acquire(NONE).get() == null

        when:
        def late = limiter.acquire(100_000_000L)
        late.get()

        then:
        ExecutionException e = thrown()
        e.cause instanceof PermitRefusedException
        e.cause.message == 'would wait 333 ms for a permit under spec limit, shared by the replicas: longer than its deadline allows'
        (e.cause as PermitRefusedException).expectedWait().toMillis() == 333

        when: 'the next request waits the same 333 ms: the refused one took no token'
        def next = limiter.acquire(NONE)
        clock.awaitPending(1)
        clock.advance(Duration.ofMillis(333))

        then:
        !next.done

        when:
        clock.advance(Duration.ofMillis(1))

        then:
        next.done && !next.completedExceptionally
        limiter.queued() == 0
    }

    def "a granted request that is not sent gives its token back, so the next one need not wait"() {
        given:
        def limiter = limiter(5)
        def granted = limiter.acquire(NONE)
        assert granted.get() == null

        when:
        granted.release()
        awaitTokens(1)
        def next = limiter.acquire(NONE)

        then:
        next.get() == null
    }

    def "a request that gives up while it waits leaves the queue at once and its token goes back when due"() {
        given:
        def limiter = limiter(5)
        assert limiter.acquire(NONE).get() == null
        def waiting = limiter.acquire(NONE)
        clock.awaitPending(1)

        when:
        waiting.release()

        then:
        waiting.cancelled
        limiter.queued() == 0

        when: 'its token comes due and goes back to the bucket'
        clock.advance(Duration.ofMillis(334))
        awaitTokens(1)

        then:
        limiter.acquire(NONE).get() == null
    }

    def "starts owed by a replica that kept to its local share take tokens below zero: the next grant waits for the refill to make up for them"() {
        given: 'a budget of 5/s (capacity 1, refill 3/s), full'
        def limiter = limiter(5)
        def bucket = buckets.bucket(key, 5).get()

        when: 'three local starts are owed: 1 - 3 = -2 tokens'
        limiter.owe(3)
        long giveUp = System.nanoTime() + 30 * SECOND
        while (bucket.availableTokens.get() != -2L) {
            assert System.nanoTime() < giveUp: 'the debt never reached Redis'
            Thread.onSpinWait()
        }
        def next = limiter.acquire(NONE)
        clock.awaitPending(1)
        clock.advance(Duration.ofMillis(999))

        then: 'three tokens at 3/s: a second'
        !next.done

        when:
        clock.advance(Duration.ofMillis(2))

        then:
        next.done && !next.completedExceptionally
    }

    def "a replica keeps at most max-queued requests waiting and refuses the next at once"() {
        given:
        def limiter = new RedisBucketLimiter(buckets, key, 5, BulkShare.DEFAULT, 2, "spec limit", clock)
        limiter.acquire(NONE).get()
        2.times { limiter.acquire(NONE) }

        expect:
        limiter.queued() == 2
        limiter.refusal(NONE, 0).message.startsWith('would queue behind 2 other requests of this replica')
    }

    private RedisBucketLimiter limiter(int perSecond) {
        new RedisBucketLimiter(buckets, key, perSecond, BulkShare.DEFAULT, 250, "spec limit", clock)
    }

    private void awaitTokens(long count) {
        def bucket = buckets.bucket(key, 5).get()
        long giveUp = System.nanoTime() + 30 * SECOND
        while (bucket.availableTokens.get() < count) {
            assert System.nanoTime() < giveUp: 'the token never came back'
            Thread.onSpinWait()
        }
    }

    /** How many starts each window of one second that begins at a start holds. */
    private static List<Integer> windowsOfOneSecond(List<Long> starts) {
        def sorted = starts.sort(false)
        sorted.collect { from -> sorted.count { it >= from && it < from + SECOND } as Integer }
    }
}
