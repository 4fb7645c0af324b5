package io.balancegraph.stripe.internal.http;

import io.balancegraph.domain.query.BalanceTransactionQuery;
import io.balancegraph.domain.query.CreatedFilter;
import io.balancegraph.domain.query.ObjectIds;
import io.balancegraph.stripe.TransactionsPath;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the requests for the three reads. Listing and retrieving transactions use the configured
 * {@link TransactionsPath}, so the legacy {@code /v1/balance/history} goes through exactly this code too.
 */
public final class StripeRequests {

    private final TransactionsPath transactionsPath;

    public StripeRequests(TransactionsPath transactionsPath) {
        this.transactionsPath = transactionsPath;
    }

    public StripeRequest balance() {
        return new StripeRequest("GET /v1/balance", "/v1/balance", List.of());
    }

    /** Every list parameter of the API, in the reference's (alphabetical) order; {@code limit} always. */
    public StripeRequest listTransactions(BalanceTransactionQuery query) {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        created(query.created(), params);
        if (query.currency() != null) {
            params.add(Map.entry("currency", query.currency().stripeCode()));
        }
        if (query.position().endingBefore() != null) {
            params.add(Map.entry("ending_before", query.position().endingBefore()));
        }
        if (query.expandSource()) {
            params.add(Map.entry("expand[]", "data.source"));
        }
        params.add(Map.entry("limit", Integer.toString(query.limit())));
        if (query.payout() != null) {
            params.add(Map.entry("payout", query.payout()));
        }
        if (query.source() != null) {
            params.add(Map.entry("source", query.source()));
        }
        if (query.position().startingAfter() != null) {
            params.add(Map.entry("starting_after", query.position().startingAfter()));
        }
        if (query.type() != null) {
            params.add(Map.entry("type", query.type().value()));
        }
        String path = transactionsPath.path();
        return new StripeRequest("GET " + path, path, params);
    }

    /**
     * @param transactionId must have the shape of a Stripe id (see {@link #isId(String)}): it becomes a path segment
     */
    public StripeRequest getTransaction(String transactionId, boolean expandSource) {
        ObjectIds.require(transactionId, "id");
        String path = transactionsPath.path();
        return new StripeRequest("GET " + path + "/{id}", path + "/" + transactionId,
                expandSource ? List.of(Map.entry("expand[]", "source")) : List.of());
    }

    /** Whether the text can be a Stripe object id at all (letters, digits, {@code _}). */
    public static boolean isId(String text) {
        try {
            ObjectIds.require(text, "id");
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** An exact second as {@code created=...}, a range as {@code created[gt|gte|lt|lte]=...}, in Unix seconds. */
    private static void created(CreatedFilter created, List<Map.Entry<String, String>> params) {
        if (created.gte() != null && created.gte().equals(created.lte()) && created.gt() == null && created.lt() == null) {
            params.add(Map.entry("created", seconds(created.gte())));
            return;
        }
        if (created.gt() != null) {
            params.add(Map.entry("created[gt]", seconds(created.gt())));
        }
        if (created.gte() != null) {
            params.add(Map.entry("created[gte]", seconds(created.gte())));
        }
        if (created.lt() != null) {
            params.add(Map.entry("created[lt]", seconds(created.lt())));
        }
        if (created.lte() != null) {
            params.add(Map.entry("created[lte]", seconds(created.lte())));
        }
    }

    private static String seconds(Instant instant) {
        return Long.toString(instant.getEpochSecond());
    }
}
