package io.balancegraph.graphql.error;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.schema.DataFetchingEnvironment;
import io.balancegraph.domain.error.AuthenticationException;
import io.balancegraph.domain.error.Failures;
import io.balancegraph.domain.error.InvalidRequestException;
import io.balancegraph.domain.error.NotFoundException;
import io.balancegraph.domain.error.PermissionException;
import io.balancegraph.domain.error.RateLimitedException;
import io.balancegraph.domain.error.UpstreamError;
import io.balancegraph.domain.error.UpstreamException;
import io.balancegraph.domain.query.InvalidQueryException;
import io.balancegraph.domain.walk.WalkTimeoutException;
import io.balancegraph.domain.walk.WalkTooLargeException;
import io.balancegraph.graphql.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Turns a field's failure into one GraphQL error with a stable {@code extensions.code} (see {@link ErrorCode}),
 * so the other fields of the request still answer. Messages are written here: Stripe's own messages are not
 * passed on (they can quote a masked key), and an unexpected exception is logged with an {@code errorId} and
 * answered with a generic message, never its text or stack.
 */
public final class FieldErrors implements DataFetcherExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FieldErrors.class);
    /** Stripe's names of the paging parameters, which our cursors fill in. */
    private static final Set<String> CURSOR_PARAMETERS = Set.of("starting_after", "ending_before");

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(DataFetcherExceptionHandlerParameters parameters) {
        GraphQLError error = error(parameters.getDataFetchingEnvironment(), parameters.getException());
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(error).build());
    }

    /** The coded error of a field that failed: also for a failure a field reports itself (a subscription's event). */
    public static GraphQLError error(DataFetchingEnvironment env, Throwable exception) {
        Throwable failure = Failures.unwrap(exception);
        Coded coded;
        try {
            coded = code(failure);
        } catch (RuntimeException bugInCoding) {
            bugInCoding.addSuppressed(failure);
            coded = internal(bugInCoding);
        }
        return GraphqlErrorBuilder.newError(env)
                .message(coded.message())
                .errorType(coded.code())
                .extensions(coded.extensions())
                .build();
    }

    public static Coded code(Throwable failure) {
        if (failure instanceof BadUserInput input) {
            return new Coded(ErrorCode.BAD_USER_INPUT, input.getMessage()).with("argument", input.argument());
        }
        if (failure instanceof InvalidQueryException query) {
            return new Coded(ErrorCode.BAD_USER_INPUT, query.getMessage()).with("argument", query.field());
        }
        if (failure instanceof TooManyUpstreamReads exceeded) {
            return new Coded(ErrorCode.TOO_MANY_UPSTREAM_READS, exceeded.getMessage()).with("limit", exceeded.limit());
        }
        if (failure instanceof WalkTooLargeException tooLarge) {
            return new Coded(ErrorCode.SUMMARY_TOO_LARGE, "This summary would read more than " + tooLarge.maxTransactions()
                    + " transactions; ask for a shorter period").with("limit", tooLarge.maxTransactions());
        }
        if (failure instanceof WalkTimeoutException) {
            return new Coded(ErrorCode.SUMMARY_TIMEOUT, "This summary took longer than the server allows one; ask for a "
                    + "shorter period, or try again later");
        }
        if (failure instanceof AccessDenied denied) {
            return new Coded(ErrorCode.FORBIDDEN, denied.getMessage());
        }
        if (failure instanceof UpstreamException upstream) {
            return upstream(upstream);
        }
        return internal(failure);
    }

    /** Logs the failure under a fresh errorId and answers a generic message: never the exception's text. */
    public static Coded internal(Throwable failure) {
        String errorId = UUID.randomUUID().toString();
        LOG.error("Unexpected failure of a GraphQL field (errorId {})", errorId, failure);
        return new Coded(ErrorCode.INTERNAL, "Internal error; the server's log has the details under this errorId")
                .with("errorId", errorId);
    }

    private static Coded upstream(UpstreamException failure) {
        UpstreamError error = failure.error();
        Coded coded;
        if (failure instanceof AuthenticationException) {
            LOG.warn("Stripe refused the server's API key (request {}): {}", error.requestId(), error.message());
            coded = new Coded(ErrorCode.UPSTREAM_AUTHENTICATION,
                    "The server could not authenticate to Stripe; an operator must check its API key");
        } else if (failure instanceof PermissionException) {
            coded = new Coded(ErrorCode.FORBIDDEN, "Stripe does not let the server's key read this");
        } else if (failure instanceof NotFoundException) {
            coded = new Coded(ErrorCode.NOT_FOUND, "Stripe has no such object");
        } else if (failure instanceof RateLimitedException limited) {
            // Status 0: refused before it was sent, by the server's own share of the Stripe budget; otherwise a 429.
            coded = new Coded(ErrorCode.RATE_LIMITED, error.httpStatus() == 0
                    ? "The server's budget of Stripe requests is used up for now; try again later"
                    : "Stripe is rate-limiting this server; try again later")
                    .with("retryAfterSeconds", limited.retryAfterSeconds().stream().boxed().findFirst().orElse(null));
        } else if (failure instanceof InvalidRequestException) {
            coded = error.param() != null && CURSOR_PARAMETERS.contains(error.param())
                    ? new Coded(ErrorCode.BAD_USER_INPUT, "Stripe does not know the transaction of this cursor")
                            .with("argument", error.param().equals("starting_after") ? "after" : "before")
                    : new Coded(ErrorCode.UPSTREAM_REJECTED, "Stripe refused the request");
        } else {
            coded = new Coded(ErrorCode.UPSTREAM_UNAVAILABLE, "Stripe could not be reached or failed; try again later");
        }
        return coded.with("upstreamCode", error.code()).with("requestId", error.requestId());
    }

    /** A code, the message for the client and the extensions beside the code. */
    public record Coded(ErrorCode code, String message, Map<String, Object> extensions) {

        public Coded(ErrorCode code, String message) {
            this(code, message, new LinkedHashMap<>(Map.of("code", code.name())));
        }

        /** Adds an extension unless its value is {@code null}. */
        public Coded with(String key, Object value) {
            if (value != null) {
                extensions.put(key, value);
            }
            return this;
        }
    }
}
