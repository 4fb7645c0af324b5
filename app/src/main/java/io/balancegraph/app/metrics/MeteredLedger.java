package io.balancegraph.app.metrics;

import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.balance.Balance;
import io.balancegraph.domain.port.BalanceLedger;
import io.balancegraph.domain.query.BalanceTransactionQuery;
import io.balancegraph.domain.query.Page;
import io.balancegraph.domain.transaction.BalanceTransaction;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Times every read of the ledger it wraps (Stripe or the demo), from the call until its {@link CompletionStage}
 * completes, as the timer {@value #METRIC} tagged {@code operation} and {@code outcome}
 * (Prometheus: {@code balancegraph_upstream_requests_seconds_count}, {@code _sum}, {@code _max}, and {@code _bucket}
 * from 5 ms to 30 s).
 * No account tag: connected accounts are unbounded.
 */
public final class MeteredLedger implements BalanceLedger {

    public static final String METRIC = "balancegraph.upstream.requests";
    public static final String OPERATION = "operation";
    public static final String OUTCOME = "outcome";

    /** Histogram buckets ({@code le}): Stripe answers in tens to hundreds of milliseconds, times out after tens of seconds. */
    private static final Duration[] BUCKETS = Stream.of(5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000)
            .map(Duration::ofMillis)
            .toArray(Duration[]::new);

    private final BalanceLedger ledger;
    private final MeterRegistry registry;
    /** Put before each operation's name: empty, or {@code bulk_} for the bulk view. */
    private final String operationPrefix;

    public MeteredLedger(BalanceLedger ledger, MeterRegistry registry) {
        this(ledger, registry, "");
    }

    private MeteredLedger(BalanceLedger ledger, MeterRegistry registry, String operationPrefix) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.operationPrefix = operationPrefix;
    }

    @Override
    public CompletionStage<Balance> readBalance(Account account) {
        return timed("balance", () -> ledger.readBalance(account), balance -> UpstreamOutcome.SUCCESS);
    }

    @Override
    public CompletionStage<Page<BalanceTransaction>> listTransactions(Account account, BalanceTransactionQuery query) {
        return timed("list_transactions", () -> ledger.listTransactions(account, query), page -> UpstreamOutcome.SUCCESS);
    }

    /**
     * The wrapped ledger's bulk view, its operations timed as {@code bulk_list_transactions}, {@code bulk_balance}
     * and {@code bulk_get_transaction}: its calls may wait behind interactive ones, and would otherwise blur the
     * interactive reads' latency.
     */
    @Override
    public BalanceLedger bulk() {
        return operationPrefix.isEmpty() ? new MeteredLedger(ledger.bulk(), registry, "bulk_") : this;
    }

    /** An id that does not exist (an empty answer) counts as {@code not_found}: upstream answered 404. */
    @Override
    public CompletionStage<Optional<BalanceTransaction>> getTransaction(Account account, String transactionId, boolean expandSource) {
        return timed("get_transaction", () -> ledger.getTransaction(account, transactionId, expandSource),
                found -> found.isPresent() ? UpstreamOutcome.SUCCESS : UpstreamOutcome.NOT_FOUND);
    }

    private <T> CompletionStage<T> timed(String name, Supplier<CompletionStage<T>> read, Function<T, UpstreamOutcome> outcomeOfAnswer) {
        String operation = operationPrefix + name;
        Timer.Sample sample = Timer.start(registry);
        CompletionStage<T> answer;
        try {
            answer = read.get();
        } catch (RuntimeException e) {
            sample.stop(timer(operation, UpstreamOutcome.of(e)));
            throw e;
        }
        return answer.whenComplete((value, failure) ->
                sample.stop(timer(operation, failure == null ? outcomeOfAnswer.apply(value) : UpstreamOutcome.of(failure))));
    }

    private Timer timer(String operation, UpstreamOutcome outcome) {
        return Timer.builder(METRIC)
                .description("Reads of balance data from the upstream ledger (Stripe or the demo), until the answer arrived")
                .tag(OPERATION, operation)
                .tag(OUTCOME, outcome.tag())
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }
}
