package io.balancegraph.app.redis;

import io.balancegraph.app.events.SeenEvents;
import io.lettuce.core.SetArgs;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link SeenEvents} shared by the replicas, when {@code redis.uri} is set: an event id is first seen by whichever
 * replica sets its key ({@code SET NX EX}, atomic), so Stripe's re-delivery to another replica is recognised. The
 * memory lasts {@link #MEMORY} (Stripe re-delivers for up to three days). When Redis does not answer within the
 * command timeout the event counts as new: handling an event twice (dropping cached reads again) is harmless,
 * losing one is not.
 */
@Singleton
@Primary
@Requires(property = RedisAddress.PROPERTY)
public class RedisSeenEvents implements SeenEvents {

    /** How long an event id is remembered. */
    public static final Duration MEMORY = Duration.ofDays(3);
    static final String KEY_PREFIX = "balancegraph:seen-event:";
    private static final Logger LOG = LoggerFactory.getLogger(RedisSeenEvents.class);

    private final RedisConnections redis;
    private final RedisSettings settings;

    public RedisSeenEvents(RedisConnections redis, RedisSettings settings) {
        this.redis = redis;
        this.settings = settings;
    }

    @Override
    public boolean firstTime(String eventId) {
        try {
            String set = redis.strings()
                    .thenCompose(connection -> connection.async().set(KEY_PREFIX + eventId, "1",
                            SetArgs.Builder.nx().ex(MEMORY)))
                    .get(settings.connectTimeout().plus(settings.getCommandTimeout()).toNanos(), TimeUnit.NANOSECONDS);
            return "OK".equals(set);
        } catch (ExecutionException | TimeoutException | RuntimeException failed) {
            LOG.warn("Redis at {} did not say whether event {} was seen ({}): handling it as new", redis.address(),
                    eventId, failed.toString());
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
