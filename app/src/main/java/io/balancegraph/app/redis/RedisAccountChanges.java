package io.balancegraph.app.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.balancegraph.app.events.AccountChange;
import io.balancegraph.app.events.AccountChanges;
import io.balancegraph.domain.account.Account;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@link AccountChanges} through Redis pub/sub, when {@code redis.uri} is set: a change published by one replica
 * reaches the listeners of every replica, and the account's reads kept in Redis are dropped for all
 * ({@link RedisReadStore#invalidate}). This replica's listeners hear its own changes at once, not through
 * Redis, so a fan-out that fails (counted in {@code balancegraph_redis_fanout_failures_total}, logged) still takes
 * effect here; messages carry the publishing replica's id, and it skips its own when they come back.
 *
 * <p>The subscription is made when the bean is (Lettuce re-subscribes by itself after a reconnect); when Redis is
 * down at that moment it is tried again every {@value #RESUBSCRIBE_SECONDS} s. Changes published while a replica
 * is cut off from Redis do not reach it: its cache entries of that account live until their time-to-live.
 */
@Singleton
@Primary
@Requires(property = RedisAddress.PROPERTY)
@Bean(preDestroy = "close")
public class RedisAccountChanges implements AccountChanges, AutoCloseable {

    /** The channel the changes go through. */
    public static final String CHANNEL = "balancegraph:account-changes";
    static final int RESUBSCRIBE_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(RedisAccountChanges.class);

    private final RedisConnections redis;
    private final RedisReadStore reads;
    private final ObjectMapper json = new ObjectMapper();
    private final String origin = UUID.randomUUID().toString();
    private final List<Consumer<AccountChange>> listeners = new CopyOnWriteArrayList<>();
    private final Counter failures;
    private volatile boolean closed;

    public RedisAccountChanges(RedisConnections redis, RedisReadStore reads, @Nullable MeterRegistry metrics) {
        this.redis = redis;
        this.reads = reads;
        this.failures = metrics == null ? null : Counter.builder("balancegraph.redis.fanout.failures")
                .description("Account changes this replica could not fan out to the others through Redis")
                .register(metrics);
        subscribe();
    }

    @Override
    public void publish(AccountChange change) {
        deliver(change);
        String message;
        try {
            message = json.writeValueAsString(Map.of("origin", origin, "account", change.account().name(),
                    "eventId", change.eventId(), "eventType", change.eventType()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        // The shared cache moves on first, so a replica that hears the change and reads again misses in Redis too.
        reads.invalidate(change.account())
                .thenCompose(generation -> redis.strings())
                .thenCompose(connection -> connection.async().publish(CHANNEL, message))
                .whenComplete((receivers, failure) -> {
                    if (failure != null) {
                        if (failures != null) {
                            failures.increment();
                        }
                        LOG.warn("Could not tell the other replicas through Redis at {} that {} changed ({}): their "
                                + "caches of it expire by their time-to-live", redis.address(), change.account(), failure.toString());
                    }
                });
    }

    @Override
    public AutoCloseable subscribe(Consumer<AccountChange> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        closed = true;
    }

    private void subscribe() {
        redis.pubSub().thenCompose(connection -> {
            connection.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    received(message);
                }
            });
            return connection.async().subscribe(CHANNEL);
        }).whenComplete((ignored, failure) -> {
            if (failure != null && !closed) {
                LOG.debug("Subscribing to {} failed; trying again in {} s", CHANNEL, RESUBSCRIBE_SECONDS, failure);
                CompletableFuture.delayedExecutor(RESUBSCRIBE_SECONDS, TimeUnit.SECONDS).execute(this::subscribe);
            }
        });
    }

    private void received(String message) {
        try {
            JsonNode node = json.readTree(message);
            if (origin.equals(node.path("origin").asText())) {
                return;
            }
            deliver(new AccountChange(Account.parse(node.path("account").asText()), node.path("eventId").asText(),
                    node.path("eventType").asText()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException malformed) {
            LOG.warn("Ignored a message on {} that is not an account change: {}", CHANNEL, malformed.toString());
        }
    }

    private void deliver(AccountChange change) {
        for (Consumer<AccountChange> listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                LOG.warn("A listener of account changes failed on {}", change, e);
            }
        }
    }
}
