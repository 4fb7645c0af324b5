package io.balancegraph.bench;

import io.balancegraph.bench.fake.FakeStripe;
import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.error.Failures;
import io.balancegraph.domain.error.RateLimitedException;
import io.balancegraph.domain.query.BalanceTransactionQuery;
import io.balancegraph.stripe.StripeBalanceLedger;
import io.balancegraph.stripe.StripeLedgers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The rate-limit scenario of issue 9: {@code calls} distinct page reads started together against a limit of
 * {@code rps} requests per second and a deadline of {@code deadline} seconds, against the bench fake (its own JVM,
 * {@code latency} ms per answer). Prints each outcome with its calls' durations (each from when it was made), the
 * slowest call against the deadline, and how many requests reached the fake.
 *
 * <pre>
 * ./mvnw -B -Pbench -pl adapters-stripe-http -am -DskipTests test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -cp adapters-stripe-http/target/test-classes:adapters-stripe-http/target/classes:domain/target/classes:$(cat adapters-stripe-http/target/bench.cp) \
 *     io.balancegraph.bench.RateLimitRun [calls=60] [rps=2] [deadline=12] [latency=50]
 * </pre>
 */
public final class RateLimitRun {

    private RateLimitRun() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int rps = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        long deadlineSeconds = args.length > 2 ? Long.parseLong(args[2]) : 12;
        long latencyMs = args.length > 3 ? Long.parseLong(args[3]) : 50;
        try (FakeStripe.Remote fake = FakeStripe.start(latencyMs, 10_000);
             StripeBalanceLedger ledger = StripeLedgers.builder().apiKey("sk_test_bench").baseUrl(fake.baseUrl())
                     .requestsPerSecond(rps).deadline(Duration.ofSeconds(deadlineSeconds)).build()) {
            List<CompletableFuture<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                // Distinct pages: each call asks for the page after a different transaction.
                BalanceTransactionQuery page = BalanceTransactionQuery.builder().limit(10)
                        .after("txn_bench" + String.format("%07d", i * 10)).build();
                long start = System.nanoTime();
                outcomes.add(ledger.listTransactions(Account.platform(), page).toCompletableFuture()
                        .handle((result, failure) -> outcome(start, failure)));
            }
            CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
            // outcome -> {count, fastest ms, slowest ms, shortest retry-after s, longest retry-after s}
            Map<String, long[]> byOutcome = new TreeMap<>();
            long slowestMs = 0;
            for (CompletableFuture<String> outcome : outcomes) {
                String[] parts = outcome.join().split(" ", 3);
                long ms = Long.parseLong(parts[0]);
                long retryAfter = Long.parseLong(parts[1]);
                slowestMs = Math.max(slowestMs, ms);
                long[] s = byOutcome.computeIfAbsent(parts[2], k -> new long[] {0, Long.MAX_VALUE, 0, Long.MAX_VALUE, -1});
                s[0]++;
                s[1] = Math.min(s[1], ms);
                s[2] = Math.max(s[2], ms);
                s[3] = Math.min(s[3], retryAfter);
                s[4] = Math.max(s[4], retryAfter);
            }
            System.out.printf("%d distinct page reads at %d requests/s, deadline %d s, %d ms latency%n", calls, rps,
                    deadlineSeconds, latencyMs);
            byOutcome.forEach((what, s) -> System.out.printf("  %3d  %s: %d..%d ms%s%n", s[0], what, s[1], s[2],
                    s[4] < 0 ? "" : ", retry-after " + s[3] + ".." + s[4] + " s"));
            System.out.printf("slowest call: %d ms against a deadline of %d ms; upstream calls: %d%n", slowestMs,
                    TimeUnit.SECONDS.toMillis(deadlineSeconds), fake.calls());
        }
    }

    /** "{ms} {retry-after seconds or -1} {what}", e.g. "812 -1 ok" or "3 12 RateLimitedException". */
    private static String outcome(long start, Throwable failure) {
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        Throwable cause = failure == null ? null : Failures.unwrap(failure);
        if (cause == null) {
            return ms + " -1 ok";
        }
        if (cause instanceof RateLimitedException limited) {
            return ms + " " + limited.retryAfter().map(Duration::toSeconds).orElse(-1L) + " RateLimitedException";
        }
        return ms + " -1 " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
