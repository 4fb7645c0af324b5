/**
 * Not API (left out of the published javadoc; may change in any release): Stripe's JSON read into the domain's
 * records in one place ({@code StripeJson}, with the DTOs in {@code StripeDtos}); the domain never sees JSON.
 */
package io.balancegraph.stripe.internal.json;
