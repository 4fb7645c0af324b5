/**
 * Not API (left out of the published javadoc; may change in any release): Stripe's rate limits shared by several
 * replicas through Redis (Bucket4j's Lettuce proxy manager, {@code RedisBucketLimiter}), with a local share as the
 * fallback while Redis fails ({@code FailoverLimiter}, {@code BudgetBreaker}).
 */
package io.balancegraph.stripe.internal.limit.shared;
