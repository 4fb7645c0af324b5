package io.balancegraph.stripe.internal.limit

import io.balancegraph.stripe.internal.time.ManualScheduling
import spock.lang.Specification

import java.time.Duration
import java.util.concurrent.CompletableFuture
import java.util.concurrent.ExecutionException
import java.util.concurrent.Future
import java.util.concurrent.RejectedExecutionException
import java.util.concurrent.ScheduledFuture

/** The rate limiter on a clock driven by hand: exact, no sleeping. */
class SlidingWindowLimiterSpec extends Specification {

    /** A deadline that never comes. */
    static final long NONE = Long.MAX_VALUE

    def clock = new ManualScheduling()

    def "a burst over the limit is queued, not refused, and goes out as the window moves on"() {
        given:
        def limiter = limiter(25)

        when:
        List<CompletableFuture<Void>> permits = (1..30).collect { limiter.acquire(NONE) }

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
        def limiter = limiter(10)
        List<Long> grantedAt = []
        List<CompletableFuture<Void>> permits = []

        when:
        120.times {
            permits << limiter.acquire(NONE).whenComplete { v, e -> grantedAt << clock.nanoTime() }
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
        def limiter = limiter(1)
        List<Integer> order = []

        when:
        (1..4).each { n -> limiter.acquire(NONE).thenRun { order << n } }
        clock.advance(Duration.ofSeconds(3))

        then:
        order == [1, 2, 3, 4]
    }

    def "a request that stops waiting (#how) does not use up a permit"() {
        given:
        def limiter = limiter(1)
        def first = limiter.acquire(NONE)
        def impatient = limiter.acquire(NONE)
        def patient = limiter.acquire(NONE)

        when:
        stop(impatient)
        clock.advance(Duration.ofSeconds(1))

        then:
        first.done
        impatient.cancelled
        patient.done && !patient.cancelled

        where:
        how          | stop
        'cancelled'  | { Permit p -> p.cancel(false) }
        'released'   | { Permit p -> p.release() }
    }

    def "a request that stops waiting leaves the queue at once"() {
        given:
        def limiter = limiter(1)
        limiter.acquire(NONE)
        def impatient = limiter.acquire(NONE)
        limiter.acquire(NONE)

        when:
        impatient.cancel(false)

        then:
        limiter.queued() == 1
    }

    def "a permit handed to a request cancelled at that very moment is given back to the next one"() {
        given: 'two permits a second, both used; three requests wait'
        def limiter = limiter(2)
        2.times { limiter.acquire(NONE) }
        def third = limiter.acquire(NONE)
        def fourth = limiter.acquire(NONE)
        def fifth = limiter.acquire(NONE)

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

    def "a granted permit whose request is not sent after all is given back: the next request goes at once"() {
        given:
        def limiter = limiter(1)
        def granted = limiter.acquire(NONE)
        def next = limiter.acquire(NONE)

        when:
        granted.release()
        granted.release()

        then: 'given back once, and the waiting request takes it at once'
        granted.done && !granted.cancelled
        next.done && !next.completedExceptionally

        and: 'the window holds one grant again, not none'
        !limiter.acquire(NONE).done
    }

    def "a request whose turn would come after its deadline is refused at once, told the wait it would have had"() {
        given: '2 a second; two go now, three wait for the next second and beyond'
        def limiter = limiter(2)
        5.times { limiter.acquire(NONE) }
        clock.advance(Duration.ofMillis(400))

        when: 'the sixth would go when the third and fourth leave the window, at 2 s'
        def tooLate = limiter.acquire(seconds(2))
        def inTime = limiter.acquire(seconds(2) + 1)

        then:
        tooLate.completedExceptionally
        refusal(tooLate).expectedWait() == Duration.ofMillis(1600)
        refusal(tooLate).message == 'would wait 1.6 s for a permit under the limit: longer than its deadline allows'
        !inTime.done
        limiter.queued() == 4

        when:
        clock.advance(Duration.ofMillis(1600))

        then: 'the one in time went before its deadline'
        inTime.done && !inTime.completedExceptionally
    }

    def "the wait a refused request is told is when its turn would have come (#limit a second, #burst at once, the next #step ms later)"() {
        given: 'two limiters fed the same requests: one refuses the probe, the other lets it queue'
        def refusing = limiter(limit)
        def queuing = limiter(limit)
        burst.times { refusing.acquire(NONE); queuing.acquire(NONE) }
        clock.advance(Duration.ofMillis(step))

        when:
        def probe = refusing.acquire(0)
        long askedAt = clock.nanoTime()
        Long grantedAt = null
        queuing.acquire(NONE).thenRun { grantedAt = clock.nanoTime() }
        clock.advance(Duration.ofSeconds(30))

        then:
        refusal(probe).expectedWait() == Duration.ofNanos(grantedAt - askedAt)

        where:
        limit | burst | step
        1     | 1     | 0
        1     | 3     | 300
        2     | 5     | 400
        3     | 3     | 999
        3     | 10    | 1500
        25    | 60    | 20
    }

    def "a request that would queue behind #maxQueued others is refused at once, told the wait it would have had"() {
        given:
        def limiter = new SlidingWindowLimiter(1, maxQueued, 'the limit', clock)
        limiter.acquire(NONE)
        maxQueued.times { limiter.acquire(NONE) }

        when:
        def refused = limiter.acquire(NONE)

        then:
        refusal(refused).expectedWait() == Duration.ofSeconds(maxQueued + 1)
        refusal(refused).message == "would queue behind ${maxQueued} other requests for a permit under the limit (stripe.rate-limit.max-queued ${maxQueued})"
        limiter.queued() == maxQueued

        where:
        maxQueued << [0, 1, 3]
    }

    def "a permit is never granted at or after its deadline: refused at once, or granted in time"() {
        given: 'requests at 7 a second against a limit of 3, each with a deadline between 0 and 3 s away'
        def limiter = limiter(3)
        def random = new Random(42)
        List<Map> requests = []

        when:
        70.times {
            long deadline = clock.nanoTime() + (long) (random.nextDouble() * seconds(3))
            Map request = [deadline: deadline, askedAt: clock.nanoTime()]
            request.permit = limiter.acquire(deadline).whenComplete { v, e -> if (e == null) request.grantedAt = clock.nanoTime() }
            request.refusedAtOnce = request.permit.completedExceptionally
            requests << request
            clock.advance(Duration.ofNanos((long) (seconds(1) / 7)))
        }
        clock.advance(Duration.ofSeconds(10))

        then: 'some waited, some were refused'
        requests.count { it.refusedAtOnce } > 0
        requests.count { it.grantedAt != null && it.grantedAt > it.askedAt } > 0

        and: 'each was refused when it asked, or granted before its deadline'
        requests.every { it.refusedAtOnce || (it.grantedAt != null && it.grantedAt < it.deadline) }
    }

    def "asked in advance, with #alsoAhead more requests coming first from elsewhere, the limiter says whether it would refuse, and takes nothing"() {
        given: 'one a second, used now'
        def limiter = limiter(1)
        limiter.acquire(NONE)

        when:
        def refusal = limiter.refusal(seconds(2.5), alsoAhead)

        then:
        (refusal == null) == letThrough
        refusal == null || refusal.expectedWait() == Duration.ofSeconds(alsoAhead + 1)
        limiter.queued() == 0

        where:
        alsoAhead || letThrough
        0         || true
        1         || true
        2         || false
        5         || false
    }

    def "a request queued when the timer no longer takes tasks fails instead of waiting forever"() {
        given:
        def refusing = new ManualScheduling() {
            @Override
            ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
                throw new RejectedExecutionException('shut down')
            }
        }
        def limiter = new SlidingWindowLimiter(1, 100, 'the limit', refusing)
        def first = limiter.acquire(NONE)

        when:
        def second = limiter.acquire(NONE)

        then:
        first.done && !first.completedExceptionally
        second.completedExceptionally
        limiter.queued() == 0
    }

    def "a limiter of Stripe's limits counts each grant for a second and #margin ms, the spread between our grants and Stripe's arrivals"() {
        given: 'Stripe counts a request when it arrives, a few ms after its grant here'
        def limiter = SlidingWindowLimiter.forStripe(25, 10_000, BulkShare.DEFAULT, 'the limit', clock)
        List<CompletableFuture<Void>> permits = (1..26).collect { limiter.acquire(NONE) }

        when: 'a second has passed: Stripe may still count the first grants, if they reached it late'
        clock.advance(Duration.ofSeconds(1))

        then:
        permits.count { it.done } == 25

        when: 'the margin has passed too'
        clock.advance(Duration.ofMillis(margin))

        then:
        permits.every { it.done && !it.completedExceptionally }
        SlidingWindowLimiter.STRIPE_WINDOW == Duration.ofMillis(1000 + margin)

        where:
        margin = 50
    }

    def "a limit of 0 lets everything through at once"() {
        given:
        def limiter = limiter(0)

        expect:
        (1..1000).collect { limiter.acquire(NONE) }.every { it.done }
    }

    private SlidingWindowLimiter limiter(int perSecond) {
        new SlidingWindowLimiter(perSecond, 10_000, 'the limit', clock)
    }

    private static long seconds(double seconds) {
        (long) (seconds * 1_000_000_000L)
    }

    private static PermitRefusedException refusal(Future<?> permit) {
        try {
            permit.get()
            null
        } catch (ExecutionException e) {
            e.cause as PermitRefusedException
        }
    }
}
