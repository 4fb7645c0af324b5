package io.balancegraph.app.http;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The two media types a GraphQL response is written in, and the choice between them from the request's
 * {@code Accept} header, as the GraphQL over HTTP spec asks: {@code application/graphql-response+json} when the
 * client asks for it, {@code application/json} when it asks for that, for a wildcard, or sends no {@code Accept}.
 */
public enum ResponseMediaType {

    GRAPHQL_RESPONSE_JSON("application/graphql-response+json"),
    JSON("application/json");

    private final String name;
    private final MediaType withCharset;

    ResponseMediaType(String name) {
        this.name = name;
        this.withCharset = MediaType.of(name + ";charset=utf-8");
    }

    /** The media type to answer in, empty when the client accepts neither (406). */
    public static Optional<ResponseMediaType> negotiate(HttpRequest<?> request) {
        List<String> accept = request.getHeaders().getAll(HttpHeaders.ACCEPT).stream().filter(v -> !v.isBlank()).toList();
        if (accept.isEmpty()) {
            return Optional.of(JSON);
        }
        List<MediaType> ranges;
        try {
            ranges = MediaType.orderedOf(accept);
        } catch (RuntimeException unparseable) {
            return Optional.empty();
        }
        for (MediaType range : ranges) {
            if (range.getQualityAsNumber().compareTo(BigDecimal.ZERO) <= 0) {
                continue;
            }
            String type = range.getType() + "/" + range.getSubtype();
            if (type.equalsIgnoreCase(GRAPHQL_RESPONSE_JSON.name)) {
                return Optional.of(GRAPHQL_RESPONSE_JSON);
            }
            if (type.equalsIgnoreCase(JSON.name) || type.equals("*/*") || type.equalsIgnoreCase("application/*")) {
                return Optional.of(JSON);
            }
        }
        return Optional.empty();
    }

    /** The negotiated type, or {@link #JSON} for a response that must be written anyway (an error, a 406). */
    public static ResponseMediaType negotiateOrJson(HttpRequest<?> request) {
        return negotiate(request).orElse(JSON);
    }

    /** The {@code Content-Type} of a response, always UTF-8. */
    public MediaType contentType() {
        return withCharset;
    }

    @Override
    public String toString() {
        return name;
    }
}
