package io.balancegraph.bench;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.BalanceTransaction;
import com.stripe.param.BalanceTransactionListParams;
import io.balancegraph.bench.fake.FakeStripe;
import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.query.BalanceTransactionQuery;
import io.balancegraph.domain.query.TransactionWalk;
import io.balancegraph.stripe.StripeBalanceLedger;
import io.balancegraph.stripe.StripeLedgers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark 1: every transaction of an account with 10,000 of them, 100 per page (100 upstream calls), through
 * our adapter's lazy {@link TransactionWalk} and through stripe-java's auto-pagination, against the same fake
 * Stripe in its own JVM. {@code rawPages} fetches the same 100 pages with the JDK client and does not parse
 * them: the floor set by the fake and the loopback network.
 *
 * <p>Each benchmark sums the amounts so that every transaction is really read, checks that there were 10,000,
 * and at the end of the trial prints the upstream calls per walk counted by the fake.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class WalkBenchmark {

    static final int TRANSACTIONS = 10_000;

    @Param({"0", "50"})
    public long latencyMs;

    private FakeStripe.Remote fake;
    private StripeBalanceLedger ours;
    private StripeClient stripeJava;
    private HttpClient jdk;
    private long walks;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        fake = FakeStripe.start(latencyMs, TRANSACTIONS);
        ours = StripeLedgers.builder()
                .apiKey("sk_test_bench")
                .baseUrl(fake.baseUrl())
                .requestsPerSecond(0)               // no client-side rate limit against the local fake
                .perEndpointRequestsPerSecond(0)
                .build();
        stripeJava = StripeClient.builder().setApiKey("sk_test_bench").setApiBase(fake.baseUrl()).build();
        jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        fake.resetCalls();
        walks = 0;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        long calls = fake.calls();
        System.out.printf("%n[calls] latency=%d ms: %d upstream calls in %d walks = %.2f per walk%n",
                latencyMs, calls, walks, walks == 0 ? 0.0 : (double) calls / walks);
        ours.close();
        fake.close();
    }

    @Benchmark
    public long oursTransactionWalk() {
        long[] sumAndCount = new long[2];
        TransactionWalk.all(ours, Account.platform(), BalanceTransactionQuery.builder().limit(100).build())
                .forEach(t -> {
                    sumAndCount[0] += t.amount().minorUnits();
                    sumAndCount[1]++;
                });
        return check(sumAndCount);
    }

    @Benchmark
    public long stripeJavaAutoPaging() throws StripeException {
        long[] sumAndCount = new long[2];
        for (BalanceTransaction t : stripeJava.v1().balanceTransactions()
                .list(BalanceTransactionListParams.builder().setLimit(100L).build()).autoPagingIterable()) {
            sumAndCount[0] += t.getAmount();
            sumAndCount[1]++;
        }
        return check(sumAndCount);
    }

    @Benchmark
    public long rawPages() throws Exception {
        long bytes = 0;
        for (int from = 0; from < TRANSACTIONS; from += 100) {
            String after = from == 0 ? "" : "&starting_after=txn_bench" + String.format("%07d", from - 1);
            HttpResponse<byte[]> page = jdk.send(HttpRequest.newBuilder(
                            URI.create(fake.baseUrl() + "/v1/balance_transactions?limit=100" + after))
                    .header("Authorization", "Bearer sk_test_bench").build(), HttpResponse.BodyHandlers.ofByteArray());
            bytes += page.body().length;
        }
        walks++;
        return bytes;
    }

    private long check(long[] sumAndCount) {
        if (sumAndCount[1] != TRANSACTIONS) {
            throw new IllegalStateException("walked " + sumAndCount[1] + " transactions, not " + TRANSACTIONS);
        }
        walks++;
        return sumAndCount[0];
    }
}
