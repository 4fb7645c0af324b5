package io.balancegraph.app.packaged

import java.time.Duration
import java.util.concurrent.ConcurrentLinkedQueue
import java.util.concurrent.atomic.AtomicLong

/**
 * Clients reading from a fleet of packaged jars for a while: {@code clientsPerJar} threads per jar, each sending one
 * read after the other, every read distinct (a transaction list ending one second earlier than the last), so that no
 * cache answers it and each costs one Stripe call. Answers what the clients saw; the fake Stripe says what it saw.
 */
class FleetLoad {

    /** The newest transaction of the bench fake's ledger (FakeStripe.created(0)). */
    static final long NEWEST_CREATED = 1_761_782_400L
    private static final AtomicLong DISTINCT = new AtomicLong()

    static String distinctRead() {
        def lte = java.time.Instant.ofEpochSecond(NEWEST_CREATED - DISTINCT.incrementAndGet())
        "{ balanceTransactions(first: 3, filter: {created: {lte: \"$lte\"}}) { nodes { id } } }"
    }

    /** What the clients of one run saw. */
    static class Outcome {
        long answered
        long rateLimited
        long serverErrors
        Map<String, Integer> otherErrors = [:]
        List<Long> answeredMillis = []
        double seconds

        double answeredPerSecond() { answered / seconds }

        long percentileMillis(int percent) {
            if (answeredMillis.isEmpty()) {
                return -1
            }
            def sorted = answeredMillis.sort(false)
            sorted[Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * percent / 100d) - 1)]
        }

        String toString() {
            String.format('%d answered (%.1f/s) in %.1f s, p50 %d ms, p99 %d ms, %d RATE_LIMITED, %d 5xx, other errors %s',
                    answered, answeredPerSecond(), seconds, percentileMillis(50), percentileMillis(99), rateLimited,
                    serverErrors, otherErrors)
        }
    }

    /** Runs the clients for the duration; each finishes the read it is in. Answers once all have. */
    static Outcome run(List<RunningJar> jars, int clientsPerJar, Duration duration, Map<String, String> headers) {
        def latencies = new ConcurrentLinkedQueue<Long>()
        def codes = new ConcurrentLinkedQueue<String>()
        long start = System.nanoTime()
        long end = start + duration.toNanos()
        def threads = jars.collectMany { jar ->
            (1..clientsPerJar).collect {
                Thread.start {
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime()
                        def answer = jar.graphql(distinctRead(), headers)
                        long millis = (System.nanoTime() - sent).intdiv(1_000_000L)
                        if (answer.status >= 500) {
                            codes << "HTTP ${answer.status}".toString()
                        } else if (answer.json.errors) {
                            codes << String.valueOf(answer.json.errors[0].extensions?.code)
                        } else {
                            latencies << millis
                        }
                    }
                }
            }
        }
        threads*.join()
        def outcome = new Outcome(seconds: (System.nanoTime() - start) / 1e9d, answeredMillis: latencies.toList(),
                answered: latencies.size())
        codes.each { code ->
            if (code == 'RATE_LIMITED') {
                outcome.rateLimited++
            } else if (code.startsWith('HTTP 5')) {
                outcome.serverErrors++
            } else {
                outcome.otherErrors[code] = (outcome.otherErrors[code] ?: 0) + 1
            }
        }
        outcome
    }
}
