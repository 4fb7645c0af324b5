package io.balancegraph.stripe.internal.limit.shared

import ch.qos.logback.classic.Level
import io.balancegraph.stripe.fake.CapturedLogs
import io.balancegraph.stripe.internal.limit.CallClass
import io.balancegraph.stripe.internal.limit.Permit
import io.balancegraph.stripe.internal.limit.PermitRefusedException
import io.balancegraph.stripe.internal.limit.SlidingWindowLimiter
import io.balancegraph.stripe.internal.time.ManualScheduling
import io.lettuce.core.RedisCommandTimeoutException
import spock.lang.Specification

import java.time.Duration
import java.util.concurrent.ExecutionException

/** While Redis fails, each replica keeps to its local share; it says so once, and comes back by itself. */
class FailoverLimiterSpec extends Specification {

    static final long NONE = Long.MAX_VALUE

    def clock = new ManualScheduling()
    def redis = new RedisDouble()
    def local = new SlidingWindowLimiter(2, 10, 'local share', clock)
    // No wait before Redis is tried again, so that recovery needs no waiting here.
    def breaker = new BudgetBreaker('Redis at spec:6379', Duration.ZERO)
    def limiter = new FailoverLimiter(redis, local, breaker, clock)

    def "a Redis failure costs the request nothing but the failed command: it keeps to the local share, and so do the next ones"() {
        given:
        redis.failing = true

        when:
        def permit = limiter.acquire(NONE)

        then:
        permit.get() == null
        redis.asked == 1
        breaker.fallbacks() == 1
        breaker.degraded()
    }

    def "after one failure the budget is local: a WARN once, Redis no longer asked by everyone"() {
        given:
        redis.failing = true
        def breakerWithPause = new BudgetBreaker('Redis at spec:6379', Duration.ofHours(1))
        def paused = new FailoverLimiter(redis, local, breakerWithPause, clock)

        when:
        def logs = new CapturedLogs(['io.balancegraph.stripe': Level.INFO])
        5.times { paused.acquire(NONE) }
        logs.close()

        then:
        redis.asked == 1
        BudgetBreaker.FAILURES == 1
        breakerWithPause.degraded()
        breakerWithPause.fallbacks() == 5
        logs.events.findAll { it.level == Level.WARN }*.formattedMessage == [
                'The shared Stripe budget is unavailable (Redis at spec:6379 failed): each replica keeps to its local share of the rate limits until it answers again']
    }

    def "the shared budget comes back by itself when Redis answers again, with one INFO"() {
        given:
        redis.failing = true
        BudgetBreaker.FAILURES.times { limiter.acquire(NONE) }
        assert breaker.degraded()

        when:
        redis.failing = false
        def logs = new CapturedLogs(['io.balancegraph.stripe': Level.INFO])
        def permit = limiter.acquire(NONE)
        logs.close()

        then:
        permit.get() == null
        !breaker.degraded()
        logs.events*.formattedMessage == ['The shared Stripe budget is back (Redis at spec:6379 answers): the rate limits are the fleet\'s again']
    }

    def "a refusal by the shared budget is an answer, not a failure: passed on, and the breaker stays closed"() {
        given:
        redis.refusing = true

        when:
        limiter.acquire(100).get()

        then:
        ExecutionException e = thrown()
        e.cause instanceof PermitRefusedException
        breaker.fallbacks() == 0
    }

    def "a request that gives up hands back the permit it followed"() {
        given:
        def permit = limiter.acquire(NONE)

        when:
        permit.release()

        then:
        redis.released == 1
    }

    def "the shared budget's grants count in the local window: falling back right after them, the local share waits out their second"() {
        given: 'this replica started its local share (2) of requests under the shared budget'
        2.times { assert limiter.acquire(NONE).get() == null }

        when:
        redis.failing = true
        def fallback = limiter.acquire(NONE)

        then:
        !fallback.done

        when:
        clock.advance(Duration.ofSeconds(1))

        then:
        fallback.done && !fallback.completedExceptionally
    }

    def "the local grants of the last second are owed to the shared budget, once, when it answers again"() {
        given:
        redis.failing = true
        2.times { assert limiter.acquire(NONE).get() == null }
        clock.advance(Duration.ofMillis(500))

        when:
        redis.failing = false
        limiter.acquire(NONE).get()
        limiter.acquire(NONE).get()

        then:
        redis.owed == [2]
    }

    def "local grants older than a second are not owed: the shared budget's window has forgotten them already"() {
        given:
        redis.failing = true
        assert limiter.acquire(NONE).get() == null
        clock.advance(Duration.ofSeconds(1))

        when:
        redis.failing = false
        limiter.acquire(NONE).get()

        then:
        redis.owed == []
    }

    /** The shared limit, in process: grants, refuses or fails as told, and records what it is owed. */
    static class RedisDouble implements SharedLimit {
        boolean failing
        boolean refusing
        int asked
        int released
        List<Integer> owed = []

        void owe(int starts) { owed << starts }

        Permit acquire(long deadlineNanos, CallClass callClass) {
            asked++
            def permit = new Permit() {
                void release() { released++; cancel(false) }
            }
            if (failing) {
                permit.completeExceptionally(new RedisCommandTimeoutException('Command timed out after 250 millisecond(s)'))
            } else if (refusing) {
                permit.completeExceptionally(new PermitRefusedException('would wait too long', Duration.ofSeconds(1)))
            } else {
                permit.complete(null)
            }
            permit
        }

        PermitRefusedException refusal(long deadlineNanos, int alsoAhead, CallClass callClass) { null }

        int queued() { 0 }
    }
}
