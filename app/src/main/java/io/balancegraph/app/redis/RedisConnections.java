package io.balancegraph.app.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * This replica's connections to the Redis of {@code redis.uri}, made on first use, not at start-up: a replica starts
 * (and serves, degraded) while Redis is down, and connects once it is back. Micronaut Redis makes the
 * {@link RedisClient} (its threads and metrics); the options here make Redis trouble cost at most
 * {@code balancegraph.redis.command-timeout} per command, and while the connection is lost commands fail at once
 * instead of queuing until it is back. Connecting may take longer ({@link RedisSettings#connectTimeout()}: the first
 * connection of a JVM also loads and starts Lettuce's Netty), and is only waited for until one connection stands. Lettuce reconnects an
 * established connection by itself; one that never connected is tried again on the next use.
 */
@Singleton
@Requires(property = RedisAddress.PROPERTY)
@Bean(preDestroy = "close")
public class RedisConnections implements AutoCloseable {

    private final RedisURI uri;
    private final Link<StatefulRedisConnection<String, String>> strings;
    private final Link<StatefulRedisConnection<byte[], byte[]>> bytes;
    private final Link<StatefulRedisPubSubConnection<String, String>> pubSub;

    public RedisConnections(RedisClient client, Environment environment, RedisSettings settings) {
        this.uri = RedisAddress.check(environment.getProperty(RedisAddress.PROPERTY, String.class).orElse(""));
        this.uri.setTimeout(settings.getCommandTimeout());
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(settings.getCommandTimeout()))
                .socketOptions(SocketOptions.builder().connectTimeout(settings.connectTimeout()).build())
                .build());
        this.strings = new Link<>(() -> client.connectAsync(StringCodec.UTF8, uri).toCompletableFuture());
        this.bytes = new Link<>(() -> client.connectAsync(ByteArrayCodec.INSTANCE, uri).toCompletableFuture());
        this.pubSub = new Link<>(() -> client.connectPubSubAsync(StringCodec.UTF8, uri).toCompletableFuture());
    }

    /** Where this replica's Redis is, without credentials: for logs. */
    public String address() {
        return uri.getSocket() != null ? uri.getSocket() : uri.getHost() + ":" + uri.getPort();
    }

    /** The connection for text keys and values. */
    public CompletableFuture<StatefulRedisConnection<String, String>> strings() {
        return strings.get();
    }

    /** The connection for binary values (the rate buckets' state). */
    public CompletableFuture<StatefulRedisConnection<byte[], byte[]>> bytes() {
        return bytes.get();
    }

    /** The connection that subscribes to channels. */
    public CompletableFuture<StatefulRedisPubSubConnection<String, String>> pubSub() {
        return pubSub.get();
    }

    @Override
    public void close() {
        strings.close();
        bytes.close();
        pubSub.close();
    }

    /** One connection, made when first asked for, and again when the last attempt failed. */
    private static final class Link<C extends StatefulConnection<?, ?>> {
        private final Supplier<CompletableFuture<C>> connect;
        private CompletableFuture<C> current;
        private boolean closed;

        Link(Supplier<CompletableFuture<C>> connect) {
            this.connect = connect;
        }

        synchronized CompletableFuture<C> get() {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("the Redis connections are closed"));
            }
            if (current == null || current.isCompletedExceptionally()) {
                try {
                    current = connect.get();
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }
            return current;
        }

        synchronized void close() {
            closed = true;
            if (current != null) {
                current.thenAccept(StatefulConnection::close);
            }
        }
    }
}
