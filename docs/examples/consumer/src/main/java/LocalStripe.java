import com.sun.net.httpserver.HttpServer;
import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.balance.Balance;
import io.balancegraph.domain.money.Currency;
import io.balancegraph.stripe.StripeBalanceLedger;
import io.balancegraph.stripe.StripeLedgers;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

public class LocalStripe {

    // What Stripe answers to GET /v1/balance, cut down to what this example reads.
    static final String BALANCE = """
            {"object": "balance", "livemode": false,
             "available": [{"amount": 123456, "currency": "usd", "source_types": {"card": 123456}}],
             "pending": [{"amount": 5000, "currency": "usd", "source_types": {"card": 5000}}]}
            """;

    public static void main(String[] args) throws Exception {
        // A stand-in for Stripe on a free local port: one endpoint, and a note of what it was asked.
        AtomicReference<String> asked = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/balance", exchange -> {
            asked.set(exchange.getRequestMethod() + " " + exchange.getRequestURI()
                    + ", Stripe-Version " + exchange.getRequestHeaders().getFirst("Stripe-Version"));
            byte[] body = BALANCE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();

        try (StripeBalanceLedger stripe = StripeLedgers.builder()
                .apiKey("sk_test_local")                  // plain http is allowed with a test key only
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
                .build()) {
            // One call with a deadline of its own, longer than the ledger's stripe.deadline (12 s by default): the
            // first call of a JVM also loads the HTTP client's classes, slow on a busy machine.
            Balance balance = stripe.withDeadline(Duration.ofSeconds(30)).blocking().readBalance(Account.platform());
            System.out.println("asked:     " + asked.get());
            System.out.println("available: " + balance.availableIn(Currency.USD));
            System.out.println("pending:   " + balance.pendingIn(Currency.USD));
        } finally {
            server.stop(0);
        }
    }
}
