package io.balancegraph.app.export;

import io.balancegraph.app.http.RejectedRequestException;
import io.balancegraph.domain.error.AuthenticationException;
import io.balancegraph.domain.error.Failures;
import io.balancegraph.domain.error.InvalidRequestException;
import io.balancegraph.domain.error.NotFoundException;
import io.balancegraph.domain.error.PermissionException;
import io.balancegraph.domain.error.RateLimitedException;
import io.balancegraph.domain.error.UpstreamException;
import io.balancegraph.domain.query.InvalidQueryException;
import io.balancegraph.domain.walk.WalkTimeoutException;
import io.balancegraph.domain.walk.WalkTooLargeException;
import io.balancegraph.graphql.ErrorCode;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What the client is told when an export fails before its first byte: a status and a JSON error in the shape of
 * every other error of the app, with the codes the GraphQL fields use for the same failures. Stripe's own messages
 * are never passed on (they can quote a masked key); its request id is, as {@code requestId}.
 *
 * <table>
 *   <caption>failures and answers</caption>
 *   <tr><th>failure</th><th>status</th><th>code</th></tr>
 *   <tr><td>Stripe's 429, or the server's own Stripe budget used up</td><td>429, {@code Retry-After} when known</td><td>RATE_LIMITED</td></tr>
 *   <tr><td>Stripe failed, timed out or could not be reached</td><td>503</td><td>UPSTREAM_UNAVAILABLE</td></tr>
 *   <tr><td>Stripe refused the server's key</td><td>502</td><td>UPSTREAM_AUTHENTICATION</td></tr>
 *   <tr><td>Stripe does not let the key read the account</td><td>403</td><td>FORBIDDEN</td></tr>
 *   <tr><td>Stripe has no such object (a payout id)</td><td>404</td><td>NOT_FOUND</td></tr>
 *   <tr><td>Stripe refused the request</td><td>502</td><td>UPSTREAM_REJECTED</td></tr>
 *   <tr><td>more transactions than the export's bound</td><td>422</td><td>EXPORT_TOO_LARGE</td></tr>
 *   <tr><td>the export's deadline passed</td><td>503</td><td>EXPORT_TIMEOUT</td></tr>
 *   <tr><td>anything else (a bug)</td><td>500</td><td>INTERNAL, with an {@code errorId} in the log</td></tr>
 * </table>
 */
final class ExportFailures {

    static final String TOO_LARGE = "EXPORT_TOO_LARGE";
    static final String TIMEOUT = "EXPORT_TIMEOUT";

    private static final Logger LOG = LoggerFactory.getLogger(ExportFailures.class);

    private ExportFailures() {
    }

    /** The answer to a failure that came before the first byte of the file. */
    static RejectedRequestException answer(Throwable failure) {
        Throwable cause = Failures.unwrap(failure);
        if (cause instanceof RejectedRequestException rejected) {
            return rejected;
        }
        if (cause instanceof InvalidQueryException query) {
            return ExportRequest.invalid(query.field(), query.getMessage());
        }
        if (cause instanceof WalkTooLargeException tooLarge) {
            return refusal(HttpStatus.UNPROCESSABLE_ENTITY, TOO_LARGE, "The export holds more than " + tooLarge.maxTransactions()
                    + " transactions: narrow its range or filters, or export it in parts", Map.of(), Map.of("limit", tooLarge.maxTransactions()));
        }
        if (cause instanceof WalkTimeoutException timeout) {
            return refusal(HttpStatus.SERVICE_UNAVAILABLE, TIMEOUT, "The export did not finish within "
                    + timeout.timeout().toSeconds() + " s: narrow its range or filters, or try again later",
                    Map.of(), Map.of("limitSeconds", timeout.timeout().toSeconds()));
        }
        if (cause instanceof UpstreamException upstream) {
            return upstream(upstream);
        }
        String errorId = UUID.randomUUID().toString();
        LOG.error("Unexpected failure of a CSV export (errorId {})", errorId, cause);
        return refusal(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCode.INTERNAL.name(),
                "Internal error; the server's log has the details under this errorId", Map.of(), Map.of("errorId", errorId));
    }

    /** The code a failure after the first byte is logged with: the same as it would have been answered with. */
    static String code(Throwable failure) {
        return answer(failure).code();
    }

    private static RejectedRequestException upstream(UpstreamException failure) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("upstreamCode", failure.error().code());
        extensions.put("requestId", failure.error().requestId());
        if (failure instanceof RateLimitedException limited) {
            Map<String, String> headers = new LinkedHashMap<>();
            limited.retryAfterSeconds().ifPresent(seconds -> {
                headers.put(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                extensions.put("retryAfterSeconds", seconds);
            });
            // Status 0: refused before it was sent, by the server's own share of the Stripe budget; otherwise a 429.
            return refusal(HttpStatus.TOO_MANY_REQUESTS, ErrorCode.RATE_LIMITED.name(), failure.error().httpStatus() == 0
                    ? "The server's budget of Stripe requests is used up for now; try again later"
                    : "Stripe is rate-limiting this server; try again later", headers, extensions);
        }
        if (failure instanceof AuthenticationException) {
            LOG.warn("Stripe refused the server's API key (request {}): {}", failure.error().requestId(), failure.error().message());
            return refusal(HttpStatus.BAD_GATEWAY, ErrorCode.UPSTREAM_AUTHENTICATION.name(),
                    "The server could not authenticate to Stripe; an operator must check its API key", Map.of(), extensions);
        }
        if (failure instanceof PermissionException) {
            return refusal(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN.name(), "Stripe does not let the server's key read this",
                    Map.of(), extensions);
        }
        if (failure instanceof NotFoundException) {
            return refusal(HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND.name(), "Stripe has no such object", Map.of(), extensions);
        }
        if (failure instanceof InvalidRequestException) {
            return refusal(HttpStatus.BAD_GATEWAY, ErrorCode.UPSTREAM_REJECTED.name(), "Stripe refused the request", Map.of(), extensions);
        }
        return refusal(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.UPSTREAM_UNAVAILABLE.name(),
                "Stripe could not be reached or failed; try again later", Map.of(), extensions);
    }

    private static RejectedRequestException refusal(HttpStatus status, String code, String message, Map<String, String> headers,
                                                    Map<String, ?> extensions) {
        return new RejectedRequestException(status, code, message, headers, extensions);
    }
}
