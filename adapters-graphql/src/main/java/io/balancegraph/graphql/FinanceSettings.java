package io.balancegraph.graphql;

import io.balancegraph.domain.walk.ParallelWalk;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;

import java.time.Duration;

/**
 * The finance summaries ({@code Query.activity}), under {@code balancegraph.finance}: how their walks over the
 * transactions run and how long a settled period's summary is kept. {@code new FinanceSettings()} gives the
 * defaults; {@link #validate()} checks the values (the app calls it at start-up).
 */
@ConfigurationProperties(FinanceSettings.PREFIX)
public class FinanceSettings {

    public static final String PREFIX = "balancegraph.finance";

    private Duration walkDeadline = Duration.ofMinutes(2);
    private long maxTransactions = 200_000;
    private int concurrency = ParallelWalk.DEFAULT_CONCURRENCY;
    private Duration summaryTtl = Duration.ofMinutes(10);

    /**
     * Checks every value.
     *
     * @throws ConfigurationException naming the first wrong property
     */
    public void validate() {
        if (walkDeadline == null || walkDeadline.isNegative() || walkDeadline.isZero()) {
            throw new ConfigurationException(PREFIX + ".walk-deadline must be a positive duration such as 2m, not " + walkDeadline);
        }
        if (maxTransactions < 1) {
            throw new ConfigurationException(PREFIX + ".max-transactions must be 1 or more, not " + maxTransactions);
        }
        if (concurrency < 1 || concurrency > ParallelWalk.MAX_CONCURRENCY) {
            throw new ConfigurationException(PREFIX + ".concurrency must be between 1 and " + ParallelWalk.MAX_CONCURRENCY
                    + ", not " + concurrency);
        }
        if (summaryTtl == null || summaryTtl.isNegative()) {
            throw new ConfigurationException(PREFIX + ".summary-ttl must be 0s (keep none) or more, such as 10m, not " + summaryTtl);
        }
    }

    /** The most one summary's walk may take, from its start; past it the summary fails with SUMMARY_TIMEOUT. Default 2 min. */
    public Duration getWalkDeadline() {
        return walkDeadline;
    }

    public void setWalkDeadline(Duration walkDeadline) {
        this.walkDeadline = walkDeadline;
    }

    /** The most transactions one summary's walk may read; past it the summary fails with SUMMARY_TOO_LARGE. Default 200,000. */
    public long getMaxTransactions() {
        return maxTransactions;
    }

    public void setMaxTransactions(long maxTransactions) {
        this.maxTransactions = maxTransactions;
    }

    /** The page reads one walk has out at once, 1 to 100; default 10 (enough to fill Stripe's 25 list reads a second). */
    public int getConcurrency() {
        return concurrency;
    }

    public void setConcurrency(int concurrency) {
        this.concurrency = concurrency;
    }

    /** How long the summary of a settled period (one that ended before it was asked for) is reused; 0s keeps none. Default 10 min. */
    public Duration getSummaryTtl() {
        return summaryTtl;
    }

    public void setSummaryTtl(Duration summaryTtl) {
        this.summaryTtl = summaryTtl;
    }
}
