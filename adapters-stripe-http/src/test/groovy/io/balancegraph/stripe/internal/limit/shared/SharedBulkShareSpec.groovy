package io.balancegraph.stripe.internal.limit.shared

import io.balancegraph.stripe.internal.limit.BulkShare
import io.balancegraph.stripe.internal.limit.CallClass
import io.balancegraph.stripe.internal.limit.Permit

import java.time.Duration
import java.util.concurrent.CopyOnWriteArrayList

/**
 * The bulk share across replicas, against a real Redis on the manual clock: a walk alone at one "replica" takes the
 * whole shared 25/s budget; interactive calls at another, asking within the fifth of the budget the share leaves,
 * start within a few permits instead of behind the walk's queue, and the walk takes the rest.
 *
 * <p>A bulk permit is two reservations one after the other (the share's bucket, then the limit's), each a Redis
 * round trip that ends in a task on the clock. Moving the clock on by more than a step while the second round trip
 * is under way would let that task land after the step ended (behind the clock) or never be run: the previous attempt at
 * this spec hung there. So the clock moves 1 ms at a time, and only once Redis has answered every reservation in
 * flight (each permit not yet granted then has its task on the clock).
 */
class SharedBulkShareSpec extends RedisBucketsSpecification {

    def walker = limiter()
    def dashboard = limiter()
    /** Permits asked for and not yet granted, of both replicas (changed by Redis' threads while the spec counts). */
    List<Permit> waiting = new CopyOnWriteArrayList<>()
    List<Long> bulkStarts = Collections.synchronizedList([])
    List<Long> interactiveWaits = Collections.synchronizedList([])

    def "a walk alone takes the whole budget: an idle budget is not kept back"() {
        when:
        walk(10)
        step(Duration.ofSeconds(3))

        // C + r = 22 in the first second, then 21 a second; calls through the share's bucket land up to a clock step late
        then: 'close to what the buckets let through, more than the 18 of the share alone'
        bulkStarts.count { it < SECOND } in 21..22
        bulkStarts.count { it >= SECOND && it < 3 * SECOND } in 40..42
    }

    def "an interactive call at another replica, while a walk keeps the budget busy, starts within a few permits"() {
        given: 'a walk that has kept the budget busy for two seconds'
        walk(10)
        step(Duration.ofSeconds(2))

        when: 'a dashboard asks three times a second for three seconds (within the fifth of the budget bulk leaves)'
        9.times {
            interactive()
            step(Duration.ofMillis(333))
        }
        step(Duration.ofSeconds(1))

        then: 'each started within three refill intervals (3/21 s), not behind the walk\'s queue'
        interactiveWaits.size() == 9
        interactiveWaits.every { it <= 3 * SECOND.intdiv(21) }

        and: 'while it asked, the walk took what the dashboard left (22 - 3 in any second) and kept going'
        def whileAsked = bulkStarts.findAll { it >= 2 * SECOND + 100_000_000L && it < 5 * SECOND }
        windowsOfOneSecond(whileAsked).max() <= 22 - 3
        whileAsked.size() >= 3 * 15
    }

    /** A walk of {@code concurrency} bulk calls at a time: each started call is followed by the next. */
    private void walk(int concurrency) {
        concurrency.times { bulk() }
    }

    private void bulk() {
        def permit = walker.acquire(NONE, CallClass.BULK)
        waiting << permit
        permit.thenRun {
            bulkStarts << clock.nanoTime()
            waiting.remove(permit)
            bulk()
        }
    }

    private void interactive() {
        long asked = clock.nanoTime()
        def permit = dashboard.acquire(NONE, CallClass.INTERACTIVE)
        waiting << permit
        permit.thenRun {
            interactiveWaits << clock.nanoTime() - asked
            waiting.remove(permit)
        }
    }

    /** Moves the clock on 1 ms at a time, each step once every permit still waiting has its task on the clock. */
    private void step(Duration duration) {
        long steps = duration.toMillis()
        for (long i = 0; i < steps; i++) {
            everyOneAnswered(waiting)
            clock.advance(Duration.ofMillis(1))
        }
        everyOneAnswered(waiting)
    }

    private RedisBucketLimiter limiter() {
        new RedisBucketLimiter(buckets, key, 25, BulkShare.DEFAULT, 250, "spec limit", clock)
    }

    /** How many starts each window of one second that begins at a start holds. */
    private static List<Integer> windowsOfOneSecond(List<Long> starts) {
        def sorted = starts.sort(false)
        sorted.collect { from -> sorted.count { it >= from && it < from + SECOND } as Integer }
    }
}
