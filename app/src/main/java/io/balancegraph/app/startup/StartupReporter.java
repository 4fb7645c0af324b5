package io.balancegraph.app.startup;

import io.micronaut.configuration.graphql.GraphQLConfiguration;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says at start-up which ledger is served and where: "Serving demo ledger (no stripe.api-key set) ...". */
@Singleton
public class StartupReporter implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(StartupReporter.class);

    private final LedgerDescription ledger;
    private final GraphQLConfiguration graphql;

    public StartupReporter(LedgerDescription ledger, GraphQLConfiguration graphql) {
        this.ledger = ledger;
        this.graphql = graphql;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        String url = event.getSource().getURL().toString();
        String graphiql = graphql.getGraphiql().isEnabled() ? "GraphiQL " + url + graphql.getGraphiql().getPath() + ", " : "";
        LOG.info("Serving {} at {}{} ({}health {}/health, metrics {}/prometheus)",
                ledger, url, graphql.getPath(), graphiql, url, url);
    }
}
