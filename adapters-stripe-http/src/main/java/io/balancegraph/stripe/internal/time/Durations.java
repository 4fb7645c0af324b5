package io.balancegraph.stripe.internal.time;

import java.time.Duration;
import java.util.Locale;

/** How messages and logs write a duration: {@code 12 s}, {@code 300 ms}, {@code 14.5 s}. */
public final class Durations {

    private Durations() {
    }

    public static String text(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 == 0) {
            return duration.toSeconds() + " s";
        }
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
