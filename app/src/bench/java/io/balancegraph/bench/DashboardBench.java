package io.balancegraph.bench;

import com.stripe.StripeClient;
import com.stripe.model.Balance;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.StripeCollection;
import com.stripe.param.BalanceTransactionListParams;
import io.balancegraph.bench.fake.FakeStripe;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark 2: the dashboard query (balance + currencies + a page of 10 transactions) through the packaged app's
 * {@code /graphql}, against the same data fetched with stripe-java sequentially ({@code balance retrieve}, then
 * {@code balanceTransactions list(limit 10)}),, one bare upstream round trip ({@code GET /v1/balance} with the
 * JDK client: the physical floor) and {@code { __typename }} through {@code /graphql} (the app's own cost: HTTP
 * hop and GraphQL engine without any Stripe call). The three are interleaved request by request so that all see the same noise on
 * a shared machine. The fake Stripe and the app each run in their own JVM; stripe-java and the load client run
 * here.
 *
 * <p>Arguments: {@code <app jar> <csv out dir> [warm-up requests] [measured requests] [latencies ms...]}. With
 * {@code -Dbench.baselineJar=<another build's fat jar>} that jar runs too, interleaved with the others request by
 * request, so a change is compared with the build before it in one run, under the same load.
 */
public final class DashboardBench {

    static final String QUERY = "{ balance { available { money { amount currencyCode } } } "
            + "currencies { code available { amount } } "
            + "balanceTransactions(first: 10) { nodes { id amount { amount } } } }";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int measured = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        long[] latencies = args.length > 4
                ? Arrays.stream(args, 4, args.length).mapToLong(Long::parseLong).toArray()
                : new long[]{0, 50};
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no fat jar at " + jar + ": run ./mvnw -B -DskipTests package first");
        }
        String baselineJar = System.getProperty("bench.baselineJar", "");
        Path baseline = baselineJar.isBlank() ? null : Path.of(baselineJar);
        if (baseline != null && !Files.isRegularFile(baseline)) {
            throw new IllegalStateException("no baseline fat jar at " + baseline);
        }
        Files.createDirectories(out);
        System.out.printf(Locale.ROOT, "load average before: %s%n", loadAverage());
        StringBuilder table = new StringBuilder(
                "| upstream latency | client | p50 ms | p90 ms | p99 ms | max ms | upstream calls / request |\n"
                        + "| --- | --- | --- | --- | --- | --- | --- |\n");
        for (long latency : latencies) {
            try (FakeStripe.Remote fake = FakeStripe.start(latency, 10_000);
                 App app = new App(jar, fake.baseUrl());
                 App before = baseline == null ? null : new App(baseline, fake.baseUrl())) {
                StripeClient stripeJava = StripeClient.builder().setApiKey("sk_test_bench").setApiBase(fake.baseUrl()).build();
                Side ours = new Side("balancegraph /graphql", measured);
                Side sdk = new Side("stripe-java, sequential", measured);
                Side floor = new Side("one round trip (JDK GET /v1/balance)", measured);
                Side hop = new Side("/graphql without Stripe ({ __typename })", measured);
                Side old = before == null ? null : new Side("balancegraph /graphql, baseline jar", measured);
                URI balance = URI.create(fake.baseUrl() + "/v1/balance");
                for (int i = 0; i < warmUp + measured; i++) {
                    boolean record = i >= warmUp;
                    ours.run(record, fake, () -> app.dashboard());
                    sdk.run(record, fake, () -> {
                        Balance b = stripeJava.v1().balance().retrieve();
                        StripeCollection<BalanceTransaction> page = stripeJava.v1().balanceTransactions()
                                .list(BalanceTransactionListParams.builder().setLimit(10L).build());
                        if (b.getAvailable().isEmpty() || page.getData().size() != 10) {
                            throw new IllegalStateException("stripe-java read the wrong data");
                        }
                    });
                    floor.run(record, fake, () -> get(balance));
                    hop.run(record, fake, () -> app.typename());
                    if (old != null) {
                        old.run(record, fake, () -> before.dashboard());
                    }
                }
                String load = loadAverage();
                System.out.printf(Locale.ROOT, "%nupstream latency %d ms, %d measured of each after %d warm-up, load average %s%n",
                        latency, measured, warmUp, load);
                for (Side side : old == null ? new Side[]{ours, sdk, floor, hop} : new Side[]{ours, old, sdk, floor, hop}) {
                    System.out.println("  " + side.summary());
                    table.append(side.row(latency));
                    side.writeCsv(out.resolve("dashboard-" + latency + "ms-" + side.slug() + ".csv"));
                }
            }
        }
        System.out.printf(Locale.ROOT, "%n%s%nload average after: %s%n", table, loadAverage());
        Files.writeString(out.resolve("dashboard-table.md"), table);
    }

    interface Call {
        void run() throws Exception;
    }

    static final class Side {
        final String name;
        final long[] nanos;
        int n;
        long calls;

        Side(String name, int size) {
            this.name = name;
            this.nanos = new long[size];
        }

        void run(boolean record, FakeStripe.Remote fake, Call call) throws Exception {
            long before = record ? fake.calls() : 0;
            long start = System.nanoTime();
            call.run();
            long took = System.nanoTime() - start;
            if (record) {
                calls += fake.calls() - before;
                nanos[n++] = took;
            }
        }

        double pct(double p) {
            long[] sorted = Arrays.copyOf(nanos, n);
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * n) - 1;
            return sorted[Math.max(0, Math.min(n - 1, index))] / 1e6;
        }

        String summary() {
            return String.format(Locale.ROOT, "%-40s p50 %7.2f  p90 %7.2f  p99 %7.2f  max %7.2f ms   %.2f upstream calls/request",
                    name, pct(50), pct(90), pct(99), pct(100), (double) calls / n);
        }

        String row(long latency) {
            return String.format(Locale.ROOT, "| %d ms | %s | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
                    latency, name, pct(50), pct(90), pct(99), pct(100), (double) calls / n);
        }

        String slug() {
            return name.endsWith("baseline jar") ? "baseline" : name.startsWith("balancegraph") ? "ours"
                    : name.startsWith("stripe") ? "stripe-java"
                    : name.startsWith("/graphql") ? "graphql-hop" : "floor";
        }

        void writeCsv(Path file) throws IOException {
            StringBuilder csv = new StringBuilder();
            long[] sorted = Arrays.copyOf(nanos, n);
            Arrays.sort(sorted);
            for (int i = 0; i < n; i++) {
                csv.append(String.format(Locale.ROOT, "%.4f %.3f%n", (i + 1) * 100.0 / n, sorted[i] / 1e6));
            }
            Files.writeString(file, csv);
        }
    }

    /** The fat jar in its own JVM (as {@code RunningJar} in the app's specs starts it), on a free port. */
    static final class App implements AutoCloseable {
        final Process process;
        final URI graphql;
        final HttpRequest request;
        final HttpRequest typename;

        App(Path jar, String stripeBaseUrl) throws Exception {
            this(jar, stripeBaseUrl, 0);
        }

        /** With {@code rps} > 0 the app keeps to that many Stripe requests a second (global and per endpoint). */
        App(Path jar, String stripeBaseUrl, int rps) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            File log = jar.resolveSibling("bench-app.log").toFile();
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dmicronaut.server.port=" + port,
                    "-jar", jar.toString())
                    .redirectErrorStream(true).redirectOutput(log);
            builder.environment().put("STRIPE_API_KEY", "sk_test_bench");
            builder.environment().put("STRIPE_BASE_URL", stripeBaseUrl);
            builder.environment().put("BALANCEGRAPH_ACCESS_ENABLED", "false");
            // By default no client-side rate limit against the local fake (Stripe's test mode would allow 25/s).
            builder.environment().put("STRIPE_RATE_LIMIT_REQUESTS_PER_SECOND", Integer.toString(rps));
            builder.environment().put("STRIPE_RATE_LIMIT_PER_ENDPOINT_REQUESTS_PER_SECOND", Integer.toString(rps));
            process = builder.start();
            graphql = URI.create("http://127.0.0.1:" + port + "/graphql");
            request = HttpRequest.newBuilder(graphql).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + QUERY + "\"}")).build();
            typename = HttpRequest.newBuilder(graphql).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}")).build();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the app exited: see " + log);
                }
                try {
                    if (get(URI.create("http://127.0.0.1:" + port + "/health")) == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // polling
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the app did not start: see " + log);
                }
                Thread.sleep(200);
            }
        }

        void dashboard() throws Exception {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            if (response.statusCode() != 200 || body.contains("\"errors\"") || !body.contains("txn_bench0000009")) {
                throw new IllegalStateException("unexpected answer " + response.statusCode() + ": " + body);
            }
        }

        /** {@code activity} over {@code [gte, lte]}: its answer, after checking it has no errors. */
        String activity(Instant gte, Instant lte) {
            String query = "{ activity(created: {gte: \\\"" + gte + "\\\", lte: \\\"" + lte + "\\\"}) "
                    + "{ transactionCount currencies { currencyCode net { minorUnits } } } }";
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(graphql)
                        .header("Content-Type", "application/json").timeout(Duration.ofMinutes(3))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
                    throw new IllegalStateException("activity failed " + response.statusCode() + ": " + response.body());
                }
                return response.body();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** The same HTTP hop and GraphQL engine, no Stripe call: what the app adds on top of the upstream reads. */
        void typename() throws Exception {
            HttpResponse<String> response = HTTP.send(typename, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().contains("Query")) {
                throw new IllegalStateException("unexpected answer " + response.statusCode() + ": " + response.body());
            }
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    static int get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer sk_test_bench").build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
