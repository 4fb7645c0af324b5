/** Whose money is read: {@link io.balancegraph.domain.account.Account}, the platform or one of its Connect accounts. */
package io.balancegraph.domain.account;
