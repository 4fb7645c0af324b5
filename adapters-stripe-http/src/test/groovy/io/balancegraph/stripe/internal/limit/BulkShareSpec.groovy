package io.balancegraph.stripe.internal.limit

import io.balancegraph.stripe.internal.time.ManualScheduling
import spock.lang.Specification

import java.time.Duration
import java.util.concurrent.ExecutionException

import static io.balancegraph.stripe.internal.limit.CallClass.BULK
import static io.balancegraph.stripe.internal.limit.CallClass.INTERACTIVE

/**
 * The bulk share on a clock driven by hand: a walk (10 reads out, 300 ms a page, as against Stripe) and
 * interactive calls drawing on one limit of 25 a second with the default share of 80 %.
 */
class BulkShareSpec extends Specification {

    static final long SECOND = 1_000_000_000L
    static final Duration PAGE = Duration.ofMillis(300)

    def clock = new ManualScheduling()
    def limiter = new SlidingWindowLimiter(25, 10_000, BulkShare.DEFAULT, 'the limit', clock)

    def "a walk alone gets the whole budget: its permits come exactly when an interactive walk's would"() {
        given:
        def twin = new SlidingWindowLimiter(25, 10_000, BulkShare.DEFAULT, 'the twin', clock)

        when:
        def bulk = new SimulatedWalk(limiter, clock, BULK, 10, PAGE, 250)
        def interactive = new SimulatedWalk(twin, clock, INTERACTIVE, 10, PAGE, 250)
        clock.advance(Duration.ofSeconds(20))

        then: '250 pages at 25 a second: the last permit within the tenth second, as for interactive calls'
        bulk.done
        bulk.grantedAt == interactive.grantedAt
        bulk.grantedAt.last() < 10 * SECOND

        and: 'every whole second of the walk is full'
        (0..<9).every { s -> bulk.grantsBetween(s * SECOND, (s + 1) * SECOND) == 25 }
    }

    def "an interactive call asking #offsetMs ms into the fourth second of a saturated walk takes the next place that frees up"() {
        given: 'a walk that has filled every second since it began'
        def walk = new SimulatedWalk(limiter, clock, BULK, 10, PAGE, 10_000)
        clock.advance(Duration.ofMillis(3000 + offsetMs))

        when:
        long askedAt = clock.nanoTime()
        long nextPlace = walk.grantedAt.find { it > askedAt - SECOND } + SECOND
        Long grantedAt = null
        limiter.acquire(Long.MAX_VALUE, INTERACTIVE).thenRun { grantedAt = clock.nanoTime() }
        clock.advance(Duration.ofSeconds(2))

        then: 'it goes when the oldest permit of the last second leaves it, and no bulk call goes before it'
        grantedAt == nextPlace
        walk.grantsBetween(askedAt + 1, grantedAt) == 0

        and: 'it waited at most the time 10 permits take at the limit'
        grantedAt - askedAt <= 10 * SECOND / 25

        where:
        offsetMs << [0, 13, 40, 99, 150, 301, 333, 480, 599, 650, 777, 901, 999]
    }

    def "with interactive calls #perSecond a second during the walk, bulk calls take at most 20 of any second's 25 permits, interactive ones wait at most #maxWaitMs ms"() {
        given:
        def walk = new SimulatedWalk(limiter, clock, BULK, 10, PAGE, 10_000)
        clock.advance(Duration.ofSeconds(2))
        List<Long> askedAt = []
        List<Long> waits = []

        when: 'interactive calls keep coming for ten seconds'
        (10 * perSecond).times {
            long asked = clock.nanoTime()
            askedAt << asked
            limiter.acquire(Long.MAX_VALUE, INTERACTIVE).thenRun { waits << clock.nanoTime() - asked }
            clock.advance(Duration.ofNanos(SECOND.intdiv(perSecond) as long))
        }

        then: 'from the second second of interactive traffic on, no window of one second holds more than 20 bulk permits'
        long from = 3 * SECOND
        long to = 12 * SECOND
        (from..to).step(SECOND.intdiv(100) as int).every { start -> walk.grantsBetween(start, start + SECOND) <= 20 }

        and: 'the walk still gets its share, less what the interactive calls beyond the free fifth take'
        walk.grantsBetween(from, to) >= Math.min(20, 25 - perSecond) * 9 - 1

        and: 'every interactive call went, none waiting longer than measured (the walk answers 10 pages at a time, so places free up in clumps)'
        waits.size() == 10 * perSecond
        waits.max() <= maxWaitMs * 1_000_000L

        and: 'below the free fifth, after the first two seconds, none waited at all'
        perSecond >= 5 || [askedAt, waits].transpose().every { asked, wait -> asked < 4 * SECOND || wait == 0 }

        where:
        perSecond || maxWaitMs
        1         || 300
        2         || 300
        4         || 300
        5         || 300
        8         || 400
        10        || 400
        20        || 450
    }

