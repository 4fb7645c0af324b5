package io.balancegraph.app.http;

import graphql.ExecutionInput;
import io.balancegraph.app.access.BearerTokenFilter;
import io.balancegraph.graphql.AccessGrant;
import io.balancegraph.graphql.QueriesOnly;
import io.micronaut.configuration.graphql.GraphQLExecutionInputCustomizer;
import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Puts what the HTTP layer knows about a request into its GraphQL context, where the engine checks it: the
 * caller's {@link AccessGrant}, found by {@link BearerTokenFilter} (a request that did not pass the filter gets
 * {@link AccessGrant#NONE}: access fails closed), and, for a GET, {@link QueriesOnly}, so the engine refuses a
 * mutation once it has parsed the document (the controller answers that with a 405).
 */
@Primary
@Singleton
public class GraphQLContextCustomizer implements GraphQLExecutionInputCustomizer {

    @Override
    @SuppressWarnings("rawtypes") // the interface's signature
    public Publisher<ExecutionInput> customize(ExecutionInput input, HttpRequest httpRequest, MutableHttpResponse<String> response) {
        AccessGrant grant = httpRequest.getAttribute(BearerTokenFilter.GRANT_ATTRIBUTE, AccessGrant.class).orElse(AccessGrant.NONE);
        grant.storeIn(input.getGraphQLContext());
        if (httpRequest.getMethod() == HttpMethod.GET) {
            QueriesOnly.storeIn(input.getGraphQLContext());
        }
        return Mono.just(input);
    }
}
