package io.balancegraph.app.config;

import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.exceptions.ApplicationStartupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Micronaut's launcher, reporting a failed start as a wrong setting deserves: one line on standard error that
 * names the key ({@link StartupFailure}), exit status 1, no stack trace.
 *
 * <p>Why this mechanism. {@code Micronaut.start()} hands every failure of the start, the application context's
 * (property sources, {@code @Context} beans and what they inject) and the embedded server's, to
 * {@code handleStartupException}, whose default logs "Error starting Micronaut server" with the exception: the
 * message once per wrapping layer and a stack trace for each, then exits 1. {@code mapError} only chooses the exit
 * code, so overriding {@code handleStartupException} is the one place to change what is printed, and it changes
 * nothing else. Micronaut's order of start-up stays: the context, with every {@code @Context} bean, is started
 * before the server is even looked up, so a setting checked by a {@code @Context} bean ({@link SettingsCheck} first,
 * then {@code AccessControl}, {@code CorsConfigurer} and the Stripe ledger) fails before any port is bound. Bean
 * validation of {@code @ConfigurationProperties} (micronaut-validation) was not taken: it would add a dependency and
 * an annotation processor to both adapters, it runs when a bean is first created (lazily, after the port is bound,
 * for the GraphQL and cache settings), and it never sees a value Micronaut fails to convert, the case where naming
 * the key matters most.
 *
 * <p>In the {@code test} environment it throws the line as an {@link ApplicationStartupException} instead of
 * exiting, as Micronaut does, so specs can read it.
 */
public final class FailFastMicronaut extends Micronaut {

    private static final Logger LOG = LoggerFactory.getLogger(FailFastMicronaut.class);

    @Override
    protected void handleStartupException(Environment environment, Throwable exception) {
        String line = StartupFailure.line(exception);
        if (!StartupFailure.isExplained(exception)) {
            LOG.debug("The start-up failure, in full", exception);
        }
        if (environment.getActiveNames().contains(Environment.TEST)) {
            throw new ApplicationStartupException(line, exception);
        }
        System.err.println(line);
        System.exit(1);
    }
}
