/**
 * The reads of a ledger in the calling thread: {@link io.balancegraph.domain.blocking.BlockingLedger}, from
 * {@code ledger.blocking()}. The ports themselves ({@link io.balancegraph.domain.port}) are asynchronous.
 */
package io.balancegraph.domain.blocking;
