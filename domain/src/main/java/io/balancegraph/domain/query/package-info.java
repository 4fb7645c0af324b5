/**
 * How transactions are asked for and come back: {@link io.balancegraph.domain.query.BalanceTransactionQuery} (valid
 * by construction), {@link io.balancegraph.domain.query.Page}, {@link io.balancegraph.domain.query.Position}, and
 * {@link io.balancegraph.domain.query.TransactionWalk} over every page.
 */
package io.balancegraph.domain.query;
