package io.balancegraph.app.redis;

import io.balancegraph.domain.error.Failures;
import io.balancegraph.graphql.GraphQLSettings;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Without a configured {@code balancegraph.graphql.cursor-secret}, the replicas agree on one through Redis: the
 * first to start creates a random secret ({@code SET NX}, so of replicas starting together exactly one wins), every
 * replica then reads the one that is there. A cursor issued by any replica is then valid at every other, and after
 * restarts, for as long as Redis keeps the key (it has no expiry; a Redis that loses its data makes a new secret,
 * and the cursors issued before are refused as any foreign cursor is, with {@code BAD_USER_INPUT}).
 *
 * <p>Runs when the settings are first made, at start-up (the settings check needs them). It tries {@value #ATTEMPTS}
 * times, each waiting at most the connect timeout and two command timeouts, a command timeout apart: a JVM's first
 * connection also starts Netty, which on a busy host (replicas starting together) can take longer than the connect
 * timeout, and a replica that misses the key signs with one of its own until it restarts. Then it goes on with a
 * key of its own, and says so.
 */
@Singleton
@Requires(property = RedisAddress.PROPERTY)
public class SharedCursorSecret implements BeanCreatedEventListener<GraphQLSettings> {

    /** The Redis key of the shared secret. */
    public static final String KEY = "balancegraph:cursor-secret";
    private static final Logger LOG = LoggerFactory.getLogger(SharedCursorSecret.class);
    static final int ATTEMPTS = 3;

    private final BeanProvider<RedisConnections> connections;
    private final RedisSettings settings;
    private final Environment environment;

    public SharedCursorSecret(BeanProvider<RedisConnections> connections, RedisSettings settings, Environment environment) {
        this.connections = connections;
        this.settings = settings;
        this.environment = environment;
    }

    @Override
    public GraphQLSettings onCreated(BeanCreatedEvent<GraphQLSettings> event) {
        GraphQLSettings graphql = event.getBean();
        if (graphql.getCursorSecret() != null && !graphql.getCursorSecret().isEmpty() || !redisSettingsRight()) {
            return graphql;
        }
        RedisConnections redis = connections.get();
        try {
            graphql.setCursorSecret(shared(redis));
            LOG.info("Cursors are signed with the key the replicas share through Redis at {}", redis.address());
        } catch (ExecutionException | TimeoutException | RuntimeException failed) {
            LOG.warn("Redis at {} did not give the shared cursor key ({}): this replica signs cursors with a key of its "
                            + "own, valid only here and until it restarts; set {}.cursor-secret to avoid this",
                    redis.address(), Failures.unwrap(failed).toString(), GraphQLSettings.PREFIX);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return graphql;
    }

    /** Wrong Redis settings are the settings check's to report (this runs while its arguments are made). */
    private boolean redisSettingsRight() {
        try {
            RedisAddress.check(environment.getProperty(RedisAddress.PROPERTY, String.class).orElse(""));
            settings.validate();
            return true;
        } catch (ConfigurationException wrong) {
            return false;
        }
    }

    private String shared(RedisConnections redis) throws ExecutionException, InterruptedException, TimeoutException {
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(redis);
            } catch (ExecutionException | TimeoutException failed) {
                if (attempt == ATTEMPTS) {
                    throw failed;
                }
                LOG.debug("Redis did not give the shared cursor key (attempt {} of {})", attempt, ATTEMPTS, failed);
                Thread.sleep(settings.getCommandTimeout().toMillis());
            }
        }
    }

    private String attempt(RedisConnections redis) throws ExecutionException, InterruptedException, TimeoutException {
        long timeout = settings.connectTimeout().toNanos() + settings.getCommandTimeout().toNanos() * 2;
        long start = System.nanoTime();
        RedisAsyncCommands<String, String> commands = redis.strings().get(timeout, TimeUnit.NANOSECONDS).async();
        long left = Math.max(1, timeout - (System.nanoTime() - start));
        return commands.set(KEY, randomSecret(), SetArgs.Builder.nx())
                .thenCompose(ignored -> commands.get(KEY))
                .toCompletableFuture().get(left, TimeUnit.NANOSECONDS);
    }

    private static String randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }
}
