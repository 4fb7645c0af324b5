package io.balancegraph.app.access;

import io.balancegraph.graphql.AccessGrant;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Authenticates every request to the GraphQL endpoint and the schema under it, and to the CSV export, before
 * anything reads the body, and leaves the caller's {@link AccessGrant} on the request for
 * {@link io.balancegraph.app.http.GraphQLContextCustomizer} and {@link io.balancegraph.app.export.ExportController}.
 * Runs after the CORS filter, so preflights are answered without a token.
 */
@ServerFilter({"${graphql.path:/graphql}", "${graphql.path:/graphql}/**", "/export/**"})
public class BearerTokenFilter implements Ordered {

    /** The request attribute that carries the caller's grant from here to the GraphQL context and the export. */
    public static final String GRANT_ATTRIBUTE = AccessGrant.class.getName();

    private final AccessControl accessControl;

    public BearerTokenFilter(AccessControl accessControl) {
        this.accessControl = accessControl;
    }

    @RequestFilter
    public void authenticate(HttpRequest<?> request) {
        AccessGrant grant = accessControl.authenticate(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
        request.setAttribute(GRANT_ATTRIBUTE, grant);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }
}
