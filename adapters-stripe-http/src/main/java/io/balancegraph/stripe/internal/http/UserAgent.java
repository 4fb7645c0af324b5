package io.balancegraph.stripe.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The {@code User-Agent} sent to Stripe: {@code balancegraph/0.1.0 (+https://github.com/balancegraph; Java 17.0.15)}. */
public final class UserAgent {

    private static final String VERSION = readVersion();

    private UserAgent() {
    }

    public static String version() {
        return VERSION;
    }

    public static String value() {
        return "balancegraph/" + VERSION + " (+https://github.com/balancegraph; Java " + System.getProperty("java.version") + ")";
    }

    /** From the build (a filtered resource), else the jar manifest, else {@code unknown}. */
    private static String readVersion() {
        try (InputStream in = UserAgent.class.getResourceAsStream("/io/balancegraph/stripe/version.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version", "");
                if (!version.isBlank() && !version.contains("${")) {
                    return version.strip();
                }
            }
        } catch (IOException unreadable) {
            // fall through to the manifest
        }
        String fromManifest = UserAgent.class.getPackage().getImplementationVersion();
        return fromManifest != null ? fromManifest : "unknown";
    }
}
