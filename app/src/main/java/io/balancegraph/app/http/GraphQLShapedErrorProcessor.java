package io.balancegraph.app.http;

import io.balancegraph.app.webhooks.WebhookSettings;
import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Writes the errors Micronaut itself raises (no such path, a method the path does not take, a body over the size
 * limit, an unexpected exception) in the same GraphQL-shaped JSON as the endpoint's own errors. The message is a
 * fixed sentence per status, never the exception's text: Micronaut's default 500 body would carry
 * {@code "Internal Server Error: " + exception.getMessage()}, and a 400 from a converter carries parser details.
 * Micronaut logs the exception of a 500 itself.
 */
@Primary
@Singleton
public class GraphQLShapedErrorProcessor implements ErrorResponseProcessor<String> {

    @Override
    public MutableHttpResponse<String> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        if (status == HttpStatus.REQUEST_ENTITY_TOO_LARGE && context.getRequest().getPath().equals(WebhookSettings.PATH)) {
            // Stripe's webhook delivery: every refusal there is a 400 with a reason (docs/http.md).
            return ErrorResponses.of(context.getRequest(), HttpStatus.BAD_REQUEST, "The body is too large for a Stripe event.");
        }
        MutableHttpResponse<String> error = ErrorResponses.of(context.getRequest(), status, message(status));
        response.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> error.header(name, value));
            }
        });
        return error;
    }

    private static String message(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "There is nothing at this path.";
            case METHOD_NOT_ALLOWED -> "This path does not take this HTTP method: see the Allow header.";
            case REQUEST_ENTITY_TOO_LARGE -> "The request is too large: the body is over the size limit, or the URL is "
                    + "over 4 KB (send long queries by POST).";
            case UNSUPPORTED_MEDIA_TYPE -> "This content type is not supported here.";
            case NOT_ACCEPTABLE -> "This path cannot answer in a media type the request accepts.";
            case BAD_REQUEST -> "The request is malformed.";
            default -> status.getCode() >= 500 ? "Internal server error." : status.getReason();
        };
    }
}
