/**
 * A balance transaction and its parts. Stripe's enumerations (type, status, balance type, source object) are open
 * values: one Stripe adds tomorrow is kept, never refused.
 */
package io.balancegraph.domain.transaction;
