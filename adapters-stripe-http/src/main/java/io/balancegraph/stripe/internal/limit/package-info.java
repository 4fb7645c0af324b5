/**
 * Not API (left out of the published javadoc; may change in any release): the client-side rate limits, a
 * non-blocking, cancellable sliding window per endpoint and per account ({@code RateLimits}).
 */
package io.balancegraph.stripe.internal.limit;
