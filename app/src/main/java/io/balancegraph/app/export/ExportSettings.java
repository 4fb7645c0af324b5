package io.balancegraph.app.export;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;

import java.time.Duration;

/**
 * The bounds of one CSV export, under {@code balancegraph.export}: past either the export fails with a coded error
 * (before the first byte a JSON answer, after it a response cut short), never a file of part of the transactions.
 * {@link #validate()} checks them; the app's settings check calls it at start-up.
 */
@ConfigurationProperties(ExportSettings.PREFIX)
public class ExportSettings {

    public static final String PREFIX = "balancegraph.export";
    /** The bound: 200,000 transactions an export. */
    public static final long DEFAULT_MAX_TRANSACTIONS = 200_000;
    /** The bound: 2 minutes an export. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    private long maxTransactions = DEFAULT_MAX_TRANSACTIONS;
    private Duration timeout = DEFAULT_TIMEOUT;

    /**
     * Checks every value.
     *
     * @throws ConfigurationException naming the first wrong property
     */
    public void validate() {
        if (maxTransactions < 1) {
            throw new ConfigurationException(PREFIX + ".max-transactions must be 1 or more, not " + maxTransactions);
        }
        if (timeout == null || timeout.isNegative() || timeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new ConfigurationException(PREFIX + ".timeout must be 1s or more, such as 2m, not " + timeout);
        }
    }

    /** The most transactions one export may hold; more fail it with {@code EXPORT_TOO_LARGE}. Default 200,000. */
    public long getMaxTransactions() {
        return maxTransactions;
    }

    public void setMaxTransactions(long maxTransactions) {
        this.maxTransactions = maxTransactions;
    }

    /** The most one export may take, from its first read to its last row; past it {@code EXPORT_TIMEOUT}. Default 2 min. */
    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }
}
