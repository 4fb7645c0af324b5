package io.balancegraph.stripe.internal.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One GET request to Stripe: the path and the query parameters in the order they are sent.
 *
 * @param endpoint names the endpoint for rate limiting, the same for every id ({@code GET /v1/balance_transactions/{id}})
 * @param path     the path, e.g. {@code /v1/balance_transactions/txn_123}
 * @param query    the parameters, names unencoded ({@code created[gte]}), in order
 */
public record StripeRequest(String endpoint, String path, List<Map.Entry<String, String>> query) {

    public StripeRequest {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(path, "path");
        query = List.copyOf(query);
    }

    /** The path and the form-encoded query ({@code created%5Bgte%5D=...}). */
    public String pathAndQuery() {
        if (query.isEmpty()) {
            return path;
        }
        return path + "?" + query.stream()
                .map(p -> encode(p.getKey()) + "=" + encode(p.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** {@code GET /v1/balance}: how the request is named in messages and logs. */
    public String describe() {
        return "GET " + path;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
