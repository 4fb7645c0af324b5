package io.balancegraph.stripe.internal.http;

import io.balancegraph.stripe.StripeSettings;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;

import java.net.MalformedURLException;
import java.time.Duration;

/**
 * Builds the Micronaut HTTP client a ledger sends with, without an application context: the configured timeouts,
 * every status as an answer (not an exception), no redirects, its raw log under {@link StripeTransport#WIRE_LOGGER},
 * and two event-loop threads of its own, named {@code balancegraph-stripe-io-…} and daemons ({@link StripeIoThreads}).
 */
final class StripeHttpClients {

    /** Stripe's I/O is a few dozen requests per second at most: two event-loop threads are plenty. */
    static final int IO_THREADS = 2;

    private StripeHttpClients() {
    }

    static HttpClient create(StripeSettings settings) {
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setConnectTimeout(settings.connectTimeout());
        configuration.setReadTimeout(settings.readTimeout());
        // Every status is an answer to map here, not an exception thrown by the client.
        configuration.setExceptionOnErrorStatus(false);
        // Stripe does not redirect; following one could carry the key elsewhere.
        configuration.setFollowRedirects(false);
        configuration.setNumOfThreads(IO_THREADS);
        configuration.setThreadFactory(StripeIoThreads.class);
        configuration.setLoggerName(StripeTransport.WIRE_LOGGER);
        // The transport has ended every call before it closes the client, so nothing is left to finish: without a
        // quiet period close() returns at once instead of after Netty's 100 ms shutdown poll.
        configuration.setShutdownQuietPeriod(Duration.ZERO);
        try {
            return HttpClient.create(settings.baseUrl().toURL(), configuration);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("stripe.base-url is not a URL: " + settings.baseUrl(), e);
        }
    }
}
