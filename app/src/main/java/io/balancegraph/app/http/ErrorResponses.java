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
 * {@code {"errors":[{"message":"...","extensions":{"code":"BAD_REQUEST"}}]}}. The code follows the status unless the
 * refusal names its own (the CSV export's {@code RATE_LIMITED}, {@code EXPORT_TOO_LARGE}, ...), with its extensions.
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
        return of(request, status, code(status), message, Map.of());
    }

    public static MutableHttpResponse<String> of(HttpRequest<?> request, RejectedRequestException rejected) {
        MutableHttpResponse<String> response = of(request, rejected.status(), rejected.code(), rejected.getMessage(),
                rejected.extensions());
        rejected.headers().forEach(response::header);
        return response;
    }

    private static MutableHttpResponse<String> of(HttpRequest<?> request, HttpStatus status, String code, String message,
                                                  Map<String, Object> more) {
        ResponseMediaType type = ResponseMediaType.negotiateOrJson(request);
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        extensions.putAll(more);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", extensions);
        return HttpResponse.<String>status(status)
                .contentType(type.contentType())
                .body(GraphQLJson.write(Map.of("errors", List.of(error))));
    }
}
