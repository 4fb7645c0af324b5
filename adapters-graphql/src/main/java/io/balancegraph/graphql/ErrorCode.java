package io.balancegraph.graphql;

import graphql.ErrorClassification;

/**
 * The stable codes in {@code errors[].extensions.code}: clients branch on these, never on messages. The table
 * in this module's README says when each is given. Errors this server raises itself also have their code as
 * graphql-java's {@code extensions.classification}.
 */
public enum ErrorCode implements ErrorClassification {
    /** An argument the client gave is wrong: page size, cursor, filter, account or id. Fix the request. */
    BAD_USER_INPUT,
    /** The caller may not read this account, or the upstream key may not. */
    FORBIDDEN,
    /** The upstream says the object does not exist. */
    NOT_FOUND,
    /** The upstream rate-limited us; {@code retryAfterSeconds} says how long to wait when it told us. */
    RATE_LIMITED,
    /** The upstream failed, timed out or could not be reached; try again later. */
    UPSTREAM_UNAVAILABLE,
    /** The server's own upstream credentials were refused: an operator must fix the API key. */
    UPSTREAM_AUTHENTICATION,
    /** The upstream refused a request for a reason the client cannot fix; {@code upstreamCode} says which. */
    UPSTREAM_REJECTED,
    /** Something failed inside the server; the message is generic and the details are in the server's log. */
    INTERNAL,
    /** The document is not GraphQL, or exceeds the parser limits (characters, tokens, nesting). */
    GRAPHQL_PARSE_FAILED,
    /** The document does not fit the schema (unknown field, wrong argument type, fragment cycle, ...). */
    GRAPHQL_VALIDATION_FAILED,
    /** The document has no operation of the given {@code operationName}, or several and no name. */
    OPERATION_RESOLUTION_FAILURE,
    /** The request may run queries only (over HTTP: it came by GET) and its operation is not one. */
    OPERATION_NOT_ALLOWED,
    /** The operation nests deeper than the configured depth. */
    QUERY_TOO_DEEP,
    /** The operation costs more than the configured complexity (lists count by page size). */
    QUERY_TOO_COMPLEX,
    /** The operation uses more aliases than allowed. */
    TOO_MANY_ALIASES,
    /** The operation selects more fields than allowed, counting every fragment where it is spread. */
    TOO_MANY_FIELDS,
    /** The operation uses more directives than allowed. */
    TOO_MANY_DIRECTIVES,
    /** The operation needs more distinct upstream reads than one request may make; the reads past it fail. */
    TOO_MANY_UPSTREAM_READS,
    /** A summary ({@code activity}) would read more transactions than {@code balancegraph.finance.max-transactions}; {@code limit} says how many. Ask for a shorter period. */
    SUMMARY_TOO_LARGE,
    /** A summary's walk took longer than {@code balancegraph.finance.walk-deadline}; ask for a shorter period, or again later. */
    SUMMARY_TIMEOUT,
    /** Introspection is turned off on this server. */
    INTROSPECTION_DISABLED,
    /** A graphql-ws connection already runs as many subscriptions as one connection may; complete one first. */
    TOO_MANY_SUBSCRIPTIONS
}
