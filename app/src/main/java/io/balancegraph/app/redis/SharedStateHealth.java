package io.balancegraph.app.redis;

import io.balancegraph.stripe.SharedBudget;
import io.micronaut.configuration.lettuce.health.RedisHealthIndicator;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * Redis in {@code /health}, in place of Micronaut Redis' indicator: a replica whose Redis is down still answers
 * (degraded, with its local share of the budget), so it stays UP; a load balancer that took every replica out when
 * Redis failed would turn a Redis outage into a full one. The details say whether the budget is shared.
 */
@Singleton
@Replaces(RedisHealthIndicator.class)
@Requires(property = RedisAddress.PROPERTY)
public class SharedStateHealth implements HealthIndicator {

    private final RedisConnections redis;
    private final SharedBudget budget;

    public SharedStateHealth(RedisConnections redis, @Nullable SharedBudget budget) {
        this.redis = redis;
        this.budget = budget;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        boolean degraded = budget != null && budget.degraded();
        return Mono.just(HealthResult.builder("redis", HealthStatus.UP)
                .details(Map.of("address", redis.address(), "stripeBudget", degraded ? "local share" : "shared"))
                .build());
    }
}
