package io.balancegraph.app.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every error the HTTP layer writes, in the shape of a GraphQL response so that clients parse one format:
 * {@code {"errors":[{"message":"...","extensions":{"code":"BAD_REQUEST"}}]}}. The code follows the status.
 */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    /** The stable code clients can switch on: the status's name, in the words GraphQL APIs use for 401 and 413. */
    public static String code(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> "UNAUTHENTICATED";
            case REQUEST_ENTITY_TOO_LARGE -> "PAYLOAD_TOO_LARGE";
            default -> status.name();
        };
    }

    public static MutableHttpResponse<String> of(HttpRequest<?> request, HttpStatus status, String message) {
        ResponseMediaType type = ResponseMediaType.negotiateOrJson(request);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", Map.of("code", code(status)));
        return HttpResponse.<String>status(status)
                .contentType(type.contentType())
                .body(GraphQLJson.write(Map.of("errors", List.of(error))));
    }

    public static MutableHttpResponse<String> of(HttpRequest<?> request, RejectedRequestException rejected) {
        MutableHttpResponse<String> response = of(request, rejected.status(), rejected.getMessage());
        rejected.headers().forEach(response::header);
        return response;
    }
}
