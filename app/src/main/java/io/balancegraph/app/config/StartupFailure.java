package io.balancegraph.app.config;

import io.balancegraph.domain.text.Echo;
import io.balancegraph.stripe.StripeApiKey;
import io.micronaut.context.exceptions.ConfigurationException;

import java.net.BindException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one line a failed start prints: what is wrong and which setting it is, never a stack trace, never a secret.
 *
 * <p>Micronaut wraps a failure in layers (a bean that could not be loaded, around one that could not be built,
 * around ours), each repeating the message below it with its "Path Taken". The line comes from the layer that
 * says the most, in this order:
 * <ol>
 *   <li>a {@link ConfigurationException}: ours name their key first; Micronaut's own name the file or source;</li>
 *   <li>a value Micronaut could not convert to the setting's type ({@code balancegraph.cache.ttl=banana}): its
 *       message is the only place that names the key, so it is read from there; the value is quoted unless the
 *       key looks like it holds a secret;</li>
 *   <li>a port another process listens on ({@link BindException});</li>
 *   <li>anything else: the innermost exception's type and first line (a bug, not a setting).</li>
 * </ol>
 */
final class StartupFailure {

    static final String PREFIX = "balancegraph did not start: ";

    /** What Micronaut's conversion failure says, in micronaut-inject 4.10 ({@code DependencyInjectionException}). */
    private static final Pattern UNCONVERTIBLE = Pattern.compile(
            "Error resolving property value \\[([^\\]]+)]\\. Unable to convert value \\[(.*?)] to target type \\[([^\\]]+)]");
    private static final Pattern UNRESOLVED = Pattern.compile("Error resolving property value \\[([^\\]]+)]\\.? *([^\\n]*)");
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(key|token|secret|password).*");
    private static final int MAX_DETAIL = 400;
    private static final String APPLICATION_JSON = "application.json";

    private StartupFailure() {
    }

    /** Whether the line explains the failure on its own; otherwise the stack trace is worth logging (at DEBUG). */
    static boolean isExplained(Throwable failure) {
        return !line(failure).equals(unexplained(innermost(failure)));
    }

    static String line(Throwable failure) {
        List<Throwable> chain = chain(failure);
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (chain.get(i) instanceof ConfigurationException) {
                String message = oneLine(chain.get(i).getMessage());
                // Micronaut names the JSON it could not read after the file it would be; say where else it comes from.
                return PREFIX + message.replace("[" + APPLICATION_JSON + "]",
                        "[" + APPLICATION_JSON + "] (MICRONAUT_APPLICATION_JSON or an " + APPLICATION_JSON + " file)");
            }
        }
        for (Throwable layer : chain) {
            String message = String.valueOf(layer.getMessage());
            Matcher unconvertible = UNCONVERTIBLE.matcher(message);
            if (unconvertible.find()) {
                return PREFIX + unconvertible(unconvertible.group(1), unconvertible.group(2), unconvertible.group(3));
            }
            Matcher unresolved = UNRESOLVED.matcher(message);
            if (unresolved.find()) {
                return PREFIX + unresolved.group(1) + ": " + oneLine(unresolved.group(2));
            }
        }
        if (chain.stream().anyMatch(BindException.class::isInstance)) {
            return PREFIX + SettingsCheck.PORT + ": another process already listens on that port ("
                    + oneLine(chain.get(0).getMessage()) + "); stop it or choose another port (MICRONAUT_SERVER_PORT)";
        }
        return unexplained(innermost(failure));
    }

    private static String unconvertible(String key, String value, String type) {
        String expected = switch (type.toLowerCase(Locale.ROOT)) {
            case "duration" -> "a duration such as 30s, 500ms or PT30S";
            case "int", "integer", "long" -> "a whole number";
            case "boolean" -> "true or false";
            default -> "a " + type;
        };
        return SECRET_KEY.matcher(key).matches()
                ? key + " cannot be read as " + expected
                : key + " is '" + Echo.shorten(oneLine(value)) + "', which is not " + expected;
    }

    private static String unexplained(Throwable innermost) {
        return PREFIX + innermost.getClass().getSimpleName() + ": " + oneLine(innermost.getMessage());
    }

    /** A message on one line, any Stripe key in it cut to its prefix, and not so long that it drowns the point. */
    private static String oneLine(String message) {
        String flat = message == null ? "no detail" : message.strip().replaceAll("\\s*\\R\\s*", " ");
        return Echo.shorten(StripeApiKey.redact(flat), MAX_DETAIL);
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static Throwable innermost(Throwable failure) {
        List<Throwable> chain = chain(failure);
        return chain.get(chain.size() - 1);
    }
}
