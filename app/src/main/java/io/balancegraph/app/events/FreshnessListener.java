package io.balancegraph.app.events;

import io.balancegraph.graphql.Freshness;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This replica's listener of the fan-out: every {@link AccountChange}, whichever replica received its event, drops
 * the account's cached reads here and refreshes its subscriptions here ({@link Freshness}). Subscribed at start-up,
 * before the server listens, so no change is missed.
 */
@Context
public class FreshnessListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FreshnessListener.class);

    private final AutoCloseable subscription;

    public FreshnessListener(AccountChanges changes, Freshness freshness) {
        this.subscription = changes.subscribe(change -> {
            Freshness.Effect effect = freshness.accountChanged(change.account());
            LOG.debug("{} ({}) for {}: {} cached read(s) dropped, {} feed(s) refreshed", change.eventId(), change.eventType(),
                    change.account().name(), effect.readsDropped(), effect.feedsRefreshed());
        });
    }

    @Override
    @PreDestroy
    public void close() throws Exception {
        subscription.close();
    }
}
