package io.balancegraph.graphql.fetch;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.balancegraph.domain.account.Account;
import io.balancegraph.graphql.error.BadUserInput;
import io.balancegraph.graphql.read.RequestReads;
import io.balancegraph.graphql.read.SharedReads;

import java.util.concurrent.CompletableFuture;

/**
 * A root field that reads one account: the account is checked against the request's grant before the field
 * gets to do anything, so no field can reach Stripe for an account it may not read. Reads go through the
 * request's memo and the JVM's shared reads.
 *
 * @param <T> what the field answers
 */
public abstract class AccountFetcher<T> implements DataFetcher<CompletableFuture<DataFetcherResult<T>>> {

    private final SharedReads shared;

    AccountFetcher(SharedReads shared) {
        this.shared = shared;
    }

    @Override
    public final CompletableFuture<DataFetcherResult<T>> get(DataFetchingEnvironment env) {
        Account account = Accounts.readable(env);
        return fetch(env, account, RequestReads.of(env, shared));
    }

    /** The field's answer for an account the request may read; argument errors are thrown as {@link BadUserInput}. */
    abstract CompletableFuture<DataFetcherResult<T>> fetch(DataFetchingEnvironment env, Account account, RequestReads reads);
}
