/**
 * The parallel transaction walk: every transaction of a {@code created} range, read through any list port by several
 * cursor chains at once, newest first ({@link io.balancegraph.domain.walk.ParallelWalk#stream()},
 * {@link io.balancegraph.domain.walk.ParallelWalk#pages()}) or folded in no order
 * ({@link io.balancegraph.domain.walk.ParallelWalk#fold}). Its own package because it is several small parts (slices,
 * their split policy, one run's coordination, two outputs); {@code query.TransactionWalk#parallel} is its entry point.
 */
package io.balancegraph.domain.walk;
