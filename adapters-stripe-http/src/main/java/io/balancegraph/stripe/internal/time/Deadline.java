package io.balancegraph.stripe.internal.time;

import java.time.Duration;

/**
 * The moment by which a call must be over, on a {@link Scheduling} clock: counted from when the call was made, so
 * that waiting for a rate-limit permit, every attempt and every wait between attempts all count against it.
 */
public final class Deadline {

    private final Scheduling clock;
    private final Duration length;
    private final long atNanos;

    private Deadline(Scheduling clock, Duration length) {
        this.clock = clock;
        this.length = length;
        this.atNanos = clock.nanoTime() + length.toNanos();
    }

    /** A deadline {@code length} from now. */
    public static Deadline after(Duration length, Scheduling clock) {
        return new Deadline(clock, length);
    }

    /** How long the call may take in all, e.g. 12 s. */
    public Duration length() {
        return length;
    }

    /** The moment itself, in {@link Scheduling#nanoTime()}. */
    public long atNanos() {
        return atNanos;
    }

    /** Time left; zero or negative once the deadline has passed. */
    public Duration remaining() {
        return Duration.ofNanos(atNanos - clock.nanoTime());
    }

    /** Whether a wait of this long, started now, would end before the deadline. */
    public boolean allows(Duration wait) {
        return wait.compareTo(remaining()) < 0;
    }
}
