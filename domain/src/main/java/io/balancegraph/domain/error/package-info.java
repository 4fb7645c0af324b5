/**
 * Why a read failed: {@link io.balancegraph.domain.error.UpstreamException} and its subclasses, one per way to react,
 * each carrying what Stripe said ({@link io.balancegraph.domain.error.UpstreamError}). {@link
 * io.balancegraph.domain.error.Failures} takes futures' wrappers off a failure.
 */
package io.balancegraph.domain.error;
