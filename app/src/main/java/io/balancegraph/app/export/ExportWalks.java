package io.balancegraph.app.export;

import io.balancegraph.app.LedgerFactory;
import io.balancegraph.domain.port.ListBalanceTransactionsPort;
import io.balancegraph.domain.walk.ParallelWalk;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/**
 * The walks exports run: through which port, how many reads at once, how many transactions and how long at most.
 * The one seam between the endpoint and the Stripe budget.
 *
 * <p>The port is the served ledger's bulk view ({@link LedgerFactory#BULK}, metered as
 * {@code bulk_list_transactions}): an export's page reads take only {@code stripe.rate-limit.bulk-share} of the rate
 * budget while {@code /graphql} reads ask, so a large export never starves the dashboard. The bounds are
 * {@link ExportSettings}' ({@code balancegraph.export.max-transactions}, 200,000 by default, and
 * {@code balancegraph.export.timeout}, 2 minutes, for the whole file; the walk's clock is the app's {@link Clock}),
 * with {@link ParallelWalk#DEFAULT_CONCURRENCY} reads at once.
 */
@Factory
public class ExportWalks {

    /** What the endpoint starts walks with. */
    @Singleton
    public Walks walks(@Named(LedgerFactory.BULK) ListBalanceTransactionsPort bulk, Clock clock, ExportSettings settings) {
        return new Walks(bulk, clock, settings.getMaxTransactions(), settings.getTimeout());
    }

    /**
     * Starts the walk of one export, with its bounds.
     *
     * @param port            what the walk reads pages through
     * @param clock           gives the end of an open range and measures the timeout
     * @param maxTransactions more fail the export ({@code EXPORT_TOO_LARGE})
     * @param timeout         the whole export's time ({@code EXPORT_TIMEOUT} after it)
     */
    public record Walks(ListBalanceTransactionsPort port, Clock clock, long maxTransactions, Duration timeout) {

        ParallelWalk of(ExportRequest request) {
            return ParallelWalk.of(port, request.account(), request.query())
                    .withMaxTransactions(maxTransactions)
                    .withTimeout(timeout)
                    .withClock(clock);
        }
    }
}
