package io.balancegraph.app.startup;

import io.balancegraph.app.redis.RedisAddress;
import io.balancegraph.graphql.GraphQLSettings;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says at start-up when cursors last only as long as this process: no {@code balancegraph.graphql.cursor-secret}
 * and no Redis to share one ({@code redis.uri}). Behind a load balancer such cursors are refused by the other
 * replicas, and by this one after a restart.
 */
@Singleton
public class CursorKeyNotice implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(CursorKeyNotice.class);

    private final GraphQLSettings settings;
    private final Environment environment;

    public CursorKeyNotice(GraphQLSettings settings, Environment environment) {
        this.settings = settings;
        this.environment = environment;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        boolean configured = settings.getCursorSecret() != null && !settings.getCursorSecret().isEmpty();
        if (!configured && !environment.containsProperty(RedisAddress.PROPERTY)) {
            LOG.info("Cursors are signed with a random key of this process: they last only as long as it runs and other "
                    + "replicas refuse them; set {}.cursor-secret, or redis.uri to share one", GraphQLSettings.PREFIX);
        }
    }
}
