package io.balancegraph.app.redis;

import io.balancegraph.domain.account.Account;
import io.balancegraph.graphql.SharedReadStore;
import io.balancegraph.stripe.SharedBudget;
import io.lettuce.core.ScriptOutputType;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The read cache shared by the replicas, in Redis, when {@code redis.uri} is set (the GraphQL module serializes,
 * keys and expires; this keeps bytes). Each account has a generation ({@code balancegraph:read-gen:<account>}, 0
 * until the first change); its entries are kept under it ({@code balancegraph:read:<account>:<key>:<generation>},
 * with the time-to-live as Redis expiry), and a change of the account ({@link #invalidate}, by the webhook fan-out)
 * increments it, so every replica's next lookup misses. A lookup reads the generation and the entry in one Lua
 * call (one round trip, one consistent view); an entry is kept under the generation its lookup saw, so an answer
 * read before a change is never served after it. The keys are computed in the script, which suits one Redis (not a
 * Redis Cluster).
 *
 * <p>While the shared Stripe budget is degraded (its circuit breaker found Redis failing), lookups do not ask Redis:
 * they fail at once and the read goes to Stripe, as a failed lookup does. Without this a Redis that hangs rather than
 * refuses cost every read one command timeout (measured: 1 s reads with a 1 s timeout, ReplicasIT); with it, only the
 * reads that find out, and one probe every time the breaker lets one through. A failed lookup opens that breaker
 * ({@link SharedBudget#redisFailed}): the read then takes its Stripe permits from the local share at once, so a hung
 * Redis costs a request one command timeout, not one per Redis call it makes.
 */
@Singleton
@Requires(property = RedisAddress.PROPERTY)
public class RedisReadStore implements SharedReadStore {

    static final String GENERATION = "balancegraph:read-gen:";
    static final String ENTRY = "balancegraph:read:";
    private static final String FIND = "local g = redis.call('GET', KEYS[1]) or '0' "
            + "return {g, redis.call('GET', KEYS[2] .. ':' .. g)}";
    private static final Logger LOG = LoggerFactory.getLogger(RedisReadStore.class);

    private final RedisConnections redis;
    private final SharedBudget budget;

    public RedisReadStore(RedisConnections redis, SharedBudget budget) {
        this.redis = redis;
        this.budget = budget;
    }

    @Override
    public CompletionStage<Entry> find(Account account, String key) {
        if (budget.degraded()) {
            return CompletableFuture.failedFuture(new IllegalStateException("Redis at " + redis.address()
                    + " is not asked while the shared Stripe budget is degraded"));
        }
        return redis.strings()
                .thenCompose(connection -> connection.async().<List<Object>>eval(FIND, ScriptOutputType.MULTI,
                        GENERATION + account.name(), ENTRY + account.name() + ":" + key))
                .thenApply(reply -> new Entry(reply.get(1) == null ? null
                        : ((String) reply.get(1)).getBytes(StandardCharsets.UTF_8), (String) reply.get(0)))
                .whenComplete((entry, failure) -> {
                    if (failure != null) {
                        budget.redisFailed(failure);
                    }
                });
    }

    @Override
    public void keep(Account account, String key, String version, byte[] value, Duration ttl) {
        redis.strings()
                .thenCompose(connection -> connection.async().psetex(ENTRY + account.name() + ":" + key + ":" + version,
                        ttl.toMillis(), new String(value, StandardCharsets.UTF_8)))
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        LOG.debug("Could not keep a read of {} in Redis at {}", account, redis.address(), failure);
                    }
                });
    }

    /** Drops every kept read of the account, for every replica: its generation moves on. */
    public CompletableFuture<Long> invalidate(Account account) {
        return redis.strings().thenCompose(connection -> connection.async().incr(GENERATION + account.name()));
    }
}
