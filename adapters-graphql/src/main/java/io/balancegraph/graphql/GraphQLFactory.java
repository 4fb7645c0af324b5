package io.balancegraph.graphql;

import graphql.GraphQL;
import io.balancegraph.domain.port.ReadBalancePort;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Makes the {@link GraphQL} bean that Micronaut GraphQL serves, from whichever ports the app wired. */
@Factory
public class GraphQLFactory {

    @Singleton
    public GraphQL graphQL(ReadBalancePort balances) {
        return GraphQL.newGraphQL(BalanceGraphSchema.create(balances)).build();
    }
}
