/**
 * Not API (left out of the published javadoc; may change in any release): the transport behind
 * {@code StripeBalanceLedger}. {@code StripeTransport} sends; {@code CallPolicy} composes the rate limits, the retries
 * and the deadline of a call; {@code Attempt} and {@code Exchange} are one try and one request.
 */
package io.balancegraph.stripe.internal.http;
