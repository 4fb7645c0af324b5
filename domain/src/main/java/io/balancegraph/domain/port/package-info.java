/**
 * The questions an adapter answers, one per port, each asynchronous (a {@link java.util.concurrent.CompletionStage});
 * {@link io.balancegraph.domain.port.BalanceLedger} is all of them, and its {@code blocking()} the same reads in the
 * calling thread.
 */
package io.balancegraph.domain.port;
