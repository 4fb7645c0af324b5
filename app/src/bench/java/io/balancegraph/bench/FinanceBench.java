package io.balancegraph.bench;

import com.stripe.StripeClient;
import com.stripe.model.BalanceTransaction;
import com.stripe.param.BalanceTransactionListParams;
import io.balancegraph.bench.fake.FakeStripe;
import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.query.BalanceTransactionQuery;
import io.balancegraph.domain.query.CreatedFilter;
import io.balancegraph.domain.query.TransactionWalk;
import io.balancegraph.domain.walk.ParallelWalk;
import io.balancegraph.stripe.StripeBalanceLedger;
import io.balancegraph.stripe.StripeLedgers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Benchmark 3 (issue 10's evidence): every transaction of a period of 10,000 against a fake Stripe that holds each
 * answer back {@code latency} ms and answers 429 beyond {@code rps} requests a second (a strict sliding window),
 * read these ways one after another against the same fake:
 * <ol>
 *   <li>stripe-java's {@code autoPagingIterable()} (its only way to read a period: one cursor chain);</li>
 *   <li>our sequential {@link TransactionWalk#all} (the same chain through our adapter);</li>
 *   <li>our {@link ParallelWalk} folded in-process over the Stripe adapter's bulk view, rate-limited to {@code rps}:
 *       alone ({@code runs} times), then once while an interactive read (balance + a page of 10) is made every
 *       250 ms through the same ledger (those reads take their share of the same budget);</li>
 *   <li>{@code activity} over the period through the packaged app's {@code /graphql} (the same walk, the same
 *       limit): alone, then once while the dashboard query is sent every 250 ms;</li>
 *   <li>the dashboard query with nothing else running (its idle latency).</li>
 * </ol>
 * The floor is what the limit allows: pages / rps seconds (with interactive reads beside a walk, the floor of the two is
 * their calls together over rps). Each walk's set of transaction ids and its per-currency
 * sums must equal stripe-java's, or the run fails. Prints one table (also written to {@code <out>/finance-table.md}).
 *
 * <p>Arguments: {@code <app jar> <out dir> [transactions=10000] [latency ms=300] [rps=25] [parallel runs=3]}.
 */
public final class FinanceBench {

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int transactions = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        long latency = args.length > 3 ? Long.parseLong(args[3]) : 300;
        int rps = args.length > 4 ? Integer.parseInt(args[4]) : 25;
        int parallelRuns = args.length > 5 ? Integer.parseInt(args[5]) : 3;
        Files.createDirectories(out);
        System.out.printf(Locale.ROOT, "load average before: %s%n", DashboardBench.loadAverage());
        List<String> rows = new ArrayList<>();
        try (FakeStripe.Remote fake = FakeStripe.start(latency, transactions, rps)) {
            Instant newest = Instant.ofEpochSecond(FakeStripe.created(0));
            Instant oldest = Instant.ofEpochSecond(FakeStripe.created(transactions - 1));
            CreatedFilter period = new CreatedFilter(null, oldest, null, newest);
            int pages = (transactions + 99) / 100;
            double floor = (double) pages / rps;
            add(rows, String.format(Locale.ROOT, "| floor: %d pages at %d/s | %.2f | %d | – | – |", pages, rps, floor, pages));

            fake.resetCalls();
            Totals expected = timed("stripe-java autoPagingIterable()", fake, rows, floor, () -> stripeJava(fake, oldest, newest));
            try (StripeBalanceLedger ledger = StripeLedgers.builder().apiKey("sk_test_bench").baseUrl(fake.baseUrl())
                    .requestsPerSecond(rps).perEndpointRequestsPerSecond(rps).deadline(Duration.ofMinutes(2)).build()) {
                BalanceTransactionQuery query = BalanceTransactionQuery.builder().created(period).limit(100).build();
                check(expected, timed("balancegraph sequential TransactionWalk.all", fake, rows, floor, () -> {
                    Totals totals = new Totals();
                    TransactionWalk.all(ledger, Account.platform(), query).forEach(t -> totals.add(t.id(),
                            t.currency().code(), t.net().minorUnits()));
                    return totals;
                }));
                for (int run = 1; run <= parallelRuns; run++) {
                    check(expected, timed("balancegraph ParallelWalk (bulk), run " + run, fake, rows, floor,
                            () -> parallel(ledger, query).join()));
                }
                Interactive interactive = new Interactive();
                check(expected, timed("balancegraph ParallelWalk (bulk) with interactive reads", fake, rows, floor, () -> {
                    CompletableFuture<Totals> walk = parallel(ledger, query);
                    interactive.whileRunning(walk, () -> {
                        ledger.readBalance(Account.platform()).toCompletableFuture().join();
                        ledger.listTransactions(Account.platform(), BalanceTransactionQuery.builder().limit(10).build())
                                .toCompletableFuture().join();
                    });
                    return walk.join();
                }));
                add(rows, interactive.row("  interactive balance + page of 10 during it"));
            }
            try (DashboardBench.App app = new DashboardBench.App(jar, fake.baseUrl(), rps)) {
                Interactive idle = new Interactive();
                idle.repeat(20, app::dashboard);
                // Each run starts its period one second earlier, where there is no transaction: the same transactions,
                // and another summary, so no run is answered from the summary cache of the one before.
                for (int run = 1; run <= parallelRuns; run++) {
                    Instant start = oldest.minusSeconds(run);
                    checkActivity(expected, timedAnswer("balancegraph /graphql activity, run " + run, fake, rows, floor,
                            () -> app.activity(start, newest)));
                }
                Interactive during = new Interactive();
                Instant start = oldest.minusSeconds(parallelRuns + 1);
                String activity = timedAnswer("balancegraph /graphql activity with dashboard queries", fake, rows, floor, () -> {
                    CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> app.activity(start, newest));
                    during.whileRunning(answer, app::dashboard);
                    return answer.join();
                });
                checkActivity(expected, activity);
                add(rows, during.row("  dashboard query during it"));
                checkActivity(expected, timedAnswer("the first run's activity again (a settled period: the summary cache)",
                        fake, rows, floor, () -> app.activity(oldest.minusSeconds(1), newest)));
                add(rows, idle.row("dashboard query, idle"));
            }
        }
        String table = "| read | seconds | upstream calls | 429s | × floor |\n| --- | --- | --- | --- | --- |\n"
                + String.join("\n", rows) + "\n";
        System.out.printf(Locale.ROOT, "%n%s%nload average after: %s%n", table, DashboardBench.loadAverage());
        Files.writeString(out.resolve("finance-table.md"), table);
    }

    /** The parallel walk over the period through the ledger's bulk view, folded into totals. */
    private static CompletableFuture<Totals> parallel(StripeBalanceLedger ledger, BalanceTransactionQuery query) {
        return TransactionWalk.parallel(ledger.bulk(), Account.platform(), query)
                .withTimeout(Duration.ofMinutes(2))
                .fold(new Totals(), (totals, t) -> totals.add(t.id(), t.currency().code(), t.net().minorUnits()));
    }

    private static Totals stripeJava(FakeStripe.Remote fake, Instant oldest, Instant newest) {
        StripeClient client = StripeClient.builder().setApiKey("sk_test_bench").setApiBase(fake.baseUrl()).build();
        Totals totals = new Totals();
        try {
            BalanceTransactionListParams params = BalanceTransactionListParams.builder().setLimit(100L)
                    .setCreated(BalanceTransactionListParams.Created.builder()
                            .setGte(oldest.getEpochSecond()).setLte(newest.getEpochSecond()).build())
                    .build();
            for (BalanceTransaction t : client.v1().balanceTransactions().list(params).autoPagingIterable()) {
                totals.add(t.getId(), t.getCurrency(), t.getNet());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return totals;
    }

    private static Totals timed(String name, FakeStripe.Remote fake, List<String> rows, double floor, Supplier<Totals> read) {
        Object[] result = new Object[1];
        timedAnswer(name, fake, rows, floor, () -> {
            result[0] = read.get();
            return "";
        });
        return (Totals) result[0];
    }

    private static String timedAnswer(String name, FakeStripe.Remote fake, List<String> rows, double floor, Supplier<String> read) {
        long callsBefore = fake.calls();
        long limitedBefore = fake.limited();
        long start = System.nanoTime();
        String answer = read.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        long calls = fake.calls() - callsBefore;
        long limited = fake.limited() - limitedBefore;
        add(rows, String.format(Locale.ROOT, "| %s | %.2f | %d | %d | %.2f |", name, seconds, calls, limited, seconds / floor));
        return answer;
    }

    private static void add(List<String> rows, String row) {
        System.out.println(row);
        rows.add(row);
    }

    private static void check(Totals expected, Totals actual) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException("the walk read other transactions than stripe-java: " + actual + " vs " + expected);
        }
    }

    /** {@code activity}'s per-currency nets (minor units, as its {@code Money.minorUnits}) must equal stripe-java's sums. */
    private static void checkActivity(Totals expected, String answer) {
        if (!answer.contains("\"transactionCount\":" + expected.ids.size())) {
            throw new IllegalStateException("activity counted other transactions: " + answer);
        }
        for (Map.Entry<String, Long> net : expected.nets.entrySet()) {
            String wanted = "\"currencyCode\":\"" + net.getKey().toUpperCase(Locale.ROOT) + "\",\"net\":{\"minorUnits\":" + net.getValue() + "}";
            if (!answer.contains(wanted)) {
                throw new IllegalStateException("activity's " + net.getKey() + " net differs from stripe-java's " + net.getValue() + ": " + answer);
            }
        }
    }

    /** What a walk read: its ids (each once) and the sum of nets per currency. */
    static final class Totals {
        final Set<String> ids = new HashSet<>();
        final Map<String, Long> nets = new TreeMap<>();

        synchronized Totals add(String id, String currency, long net) {
            if (!ids.add(id)) {
                throw new IllegalStateException("read twice: " + id);
            }
            nets.merge(currency.toLowerCase(Locale.ROOT), net, Math::addExact);
            return this;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Totals that && ids.equals(that.ids) && nets.equals(that.nets);
        }

        @Override
        public int hashCode() {
            return ids.hashCode();
        }

        @Override
        public String toString() {
            return ids.size() + " transactions, nets " + nets;
        }
    }

    /** Latencies of a call repeated every 250 ms while something else runs (or a fixed number of times). */
    static final class Interactive {
        private final List<Long> nanos = new ArrayList<>();

        void whileRunning(CompletableFuture<?> other, DashboardBench.Call call) {
            try {
                Thread.sleep(500);                      // let the walk reach its full rate first
                while (!other.isDone()) {
                    time(call);
                    Thread.sleep(250);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        void repeat(int times, DashboardBench.Call call) throws Exception {
            for (int i = 0; i < times; i++) {
                time(call);
                Thread.sleep(250);
            }
        }

        private void time(DashboardBench.Call call) throws Exception {
            long start = System.nanoTime();
            call.run();
            nanos.add(System.nanoTime() - start);
        }

        String row(String name) {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            if (sorted.length == 0) {
                return "| " + name + " | none made | | | |";
            }
            return String.format(Locale.ROOT, "| %s: %d, p50 %.0f ms, max %.0f ms | | | | |", name, sorted.length,
                    sorted[sorted.length / 2] / 1e6, sorted[sorted.length - 1] / 1e6);
        }
    }

    private FinanceBench() {
    }
}
