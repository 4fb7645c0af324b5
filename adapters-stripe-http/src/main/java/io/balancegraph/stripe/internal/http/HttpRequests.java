package io.balancegraph.stripe.internal.http;

import io.balancegraph.domain.account.Account;
import io.balancegraph.stripe.StripeSettings;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;

import java.net.URI;

/**
 * The HTTP request sent for a {@link StripeRequest} and an account: its URL under the base URL, the key as
 * {@code Authorization: Bearer}, the pinned {@code Stripe-Version}, our {@code User-Agent}, {@code Accept: JSON} and,
 * for a connected account, {@code Stripe-Account}.
 */
final class HttpRequests {

    private final StripeSettings settings;
    private final String userAgent = UserAgent.value();

    HttpRequests(StripeSettings settings) {
        this.settings = settings;
    }

    MutableHttpRequest<?> of(StripeRequest request, Account account) {
        MutableHttpRequest<?> http = HttpRequest.GET(URI.create(settings.baseUrl() + request.pathAndQuery()))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + settings.apiKey().secret())
                .header("Stripe-Version", settings.apiVersion())
                .header(HttpHeaders.USER_AGENT, userAgent)
                .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
        account.connectedId().ifPresent(id -> http.header("Stripe-Account", id));
        return http;
    }
}
