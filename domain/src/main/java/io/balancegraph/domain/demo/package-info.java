/**
 * Ledgers answered from memory with Stripe's semantics: {@link io.balancegraph.domain.demo.InMemoryLedger} for tests and
 * embedders, {@link io.balancegraph.domain.demo.DemoLedger} its deterministic demo data.
 */
package io.balancegraph.domain.demo;
