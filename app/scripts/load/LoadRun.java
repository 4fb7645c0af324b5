import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load and fault runs against the packaged app (single-file Java program, JDK 17, no build of its own).
 *
 * <p>Starts an in-process fake Stripe on 127.0.0.1 (JDK HttpServer: {@code /v1/balance} and
 * {@code /v1/balance_transactions} in Stripe's JSON shape, counting calls, with a switchable fault mode), starts
 * {@code app/target/balancegraph.jar} as a subprocess pointed at it, drives N concurrent clients for a fixed time
 * per phase with the dashboard query, and prints one Markdown table row per phase. Jackson comes from the fat jar:
 *
 * <pre>
 *   ./mvnw -B -DskipTests package
 *   java -cp app/target/balancegraph.jar app/scripts/load/LoadRun.java [phaseSeconds=20] [faultSeconds=15] [out=app/target/load/results.md] [load,faults]
 *   java -Dapp.javaOptions="-Xmx128m -XX:+UseSerialGC" -cp app/target/balancegraph.jar app/scripts/load/LoadRun.java 20 15 out.md load
 * </pre>
 *
 * Everything is bounded: each phase runs for a fixed time, each request times out after 30 s, and the app and the
 * fake are stopped in finally blocks and a shutdown hook.
 */
public class LoadRun {

    static final String QUERY = "{ balance { available { money { amount currencyCode } } } currencies { code available { amount } } "
            + "balanceTransactions(first: 10) { nodes { id amount { amount } } } }";
    static final List<String> ROOT_FIELDS = List.of("balance", "currencies", "balanceTransactions");
    static final ObjectMapper JSON = new ObjectMapper();

    // Settings the app runs with (also what the checks compare against).
    static final Duration DEADLINE = Duration.ofSeconds(3);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
    /** -Dclients.faults=64: clients in the fault and recovery phases. */
    static final int FAULT_CLIENTS = Integer.getInteger("clients.faults", 16);

    public static void main(String[] args) throws Exception {
        int phaseSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int faultSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Path out = Path.of(args.length > 2 ? args[2] : "app/target/load/results.md");
        String parts = args.length > 3 ? args[3] : "load,faults"; // which parts to run: load, faults or both
        String jar = System.getProperty("balancegraph.jar", "app/target/balancegraph.jar");
        if (!new File(jar).isFile()) {
            throw new IllegalStateException("no " + jar + ": run ./mvnw -B -DskipTests package first");
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        List<String> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        lines.add("Run " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, java "
                + System.getProperty("java.version") + "; app: deadline " + DEADLINE.toMillis() + " ms, read timeout "
                + READ_TIMEOUT.toMillis() + " ms, client rate limits 0 (off); app JVM options: '"
                + System.getProperty("app.javaOptions", "") + "'; fake Stripe latency per healthy answer: "
                + FakeStripe.LATENCY_MS + " ms; load average before: " + loadAverage());
        lines.add("");
        lines.add(Result.HEADER);
        lines.add(Result.RULE);

        try (FakeStripe fake = new FakeStripe()) {
            // 1. Throughput without and with the short-lived cache.
            for (String ttl : parts.contains("load") ? List.of("0s", "2s") : List.<String>of()) {
                try (App app = new App(jar, fake.port, ttl, out.toAbsolutePath().getParent())) {
                    fake.mode = "ok";
                    runPhase(app, fake, "warm-up (discarded)", 16, 15);
                    for (int clients : List.of(16, 64)) {
                        Result r = runPhase(app, fake, "ok, cache " + ttl, clients, phaseSeconds);
                        lines.add(r.row());
                        System.out.println(r.row());
                    }
                }
            }
            // 2. Faults under load, one after the other on one app (no cache), then recovery.
            if (parts.contains("faults")) try (App app = new App(jar, fake.port, "0s", out.toAbsolutePath().getParent())) {
                fake.mode = "ok";
                runPhase(app, fake, "warm-up (discarded)", 16, 15);
                for (String mode : List.of("429", "500", "503", "reset", "slow", "garbage")) {
                    fake.mode = mode;
                    Result r = runPhase(app, fake, "fault " + mode, FAULT_CLIENTS, faultSeconds);
                    lines.add(r.row());
                    notes.add("fault " + mode + ": " + r.checks());
                    System.out.println(r.row());
                }
                // Recovery: one phase per fault, Stripe faulty for its first 8 s and answering from then on, with the
                // clients running through the switch (so requests in flight at that moment are counted too).
                for (String mode : List.of("503", "reset", "slow", "garbage")) {
                    fake.mode = mode;
                    Result r = runPhase(app, fake, "recovery: " + mode + " for 8 s, then ok", FAULT_CLIENTS, 20, 8);
                    lines.add(r.row());
                    System.out.println(r.row());
                    notes.add("recovery after " + mode + ": " + r.recovery());
                }
            }
        }
        lines.add("");
        for (String note : notes) {
            lines.add("- " + note);
        }
        lines.add("");
        lines.add("Load average after: " + loadAverage());
        Files.write(out, lines);
        System.out.println();
        lines.forEach(System.out::println);
    }

    // ---------------------------------------------------------------------------------------------------------------

    static Result runPhase(App app, FakeStripe fake, String name, int clients, int seconds) throws Exception {
        return runPhase(app, fake, name, clients, seconds, -1);
    }

    /** With {@code okAfterSeconds >= 0}, the fake switches to {@code ok} that long into the phase. */
    static Result runPhase(App app, FakeStripe fake, String name, int clients, int seconds, int okAfterSeconds) throws Exception {
        long rssBefore = app.rssKb();
        long callsBefore = fake.calls.get();
        String loadBefore = loadAverage();
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        byte[] body = JSON.writeValueAsBytes(Map.of("query", QUERY));
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    Sample s = new Sample();
                    s.startNanos = t0 - start;
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(app.graphql)
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        s.latencyNanos = System.nanoTime() - t0;
                        s.status = response.statusCode();
                        classify(s, response.body());
                    } catch (Exception e) {
                        s.latencyNanos = System.nanoTime() - t0;
                        s.status = -1;
                        s.codes = List.of("CLIENT_" + e.getClass().getSimpleName());
                    }
                    samples.add(s);
                }
                return null;
            });
        }
        Thread flip = null;
        if (okAfterSeconds >= 0) {
            flip = new Thread(() -> {
                try {
                    Thread.sleep(okAfterSeconds * 1000L);
                } catch (InterruptedException e) {
                    return;
                }
                fake.mode = "ok";
            });
            flip.start();
        }
        pool.shutdown();
        if (flip != null) flip.join(TimeUnit.SECONDS.toMillis(seconds + 5L));
        if (!pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS)) {
            pool.shutdownNow();
            throw new IllegalStateException(name + ": clients did not finish within " + (seconds + 60) + " s");
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long calls = fake.calls.get() - callsBefore;
        long rssAfter = app.rssKb();
        app.gc();
        Thread.sleep(300);
        Result result = new Result(name, clients, elapsed, new ArrayList<>(samples), calls, rssBefore, rssAfter, app.heapUsedBytes(),
                loadBefore + " → " + loadAverage());
        result.okAtNanos = okAfterSeconds < 0 ? 0 : TimeUnit.SECONDS.toNanos(okAfterSeconds);
        return result;
    }

    /** Parses a GraphQL answer: error codes, whether every error is coded, whether every null root field has an error. */
    static void classify(Sample s, String text) {
        s.codes = new ArrayList<>();
        try {
            JsonNode root = JSON.readTree(text);
            JsonNode errors = root.path("errors");
            for (JsonNode error : errors) {
                String code = error.path("extensions").path("code").asText("");
                if (code.isEmpty()) {
                    s.uncoded = true;
                    s.codes.add("(none)");
                } else {
                    JsonNode retryAfter = error.path("extensions").path("retryAfterSeconds");
                    s.codes.add(retryAfter.isMissingNode() ? code : code + " retryAfterSeconds=" + retryAfter.asText());
                }
            }
            JsonNode data = root.path("data");
            boolean ok = errors.isEmpty();
            for (String field : ROOT_FIELDS) {
                JsonNode value = data.path(field);
                if (value.isMissingNode() || value.isNull()) {
                    ok = false;
                    boolean explained = false;
                    for (JsonNode error : errors) {
                        if (error.path("path").path(0).asText("").equals(field)
                                && !error.path("extensions").path("code").asText("").isEmpty()) {
                            explained = true;
                        }
                    }
                    if (!explained) {
                        s.uncoded = true;
                    }
                }
            }
            s.success = ok;
        } catch (IOException notJson) {
            s.uncoded = true;
            s.codes.add("(not JSON)");
        }
    }

    static final class Sample {
        long startNanos;
        long latencyNanos;
        int status;
        boolean success;
        boolean uncoded;
        List<String> codes = List.of();
    }

    static final class Result {
        static final String HEADER = "| phase | clients | s | requests | req/s | p50 ms | p99 ms | p99.9 ms | max ms | HTTP status | 5xx | with errors | all failed fields coded | error codes | upstream calls/req (calls) | RSS before→after MB | heap after GC MB | load avg before → after |";
        static final String RULE = "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";
        final String name;
        final int clients;
        final double elapsed;
        final List<Sample> samples;
        final long calls;
        final long rssBefore;
        final long rssAfter;
        final long heap;
        final String load;
        long okAtNanos;

        Result(String name, int clients, double elapsed, List<Sample> samples, long calls, long rssBefore, long rssAfter,
               long heap, String load) {
            this.name = name;
            this.clients = clients;
            this.elapsed = elapsed;
            this.samples = samples;
            this.calls = calls;
            this.rssBefore = rssBefore;
            this.rssAfter = rssAfter;
            this.heap = heap;
            this.load = load;
        }

        String row() {
            long[] lat = samples.stream().mapToLong(s -> s.latencyNanos).sorted().toArray();
            Map<Integer, Integer> statuses = new TreeMap<>();
            Map<String, Integer> codes = new TreeMap<>();
            int fiveXx = 0, withErrors = 0, uncoded = 0;
            for (Sample s : samples) {
                statuses.merge(s.status, 1, Integer::sum);
                if (s.status >= 500 || s.status < 0) fiveXx++;
                if (!s.success) withErrors++;
                if (s.uncoded) uncoded++;
                for (String c : s.codes) codes.merge(c, 1, Integer::sum);
            }
            int n = samples.size();
            int failed = withErrors;
            String coded = failed == 0 ? "n/a (none failed)" : String.format("%.1f %% (%d/%d)", 100.0 * (failed - uncoded) / failed, failed - uncoded, failed);
            return String.format("| %s | %d | %.0f | %d | %.0f | %s | %s | %s | %s | %s | %d | %d (%.1f %%) | %s | %s | %.3f (%d) | %d→%d | %d | %s |",
                    name, clients, elapsed, n, n / elapsed, ms(pct(lat, 0.50)), ms(pct(lat, 0.99)), ms(pct(lat, 0.999)),
                    ms(lat.length == 0 ? 0 : lat[lat.length - 1]), statuses, fiveXx, withErrors, n == 0 ? 0 : 100.0 * withErrors / n,
                    coded, codes.isEmpty() ? "–" : codes.toString(), n == 0 ? 0 : (double) calls / n, calls, rssBefore / 1024, rssAfter / 1024,
                    heap / (1024 * 1024), load);
        }

        /** The fault-run checks: no 5xx from the app, every failed field coded, nothing past the deadline (+1 s margin). */
        String checks() {
            long fiveXx = samples.stream().filter(s -> s.status >= 500 || s.status < 0).count();
            long uncoded = samples.stream().filter(s -> s.uncoded).count();
            long max = samples.stream().mapToLong(s -> s.latencyNanos).max().orElse(0);
            long limit = DEADLINE.toNanos() + 1_000_000_000L;
            return String.format("app 5xx/no answer: %d %s; requests with an uncoded failed field: %d %s; max latency %s ms vs deadline %d ms %s",
                    fiveXx, fiveXx == 0 ? "PASS" : "FAIL", uncoded, uncoded == 0 ? "PASS" : "FAIL", ms(max), DEADLINE.toMillis(),
                    max <= limit ? "PASS (<= deadline + 1 s)" : "FAIL");
        }

        /** For a phase in which Stripe recovers at {@code okAtNanos}: how soon answers are complete again. */
        String recovery() {
            long t = okAtNanos;
            long firstOk = samples.stream().filter(x -> x.success && x.startNanos + x.latencyNanos >= t)
                    .mapToLong(x -> x.startNanos + x.latencyNanos - t).min().orElse(-1);
            long lastFailure = samples.stream().filter(x -> !x.success).mapToLong(x -> x.startNanos + x.latencyNanos - t).max().orElse(Long.MIN_VALUE);
            long startedAfter = samples.stream().filter(x -> x.startNanos >= t).count();
            long failedAfter = samples.stream().filter(x -> x.startNanos >= t && !x.success).count();
            long inFirst5 = samples.stream().filter(x -> x.startNanos >= t && x.startNanos < t + 5_000_000_000L).count();
            long failedInFirst5 = samples.stream().filter(x -> x.startNanos >= t && x.startNanos < t + 5_000_000_000L && !x.success).count();
            return String.format("first complete answer %s after Stripe recovered; last failed answer %s; "
                            + "requests started after the switch: %d, with errors %d; in its first 5 s: %d, with errors %d (%.1f %%)",
                    firstOk < 0 ? "never" : ms(firstOk) + " ms",
                    lastFailure == Long.MIN_VALUE ? "none" : (lastFailure < 0 ? ms(-lastFailure) + " ms before" : ms(lastFailure) + " ms after") + " the switch",
                    startedAfter, failedAfter, inFirst5, failedInFirst5, inFirst5 == 0 ? 0 : 100.0 * failedInFirst5 / inFirst5);
        }

        static long pct(long[] sorted, double p) {
            if (sorted.length == 0) return 0;
            int i = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
        }

        static String ms(long nanos) {
            return nanos >= 100_000_000L ? String.format("%.0f", nanos / 1e6) : String.format("%.1f", nanos / 1e6);
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The app's fat jar in its own JVM, pointed at the fake. */
    static final class App implements AutoCloseable {
        final Process process;
        final int port;
        final URI graphql;
        final Thread hook;

        App(String jar, int stripePort, String cacheTtl, Path logDir) throws Exception {
            port = freePort();
            graphql = URI.create("http://127.0.0.1:" + port + "/graphql");
            List<String> command = new ArrayList<>(List.of("java"));
            String opts = System.getProperty("app.javaOptions", "");
            if (!opts.isBlank()) command.addAll(Arrays.asList(opts.trim().split("\\s+")));
            command.addAll(List.of("-jar", jar, "-micronaut.server.port=" + port));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(logDir.resolve("app-cache-" + cacheTtl + "-" + port + ".log").toFile());
            Map<String, String> env = builder.environment();
            env.put("STRIPE_API_KEY", "sk_test_loadrun000000000000");
            env.put("STRIPE_BASE_URL", "http://127.0.0.1:" + stripePort);
            env.put("BALANCEGRAPH_ACCESS_ENABLED", "false");
            // The fake has no limit; with the client-side limiter on (25/s per endpoint) requests would queue in the
            // app and we would measure the limiter, not the app.
            env.put("STRIPE_RATE_LIMIT_REQUESTS_PER_SECOND", "0");
            env.put("STRIPE_RATE_LIMIT_PER_ENDPOINT_REQUESTS_PER_SECOND", "0");
            env.put("STRIPE_DEADLINE", DEADLINE.toMillis() + "ms");
            env.put("STRIPE_READ_TIMEOUT", READ_TIMEOUT.toMillis() + "ms");
            env.put("BALANCEGRAPH_CACHE_TTL", cacheTtl);
            process = builder.start();
            hook = new Thread(process::destroyForcibly);
            Runtime.getRuntime().addShutdownHook(hook);
            awaitHealthy();
        }

        void awaitHealthy() throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < until) {
                if (!process.isAlive()) throw new IllegalStateException("the app exited with " + process.exitValue());
                try {
                    if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
                } catch (IOException notYet) {
                    // keep polling
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("the app did not become healthy in 90 s");
        }

        long rssKb() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                    if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
                }
            } catch (IOException e) {
                // gone
            }
            return -1;
        }

        void gc() throws Exception {
            Process jcmd = new ProcessBuilder("jcmd", String.valueOf(process.pid()), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!jcmd.waitFor(20, TimeUnit.SECONDS)) jcmd.destroyForcibly();
        }

        /** Sum of jvm_memory_used_bytes{area="heap"} from /prometheus. */
        long heapUsedBytes() throws Exception {
            String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/prometheus"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            double sum = 0;
            for (String line : text.split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return (long) sum;
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            Runtime.getRuntime().removeShutdownHook(hook);
        }

        static int freePort() throws IOException {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** A Stripe stand-in on 127.0.0.1 with a switchable fault mode; counts every request. */
    static final class FakeStripe implements AutoCloseable {
        final HttpServer server;
        final int port;
        final AtomicLong calls = new AtomicLong();
        final ExecutorService executor = Executors.newFixedThreadPool(32);
        volatile String mode = "ok";
        /** -Dfake.latencyMs=150: how long each healthy answer takes. */
        static final long LATENCY_MS = Long.getLong("fake.latencyMs", 0);
        static final String BALANCE = "{\"object\":\"balance\",\"available\":[{\"amount\":3000000123,\"currency\":\"usd\",\"source_types\":{\"card\":3000000123}},"
                + "{\"amount\":-50025,\"currency\":\"eur\",\"source_types\":{\"card\":-50025}},{\"amount\":150000,\"currency\":\"jpy\",\"source_types\":{\"card\":150000}}],"
                + "\"connect_reserved\":null,\"livemode\":false,\"pending\":[{\"amount\":61414,\"currency\":\"usd\",\"source_types\":{\"card\":61414}}],"
                + "\"refund_and_dispute_prefunding\":null}";

        FakeStripe() throws IOException {
            // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK:
            // about 40 ms added to every answer, which would be the fake's latency, not the app's.
            System.setProperty("sun.net.httpserver.nodelay", "true");
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
            server.createContext("/v1/", this::handle);
            server.setExecutor(executor);
            server.start();
            port = server.getAddress().getPort();
        }

        void handle(HttpExchange exchange) throws IOException {
            calls.incrementAndGet();
            String m = mode;
            try {
                exchange.getRequestBody().readAllBytes();
                switch (m) {
                    case "429" -> {
                        exchange.getResponseHeaders().add("Retry-After", "1");
                        send(exchange, 429, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"rate_limit\",\"message\":\"Too many requests\"}}");
                    }
                    case "500" -> send(exchange, 500, "{\"error\":{\"type\":\"api_error\",\"message\":\"Something went wrong\"}}");
                    case "503" -> send(exchange, 503, "{\"error\":{\"type\":\"api_error\",\"message\":\"Service unavailable\"}}");
                    case "reset" -> exchange.close(); // closes the connection before any status line: no answer at all
                    case "slow" -> {
                        try {
                            Thread.sleep(READ_TIMEOUT.toMillis() * 3 / 2);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        send(exchange, 200, body(exchange));
                    }
                    case "garbage" -> {
                        exchange.getResponseHeaders().add("Content-Type", "text/html");
                        send(exchange, 200, "<html><body><h1>502 Bad Gateway</h1>nginx</body></html>");
                    }
                    default -> {
                        if (LATENCY_MS > 0) {
                            try {
                                Thread.sleep(LATENCY_MS); // a real Stripe round trip is 100-400 ms; the fake's is ~1 ms
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                        send(exchange, 200, body(exchange));
                    }
                }
            } catch (IOException clientWentAway) {
                // the app gave up on this request (read timeout, deadline): fine
            } finally {
                exchange.close();
            }
        }

        static String body(HttpExchange exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/v1/balance")) return BALANCE;
            String query = exchange.getRequestURI().getQuery();
            int limit = 10;
            if (query != null) {
                for (String p : query.split("&")) {
                    if (p.startsWith("limit=")) limit = Integer.parseInt(p.substring(6));
                }
            }
            StringBuilder sb = new StringBuilder("{\"object\":\"list\",\"url\":\"/v1/balance_transactions\",\"has_more\":true,\"data\":[");
            for (int i = 0; i < limit; i++) {
                if (i > 0) sb.append(',');
                sb.append("{\"id\":\"txn_load").append(String.format("%04d", i)).append("\",\"object\":\"balance_transaction\",\"amount\":")
                        .append(1000 + i).append(",\"available_on\":1762387200,\"balance_type\":\"payments\",\"created\":")
                        .append(1761782400 - i * 60).append(",\"currency\":\"usd\",\"description\":\"Order ").append(i)
                        .append("\",\"exchange_rate\":null,\"fee\":59,\"fee_details\":[{\"amount\":59,\"application\":null,\"currency\":\"usd\",")
                        .append("\"description\":\"Stripe processing fees\",\"type\":\"stripe_fee\"}],\"net\":").append(1000 + i - 59)
                        .append(",\"reporting_category\":\"charge\",\"source\":\"ch_load").append(i)
                        .append("\",\"status\":\"available\",\"type\":\"charge\"}");
            }
            return sb.append("]}").toString();
        }

        static void send(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
            }
            exchange.getResponseHeaders().add("Request-Id", "req_load" + System.nanoTime());
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(bytes);
            }
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
