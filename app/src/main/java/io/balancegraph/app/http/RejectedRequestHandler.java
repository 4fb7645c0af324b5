package io.balancegraph.app.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Writes a {@link RejectedRequestException} as its status and a GraphQL-shaped error body. */
@Singleton
public class RejectedRequestHandler implements ExceptionHandler<RejectedRequestException, HttpResponse<String>> {

    @Override
    @SuppressWarnings("rawtypes") // the interface's signature
    public HttpResponse<String> handle(HttpRequest request, RejectedRequestException rejected) {
        return ErrorResponses.of(request, rejected);
    }
}
