package io.balancegraph.app;

import graphql.ExecutionInput;
import io.balancegraph.graphql.AccessGrant;
import io.micronaut.configuration.graphql.GraphQLExecutionInputCustomizer;
import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/** Grants every request access to every account. Placeholder until token-based access control lands. */
@Primary
@Singleton
public class OpenAccessCustomizer implements GraphQLExecutionInputCustomizer {

    @Override
    public Publisher<ExecutionInput> customize(ExecutionInput input, HttpRequest httpRequest, MutableHttpResponse<String> response) {
        AccessGrant.ALL.storeIn(input.getGraphQLContext());
        return Mono.just(input);
    }
}
