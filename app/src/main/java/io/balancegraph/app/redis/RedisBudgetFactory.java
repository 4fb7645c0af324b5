package io.balancegraph.app.redis;

import io.balancegraph.stripe.SharedBudget;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * The Stripe budget shared through Redis, when {@code redis.uri} is set: the Stripe ledger's factory takes it, so
 * every replica with the same key draws on one budget. Its state is in {@code /prometheus}:
 * {@code balancegraph_redis_budget_degraded} (1 while each replica keeps to its local share) and
 * {@code balancegraph_redis_budget_fallbacks_total} (requests that did).
 */
@Factory
@Requires(property = RedisAddress.PROPERTY)
public class RedisBudgetFactory {

    @Singleton
    public SharedBudget sharedBudget(RedisConnections redis, RedisSettings settings, @Nullable MeterRegistry metrics) {
        SharedBudget budget = SharedBudget.onRedis(redis::bytes, "Redis at " + redis.address(), settings.getReplicas(),
                settings.getCommandTimeout());
        if (metrics != null) {
            Gauge.builder("balancegraph.redis.budget.degraded", budget, shared -> shared.degraded() ? 1 : 0)
                    .description("1 while the shared Stripe budget is unavailable and this replica keeps to its local share")
                    .register(metrics);
            FunctionCounter.builder("balancegraph.redis.budget.fallbacks", budget, SharedBudget::fallbacks)
                    .description("Stripe requests that kept to this replica's local share instead of the shared budget")
                    .register(metrics);
        }
        return budget;
    }
}
