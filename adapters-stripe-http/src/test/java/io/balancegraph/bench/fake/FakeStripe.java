package io.balancegraph.bench.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake Stripe for benchmarks: {@code GET /v1/balance}, {@code /v1/balance_transactions} (newest first,
 * {@code limit}, {@code starting_after}, {@code created[gte|gt|lte|lt]}, {@code has_more}) and
 * {@code /v1/balance_transactions/{id}} over a generated account of N transactions, every transaction rendered
 * once, each answer held back a fixed latency before it is sent. One transaction a minute, except one dense second
 * that holds {@value #DENSE} of them (so a walk that splits by {@code created} has a second it cannot split).
 *
 * <p>With a rate limit, a request beyond that many in the last second (a strict sliding window over the requests
 * it let through, as Stripe counts them) is answered at once with Stripe's 429 {@code rate_limit_error}.
 * {@code GET /__calls} answers how many Stripe calls it has served (429s included), {@code /__limited} how many
 * of them were 429s, {@code /__balance} how many were {@code GET /v1/balance}; {@code /__reset} sets them to 0.
 *
 * <p>A test source of the Stripe adapter, so that its test-jar carries it to the app's packaged-jar ITs
 * ({@code ReplicasIT}) as well as to both modules' benchmarks.
 *
 * <p>Run it in its own JVM ({@link #start}) so that its CPU, allocation and GC are not counted against the
 * client being measured: {@code java -cp ... io.balancegraph.bench.fake.FakeStripe <latencyMs> <transactions>
 * [port] [requests per second, 0: no limit]}. It prints {@code LISTENING <port>} once it accepts connections.
 */
public final class FakeStripe {

    static {
        // The JDK server writes headers and body in separate writes; without TCP_NODELAY Nagle's algorithm
        // and the client's delayed ACK can add ~40 ms to an answer.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final byte[] BALANCE = """
            {"object":"balance","available":[{"amount":3000000123,"currency":"usd","source_types":{"card":3000000123}},\
            {"amount":-50025,"currency":"eur","source_types":{"card":-50025}},\
            {"amount":150000,"currency":"jpy","source_types":{"card":150000}}],\
            "connect_reserved":[{"amount":0,"currency":"usd"}],"livemode":false,\
            "pending":[{"amount":61414,"currency":"usd","source_types":{"card":61414}},\
            {"amount":0,"currency":"eur","source_types":{"card":0}},\
            {"amount":0,"currency":"jpy","source_types":{"card":0}}]}""".getBytes(StandardCharsets.UTF_8);

    private static final long NEWEST_CREATED = 1_761_782_400L;

    /** Transactions that share one second, from index {@link #DENSE_FROM} on. */
    static final int DENSE = 300;
    static final int DENSE_FROM = 5_000;

    private final int transactions;
    private final long latencyMs;
    private final int rateLimit;
    private final long[] created;
    private final String[] rendered;
    private final ArrayDeque<Long> admitted = new ArrayDeque<>();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong limited = new AtomicLong();
    private final AtomicLong balanceReads = new AtomicLong();
    private final Map<Long, byte[]> pages = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(64);

    public FakeStripe(int port, long latencyMs, int transactions) throws IOException {
        this(port, latencyMs, transactions, 0);
    }

    public FakeStripe(int port, long latencyMs, int transactions, int rateLimit) throws IOException {
        this.latencyMs = latencyMs;
        this.transactions = transactions;
        this.rateLimit = rateLimit;
        this.created = new long[transactions];
        this.rendered = new String[transactions];
        for (int i = 0; i < transactions; i++) {
            created[i] = created(i);
            rendered[i] = transaction(i);
        }
        for (int from = 0; from < transactions; from += 100) {
            page(from, 100);
        }
        page(0, 10);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/__calls")) {
                send(exchange, 200, Long.toString(calls.get()).getBytes(StandardCharsets.US_ASCII));
                return;
            }
            if (path.equals("/__limited")) {
                send(exchange, 200, Long.toString(limited.get()).getBytes(StandardCharsets.US_ASCII));
                return;
            }
            if (path.equals("/__balance")) {
                send(exchange, 200, Long.toString(balanceReads.get()).getBytes(StandardCharsets.US_ASCII));
                return;
            }
            if (path.equals("/__reset")) {
                calls.set(0);
                limited.set(0);
                balanceReads.set(0);
                send(exchange, 200, new byte[0]);
                return;
            }
            calls.incrementAndGet();
            if (!admit()) {
                limited.incrementAndGet();
                send(exchange, 429, ("{\"error\":{\"type\":\"rate_limit_error\",\"code\":\"rate_limit\","
                        + "\"message\":\"Too many requests hit the API too quickly.\"}}").getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] body;
            int status = 200;
            if (path.equals("/v1/balance")) {
                balanceReads.incrementAndGet();
                body = BALANCE;
            } else if (path.equals("/v1/balance_transactions")) {
                body = list(query(exchange.getRequestURI().getRawQuery()));
            } else if (path.startsWith("/v1/balance_transactions/")) {
                int i = index(path.substring("/v1/balance_transactions/".length()));
                if (i < 0 || i >= transactions) {
                    status = 404;
                    body = "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\",\"message\":\"No such balance transaction\"}}"
                            .getBytes(StandardCharsets.UTF_8);
                } else {
                    body = transaction(i).getBytes(StandardCharsets.UTF_8);
                }
            } else {
                status = 404;
                body = "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Unrecognized request URL\"}}"
                        .getBytes(StandardCharsets.UTF_8);
            }
            if (latencyMs > 0) {
                Thread.sleep(latencyMs);
            }
            send(exchange, status, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            e.printStackTrace();
            send(exchange, 500, "{\"error\":{\"type\":\"api_error\"}}".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Request-Id", "req_bench");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static int index(String id) {
        if (!id.startsWith("txn_bench")) {
            return -1;
        }
        try {
            return Integer.parseInt(id.substring("txn_bench".length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    /** Whether a request may be served now: fewer than the limit let through in the last second. */
    private boolean admit() {
        if (rateLimit <= 0) {
            return true;
        }
        long now = System.nanoTime();
        synchronized (admitted) {
            while (!admitted.isEmpty() && now - admitted.peekFirst() >= 1_000_000_000L) {
                admitted.pollFirst();
            }
            if (admitted.size() >= rateLimit) {
                return false;
            }
            admitted.addLast(now);
            return true;
        }
    }

    private byte[] list(Map<String, String> query) {
        int limit = Integer.parseInt(query.getOrDefault("limit", "10"));
        String after = query.get("starting_after");
        // Newest first, created never increases with the index: a created range is one run of indexes [lo, hi).
        int lo = 0;
        int hi = transactions;
        if (query.containsKey("created[lte]")) {
            lo = firstAtOrBelow(Long.parseLong(query.get("created[lte]")));
        }
        if (query.containsKey("created[lt]")) {
            lo = Math.max(lo, firstAtOrBelow(Long.parseLong(query.get("created[lt]")) - 1));
        }
        if (query.containsKey("created[gte]")) {
            hi = firstAtOrBelow(Long.parseLong(query.get("created[gte]")) - 1);
        }
        if (query.containsKey("created[gt]")) {
            hi = Math.min(hi, firstAtOrBelow(Long.parseLong(query.get("created[gt]"))));
        }
        int from = Math.max(lo, after == null ? 0 : index(after) + 1);
        if (lo == 0 && hi == transactions) {
            return page(from, limit);
        }
        return render(from, Math.max(from, Math.min(hi, from + limit)), hi);
    }

    /** The first index whose transaction was created at or before {@code second} (N if none). */
    private int firstAtOrBelow(long second) {
        int low = 0;
        int high = transactions;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (created[mid] <= second) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    private byte[] render(int from, int to, int end) {
        StringBuilder json = new StringBuilder((to - from) * 600 + 64).append("{\"object\":\"list\",\"data\":[");
        for (int i = from; i < to; i++) {
            if (i > from) {
                json.append(',');
            }
            json.append(rendered[i]);
        }
        json.append("],\"has_more\":").append(to < end).append(",\"url\":\"/v1/balance_transactions\"}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] page(int from, int limit) {
        return pages.computeIfAbsent(((long) from << 32) | limit,
                key -> render(from, Math.min(transactions, from + limit), transactions));
    }

    /** One a minute, newest first, except {@link #DENSE} transactions that share one second. */
    public static long created(int i) {
        if (i < DENSE_FROM) {
            return NEWEST_CREATED - 60L * i;
        }
        return NEWEST_CREATED - 60L * Math.max(DENSE_FROM, i - DENSE + 1);
    }

    /** The i-th newest transaction: a mix of charges (with a Stripe fee), refunds and payouts, in three currencies. */
    static String transaction(int i) {
        String[] currencies = {"usd", "eur", "jpy"};
        String currency = currencies[i % 3];
        long created = created(i);
        String type;
        long amount;
        long fee;
        String source;
        if (i % 50 == 49) {
            type = "payout";
            amount = -100_000L - i;
            fee = 0;
            source = "po_bench" + i;
        } else if (i % 10 == 9) {
            type = "refund";
            amount = -(1_000L + i);
            fee = 0;
            source = "re_bench" + i;
        } else {
            type = "charge";
            amount = 1_000L + i;
            fee = 30 + amount * 29 / 1000;
            source = "ch_bench" + i;
        }
        String feeDetails = fee == 0 ? "[]"
                : "[{\"amount\":" + fee + ",\"application\":null,\"currency\":\"" + currency
                + "\",\"description\":\"Stripe processing fees\",\"type\":\"stripe_fee\"}]";
        return "{\"id\":\"txn_bench" + String.format("%07d", i) + "\",\"object\":\"balance_transaction\",\"amount\":" + amount
                + ",\"available_on\":" + (created + 2 * 86_400) + ",\"balance_type\":\"payments\",\"created\":" + created
                + ",\"currency\":\"" + currency + "\",\"description\":\"Bench " + type + " " + i + "\",\"exchange_rate\":null"
                + ",\"fee\":" + fee + ",\"fee_details\":" + feeDetails + ",\"net\":" + (amount - fee)
                + ",\"reporting_category\":\"" + type + "\",\"source\":\"" + source + "\",\"status\":\"available\""
                + ",\"type\":\"" + type + "\"}";
    }

    public static void main(String[] args) throws Exception {
        long latency = Long.parseLong(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int port = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        int rateLimit = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        FakeStripe fake = new FakeStripe(port, latency, count, rateLimit);
        System.out.println("LISTENING " + fake.port());
        System.out.flush();
        // Ends when the parent closes our stdin (or dies).
        while (System.in.read() >= 0) {
            // keep running
        }
        fake.server.stop(0);
        fake.pool.shutdownNow();
    }

    /** A fake in its own JVM, on the current class path; {@link Process#destroy()} on close. */
    public static final class Remote implements AutoCloseable {
        private final Process process;
        private final int port;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        private Remote(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        public String baseUrl() {
            return "http://127.0.0.1:" + port;
        }

        public long calls() {
            return Long.parseLong(get("/__calls"));
        }

        public long limited() {
            return Long.parseLong(get("/__limited"));
        }

        /** How many {@code GET /v1/balance} it answered (not 429s). */
        public long balanceReads() {
            return Long.parseLong(get("/__balance"));
        }

        public void resetCalls() {
            get("/__reset");
        }

        private String get(String path) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws Exception {
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    public static Remote start(long latencyMs, int transactions) throws IOException {
        return start(latencyMs, transactions, 0);
    }

    /** A fake in its own JVM answering 429 beyond {@code rateLimit} requests a second (0: no limit). */
    public static Remote start(long latencyMs, int transactions, int rateLimit) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                FakeStripe.class.getName(), Long.toString(latencyMs), Integer.toString(transactions), "0",
                Integer.toString(rateLimit))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("LISTENING ")) {
            process.destroyForcibly();
            throw new IllegalStateException("the fake Stripe did not start: " + line);
        }
        return new Remote(process, Integer.parseInt(line.substring("LISTENING ".length())));
    }
}
