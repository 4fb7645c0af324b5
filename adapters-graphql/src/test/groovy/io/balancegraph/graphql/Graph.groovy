package io.balancegraph.graphql

import graphql.ExecutionInput
import graphql.GraphQL
import io.balancegraph.domain.demo.DemoLedger
import io.balancegraph.domain.port.BalanceLedger
import io.balancegraph.graphql.read.Ports
import io.balancegraph.graphql.read.SharedReads

import java.time.Clock
import java.time.Duration
import java.util.concurrent.CompletableFuture

/** The GraphQL engine over a ledger, as the app builds it but without HTTP: runs a query and returns the JSON-shaped answer. */
class Graph {

    final GraphQL graphQL
    final SharedReads shared

    Graph(BalanceLedger ledger = DemoLedger.create(), GraphQLSettings settings = new GraphQLSettings(),
          Duration ttl = Duration.ZERO, Clock clock = Clock.systemUTC()) {
        shared = new SharedReads(Ports.of(ledger), ttl, clock)
        graphQL = BalanceGraph.create(shared, settings)
    }

    /** The engine over shared reads made by the spec, deciding with {@code clock} whether a period has ended. */
    Graph(SharedReads shared, GraphQLSettings settings, Clock clock) {
        this.shared = shared
        graphQL = BalanceGraph.create(shared, settings, clock)
    }

    /** The engine over a ledger whose summaries walk with these finance settings on this clock. */
    static Graph withFinance(BalanceLedger ledger, Map finance, Clock clock, GraphQLSettings settings = new GraphQLSettings()) {
        def financeSettings = new FinanceSettings()
        finance.each { key, value -> financeSettings[key] = value }
        new Graph(new SharedReads(Ports.of(ledger, financeSettings, clock), Duration.ZERO, financeSettings.summaryTtl, clock),
                settings, clock)
    }

    static GraphQLSettings settings(Map properties) {
        def settings = new GraphQLSettings()
        properties.each { key, value -> settings[key] = value }
        settings
    }

    /** The answer as a client sees it ({@code data}, {@code errors}), with the whole request granted access. */
    Map run(String query, Map variables = [:], AccessGrant grant = AccessGrant.ALL, String operationName = null) {
        start(query, variables, grant, operationName).join()
    }

    CompletableFuture<Map> start(String query, Map variables = [:], AccessGrant grant = AccessGrant.ALL, String operationName = null) {
        def input = ExecutionInput.newExecutionInput(query).variables(variables).operationName(operationName).build()
        if (grant != null) {
            grant.storeIn(input.graphQLContext)
        }
        graphQL.executeAsync(input).thenApply { it.toSpecification() }
    }
}
