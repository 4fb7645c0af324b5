package io.balancegraph.app.access;

import graphql.ExecutionInput;
import io.balancegraph.graphql.AccessGrant;
import io.micronaut.configuration.graphql.GraphQLExecutionInputCustomizer;
import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Puts the caller's {@link AccessGrant}, found by {@link BearerTokenFilter}, into the GraphQL context, where the
 * fields check it before reading an account. A request that did not pass the filter gets {@link AccessGrant#NONE}:
 * access fails closed.
 */
@Primary
@Singleton
public class AccessGrantCustomizer implements GraphQLExecutionInputCustomizer {

    @Override
    @SuppressWarnings("rawtypes") // the interface's signature
    public Publisher<ExecutionInput> customize(ExecutionInput input, HttpRequest httpRequest, MutableHttpResponse<String> response) {
        AccessGrant grant = httpRequest.getAttribute(BearerTokenFilter.GRANT_ATTRIBUTE, AccessGrant.class).orElse(AccessGrant.NONE);
        grant.storeIn(input.getGraphQLContext());
        return Mono.just(input);
    }
}
