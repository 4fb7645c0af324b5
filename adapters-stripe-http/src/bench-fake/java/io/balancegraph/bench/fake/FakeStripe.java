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
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake Stripe for benchmarks: {@code GET /v1/balance}, {@code /v1/balance_transactions} (newest first,
 * {@code limit}, {@code starting_after}, {@code has_more}) and {@code /v1/balance_transactions/{id}} over a
 * generated account of N transactions, every answer pre-rendered (or rendered once and kept), each one held back
 * a fixed latency before it is sent. {@code GET /__calls} answers how many Stripe calls it has served;
 * {@code POST /__reset} sets that to 0.
 *
 * <p>Run it in its own JVM ({@link #start}) so that its CPU, allocation and GC are not counted against the
 * client being measured: {@code java -cp ... io.balancegraph.bench.fake.FakeStripe <latencyMs> <transactions>}.
 * It prints {@code LISTENING <port>} once it accepts connections.
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

    private final int transactions;
    private final long latencyMs;
    private final AtomicLong calls = new AtomicLong();
    private final Map<Long, byte[]> pages = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(64);

    public FakeStripe(int port, long latencyMs, int transactions) throws IOException {
        this.latencyMs = latencyMs;
        this.transactions = transactions;
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
            if (path.equals("/__reset")) {
                calls.set(0);
                send(exchange, 200, new byte[0]);
                return;
            }
            calls.incrementAndGet();
            byte[] body;
            int status = 200;
            if (path.equals("/v1/balance")) {
                body = BALANCE;
            } else if (path.equals("/v1/balance_transactions")) {
                Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
                int limit = Integer.parseInt(query.getOrDefault("limit", "10"));
                String after = query.get("starting_after");
                int from = after == null ? 0 : index(after) + 1;
                body = page(from, limit);
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

    private byte[] page(int from, int limit) {
        return pages.computeIfAbsent(((long) from << 32) | limit, key -> {
            int to = Math.min(transactions, from + limit);
            StringBuilder json = new StringBuilder(limit * 600).append("{\"object\":\"list\",\"data\":[");
            for (int i = from; i < to; i++) {
                if (i > from) {
                    json.append(',');
                }
                json.append(transaction(i));
            }
            json.append("],\"has_more\":").append(to < transactions).append(",\"url\":\"/v1/balance_transactions\"}");
            return json.toString().getBytes(StandardCharsets.UTF_8);
        });
    }

    /** The i-th newest transaction: a mix of charges (with a Stripe fee), refunds and payouts, in three currencies. */
    static String transaction(int i) {
        String[] currencies = {"usd", "eur", "jpy"};
        String currency = currencies[i % 3];
        long created = NEWEST_CREATED - 60L * i;
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
        FakeStripe fake = new FakeStripe(port, latency, count);
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
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                FakeStripe.class.getName(), Long.toString(latencyMs), Integer.toString(transactions))
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