    def "interactive demand beyond the free fifth still goes ahead of bulk: bulk keeps at most its share, interactive calls the rest"() {
        given:
        def walk = new SimulatedWalk(limiter, clock, BULK, 10, PAGE, 10_000)
        def dashboard = new SimulatedWalk(limiter, clock, INTERACTIVE, 10, PAGE, 10_000)

        when:
        clock.advance(Duration.ofSeconds(10))

        then:
        (2..<10).every { s -> walk.grantsBetween(s * SECOND, (s + 1) * SECOND) <= 20 }
        (2..<10).every { s -> walk.grantsBetween(s * SECOND, (s + 1) * SECOND) + dashboard.grantsBetween(s * SECOND, (s + 1) * SECOND) == 25 }
    }

    def "one second after the last interactive call, the walk has the whole budget again"() {
        given:
        def walk = new SimulatedWalk(limiter, clock, BULK, 10, PAGE, 10_000)
        clock.advance(Duration.ofSeconds(2))
        4.times {
            limiter.acquire(Long.MAX_VALUE, INTERACTIVE)
            clock.advance(Duration.ofMillis(250))
        }

        when:
        long lastInteractive = clock.nanoTime() - 250_000_000L
        clock.advance(Duration.ofSeconds(4))

        then:
        walk.grantsBetween(lastInteractive, lastInteractive + SECOND) <= 20
        walk.grantsBetween(lastInteractive + 2 * SECOND, lastInteractive + 3 * SECOND) == 25
    }

    def "a share of #percent % caps the bulk permits of a second at #cap under a limit of #limit"() {
        expect:
        new BulkShare(percent).capOf(limit) == cap

        where:
        percent | limit || cap
        80      | 25    || 20
        80      | 100   || 80
        80      | 1     || 1
        1       | 25    || 1
        100     | 25    || 25
        50      | 3     || 1
    }

    def "a share of #percent is refused, naming the setting"() {
        when:
        new BulkShare(percent)

        then:
        IllegalArgumentException e = thrown()
        e.message == "stripe.rate-limit.bulk-share is a percentage of the rate limit, 1 to 100, not ${percent}"

        where:
        percent << [0, -5, 101]
    }

    def "a bulk call whose share would not let it start before its deadline is refused at once, told the wait"() {
        given: 'interactive demand, and 20 bulk permits in this second'
        limiter.acquire(Long.MAX_VALUE, INTERACTIVE)
        20.times { limiter.acquire(Long.MAX_VALUE, BULK) }
        clock.advance(Duration.ofMillis(100))

        when: 'the next bulk call may only go when the first bulk permit leaves the window, at 1 s'
        def tooLate = limiter.acquire(SECOND - 1, BULK)
        def inTime = limiter.acquire(SECOND + 1, BULK)

        then:
        refusal(tooLate).expectedWait() == Duration.ofMillis(900)
        refusal(tooLate).message == 'would wait 900 ms for a permit under the limit (a bulk call, behind interactive ones): longer than its deadline allows'
        !inTime.done

        when:
        clock.advance(Duration.ofMillis(900))

        then:
        inTime.done && !inTime.completedExceptionally
    }

    def "an interactive call is told the wait behind interactive calls only, whatever bulk calls queue"() {
        given: 'a full second, 5 bulk and 1 interactive call queued'
        25.times { limiter.acquire(Long.MAX_VALUE, BULK) }
        5.times { limiter.acquire(Long.MAX_VALUE, BULK) }
        limiter.acquire(Long.MAX_VALUE, INTERACTIVE)

        expect:
        limiter.refusal(0, 0, INTERACTIVE).expectedWait() == Duration.ofSeconds(1)
        limiter.refusal(0, 0, BULK).expectedWait() == Duration.ofSeconds(1)
        limiter.queued() == 6
    }

    def "a queued bulk call that gives up leaves the queue and uses no permit"() {
        given:
        25.times { limiter.acquire(Long.MAX_VALUE, BULK) }
        def impatient = limiter.acquire(Long.MAX_VALUE, BULK)
        def patient = limiter.acquire(Long.MAX_VALUE, BULK)

        when:
        impatient.release()
        clock.advance(Duration.ofSeconds(1))

        then:
        impatient.cancelled
        patient.done && !patient.cancelled
        limiter.queued() == 0
    }

    def "a bulk permit given back lets the next bulk call in, also when the share held it back"() {
        given: 'interactive demand; the bulk share of this second used; one more bulk call waits'
        limiter.acquire(Long.MAX_VALUE, INTERACTIVE)
        List<Permit> bulk = (1..20).collect { limiter.acquire(Long.MAX_VALUE, BULK) }
        def waiting = limiter.acquire(Long.MAX_VALUE, BULK)

        expect:
        !waiting.done

        when:
        bulk[3].release()

        then:
        waiting.done && !waiting.completedExceptionally
    }

    private static PermitRefusedException refusal(Permit permit) {
        try {
            permit.get()
            null
        } catch (ExecutionException e) {
            e.cause as PermitRefusedException
        }
    }
}
