package io.balancegraph.app.subscriptions;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;

import java.time.Duration;

/**
 * {@code balancegraph.subscriptions}: the bounds of the graphql-ws endpoint ({@code /graphql-ws}). The protocol's own
 * settings stay Micronaut GraphQL's: {@code graphql.graphql-ws.enabled}, {@code .path} and
 * {@code .connection-init-wait-timeout}. {@link #validate} checks these at start-up.
 */
@ConfigurationProperties("balancegraph.subscriptions")
public class SubscriptionSettings {

    private int maxPerConnection = 20;
    private int maxConnections = 1_000;
    private int maxConnectionsPerToken = 20;
    private Duration pingInterval = Duration.ofSeconds(30);

    /** @throws ConfigurationException naming the first wrong key */
    public void validate() {
        atLeast(1, maxPerConnection, "max-per-connection");
        atLeast(1, maxConnections, "max-connections");
        atLeast(1, maxConnectionsPerToken, "max-connections-per-token");
        if (pingInterval == null || pingInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new ConfigurationException("balancegraph.subscriptions.ping-interval must be 1s or more, such as 30s, not " + pingInterval);
        }
    }

    private static void atLeast(int least, int value, String key) {
        if (value < least) {
            throw new ConfigurationException("balancegraph.subscriptions." + key + " must be " + least + " or more, not " + value);
        }
    }

    /** The most subscriptions one connection may run at once; one more is refused with {@code TOO_MANY_SUBSCRIPTIONS}. */
    public int getMaxPerConnection() {
        return maxPerConnection;
    }

    public void setMaxPerConnection(int maxPerConnection) {
        this.maxPerConnection = maxPerConnection;
    }

    /** The most open connections the server keeps; past it a new one is closed with 1013 (try again later). */
    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    /** The most connections one bearer token may hold at once (not counted with access control off). */
    public int getMaxConnectionsPerToken() {
        return maxConnectionsPerToken;
    }

    public void setMaxConnectionsPerToken(int maxConnectionsPerToken) {
        this.maxConnectionsPerToken = maxConnectionsPerToken;
    }

    /**
     * How often the server pings each connection; one that has sent nothing (no pong either) since the last ping is
     * closed with 4408, so a dead connection is gone within two intervals.
     */
    public Duration getPingInterval() {
        return pingInterval;
    }

    public void setPingInterval(Duration pingInterval) {
        this.pingInterval = pingInterval;
    }
}
