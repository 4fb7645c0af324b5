package io.balancegraph.app.config;

import io.balancegraph.app.demo.DemoSettings;
import io.balancegraph.app.export.ExportSettings;
import io.balancegraph.app.redis.RedisAddress;
import io.balancegraph.app.redis.RedisSettings;
import io.balancegraph.app.subscriptions.SubscriptionSettings;
import io.balancegraph.app.webhooks.WebhookSettings;
import io.balancegraph.domain.text.Echo;
import io.balancegraph.graphql.CacheSettings;
import io.balancegraph.graphql.FinanceSettings;
import io.balancegraph.graphql.GraphQLSettings;
import io.balancegraph.stripe.config.StripeConfiguration;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.server.HttpServerConfiguration;

import java.util.List;

/**
 * Checks the settings the app reads that nothing else checks at start-up, before any other eager bean is built
 * ({@link Order} first among the {@code @Context} beans) and so before the server binds its port. The GraphQL
 * and cache settings are otherwise only read when the GraphQL engine is first built, after the server answers (the
 * export settings when the first export starts, the webhook, subscription and demo settings when the first delivery, connection or tick comes);
 * a value Micronaut cannot convert surfaces here for the same reason. The access tokens ({@code AccessControl}) and
 * the CORS origins ({@code CorsConfigurer}) are checked by their own {@code @Context} beans; the Stripe settings
 * again by the ledger's factory, with the same method. {@code redis.uri} is checked here because nothing else reads
 * it before a Redis command is first sent (the connections are made on first use).
 */
@Context
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SettingsCheck {

    static final String PORT = "micronaut.server.port";
    static final String STRIPE_KEY = "stripe.api-key";
    /**
     * Micronaut reads any text as a boolean ("maybe" is {@code false}), so a typo in
     * {@code balancegraph.access.enabled} could turn access control off: these must say true or false.
     */
    static final List<String> BOOLEANS = List.of("balancegraph.access.enabled", "balancegraph.graphql.introspection",
            "graphql.graphql-ws.enabled");

    public SettingsCheck(Environment environment, GraphQLSettings graphql, CacheSettings cache, FinanceSettings finance,
                         ExportSettings export, BeanProvider<StripeConfiguration> stripe, WebhookSettings webhooks,
                         SubscriptionSettings subscriptions, DemoSettings demo, BeanProvider<HttpServerConfiguration> server,
                         BeanProvider<RedisSettings> redis) {
        BOOLEANS.forEach(key -> requireBoolean(environment, key));
        requirePort(environment);
        graphql.validate();
        cache.validate();
        finance.validate();
        export.validate();
        webhooks.validate(environment.getProperty(WebhookSettings.SECRET, String.class).orElse(null), server.get().getMaxRequestSize());
        subscriptions.validate();
        demo.validate(environment.containsProperty(STRIPE_KEY));
        if (environment.containsProperty(STRIPE_KEY)) {
            stripe.get().checkedSettings();
        }
        if (environment.containsProperty(RedisAddress.PROPERTY)) {
            RedisAddress.check(environment.getProperty(RedisAddress.PROPERTY, String.class).orElse(""));
            redis.get().validate();
        }
    }

    private static void requireBoolean(Environment environment, String key) {
        environment.getProperty(key, String.class).ifPresent(value -> {
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                throw new ConfigurationException(key + " must be true or false, not '" + Echo.shorten(value) + "'");
            }
        });
    }

    private static void requirePort(Environment environment) {
        environment.getProperty(PORT, String.class).ifPresent(value -> {
            int port;
            try {
                port = Integer.parseInt(value.strip());
            } catch (NumberFormatException notANumber) {
                port = Integer.MIN_VALUE;
            }
            if (port < -1 || port > 65_535) {
                throw new ConfigurationException(PORT + " must be a port number from 0 to 65535 (-1: any free port), not '"
                        + Echo.shorten(value) + "'");
            }
        });
    }
}
