package io.balancegraph.graphql

import graphql.ExecutionInput
import io.micronaut.configuration.graphql.GraphQLExecutionInputCustomizer
import io.micronaut.context.annotation.Factory
import io.micronaut.context.annotation.Primary
import io.micronaut.context.annotation.Requires
import io.micronaut.http.HttpRequest
import io.micronaut.http.MutableHttpResponse
import jakarta.inject.Singleton
import org.reactivestreams.Publisher
import reactor.core.publisher.Mono

/** The beans the app would provide, for the HTTP specs of this module: a recording demo ledger and a grant per request. */
@Factory
@Requires(property = 'spec.http', value = 'true')
class HttpFixtures {

    /** The app provides a {@code BalanceLedger}; here it is the demo ledger, recorded. */
    @Singleton
    RecordingLedger ledger() {
        new RecordingLedger()
    }

    /**
     * Stands in for the HTTP layer's access control: the {@code X-Test-Grant} header lists the accounts the
     * request may read ({@code *} for all); without it nothing is stored, so access fails closed.
     */
    @Singleton
    @Primary
    GraphQLExecutionInputCustomizer grantFromHeader() {
        new GraphQLExecutionInputCustomizer() {
            @Override
            Publisher<ExecutionInput> customize(ExecutionInput input, HttpRequest httpRequest, MutableHttpResponse<String> response) {
                def header = httpRequest.headers.get('X-Test-Grant')
                if (header != null) {
                    new AccessGrant(header.split(',').collect { it.trim() } as Set).storeIn(input.graphQLContext)
                }
                Mono.just(input)
            }
        }
    }
}
