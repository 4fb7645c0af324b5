package io.balancegraph.stripe.internal.limit;

/**
 * Whose call a request is, for the rate limits: someone waiting for an answer, or bulk work (a walk over many
 * pages) that may take the budget only as {@link BulkShare} allows.
 */
public enum CallClass {
    /** A call someone waits for (a dashboard's read): it goes ahead of every queued bulk call. */
    INTERACTIVE,
    /** One of many calls of a long job (a summary's walk, an export): held to its share while interactive calls ask. */
    BULK
}
