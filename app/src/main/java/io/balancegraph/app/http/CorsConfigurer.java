package io.balancegraph.app.http;

import io.balancegraph.domain.text.Echo;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.cors.CorsOriginConfiguration;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CORS for browser frontends on other origins, off unless {@code balancegraph.cors.allowed-origins} lists them.
 * It turns on Micronaut's own CORS support with exactly those origins, the methods {@code GET, POST, OPTIONS} and
 * the headers {@code Authorization, Content-Type}. (Micronaut's {@code micronaut.server.cors.enabled: true} on its
 * own would allow every origin: this key never does; {@code *} is refused.)
 */
@Context // checks the configured origins at start-up
public class CorsConfigurer implements BeanCreatedEventListener<HttpServerConfiguration.CorsConfiguration> {

    static final String CONFIGURATION_NAME = "balancegraph";

    private final List<String> allowedOrigins;

    public CorsConfigurer(@Value("${balancegraph.cors.allowed-origins:}") List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins.stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
        this.allowedOrigins.forEach(CorsConfigurer::validate);
    }

    @Override
    public HttpServerConfiguration.CorsConfiguration onCreated(BeanCreatedEvent<HttpServerConfiguration.CorsConfiguration> event) {
        HttpServerConfiguration.CorsConfiguration cors = event.getBean();
        if (allowedOrigins.isEmpty()) {
            return cors;
        }
        CorsOriginConfiguration origins = new CorsOriginConfiguration();
        origins.setAllowedOrigins(allowedOrigins);
        origins.setAllowedMethods(List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.OPTIONS));
        origins.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE));
        Map<String, CorsOriginConfiguration> configurations = new LinkedHashMap<>(cors.getConfigurations());
        configurations.put(CONFIGURATION_NAME, origins);
        cors.setConfigurations(configurations);
        cors.setEnabled(true);
        return cors;
    }

    private static void validate(String origin) {
        URI uri;
        try {
            uri = URI.create(origin);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        boolean valid = uri != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                && uri.getHost() != null && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        if (!valid) {
            throw new ConfigurationException("balancegraph.cors.allowed-origins: '" + Echo.shorten(origin) + "' is not an origin: "
                    + "write scheme://host[:port] with no path, e.g. https://dashboard.example.com.");
        }
    }
}
