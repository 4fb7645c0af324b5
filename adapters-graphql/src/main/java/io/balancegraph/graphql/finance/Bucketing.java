package io.balancegraph.graphql.finance;

import io.balancegraph.domain.text.Echo;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a period is cut into buckets: a calendar unit in a time zone. A value, so that it is part of the key a summary
 * is shared and cached by. Boundaries are the zone's local midnights ({@link ZoneId} rules, so clock changes move
 * them, and a midnight that a clock change skips becomes the first instant of that day); a period's first and last
 * buckets are clipped to the period.
 *
 * @param size the unit
 * @param zone the zone, normalized (so {@code UTC} and {@code Etc/UTC} are one bucketing)
 */
public record Bucketing(BucketSize size, ZoneId zone) {

    /** The most buckets one activity may have, over all its bucketings: it bounds a summary's memory (buckets × currencies). */
    public static final int MAX_BUCKETS = 1_000;

    public Bucketing {
        Objects.requireNonNull(size, "size");
        zone = Objects.requireNonNull(zone, "zone").normalized();
    }

    /**
     * The bucketing a caller asked for.
     *
     * @param timeZone an IANA zone id such as {@code Europe/Berlin}, or {@code UTC}, or a fixed offset such as {@code +02:00}
     * @throws IllegalArgumentException naming the zone when Java's zone database does not know it
     */
    public static Bucketing of(BucketSize size, String timeZone) {
        try {
            return new Bucketing(size, ZoneId.of(Objects.requireNonNull(timeZone, "timeZone")));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone \"" + Echo.shorten(timeZone)
                    + "\": give an IANA zone id such as Europe/Berlin or America/New_York, or UTC");
        }
    }

    /**
     * The start of every bucket of the period {@code [start, end)}, first {@code start} itself, then each boundary
     * after it and before {@code end}; at most {@code max + 1} (enough to tell a period with too many).
     *
     * @param start the period's first instant
     * @param end   the instant after the period's last
     * @param max   the most buckets the caller will take
     */
    public List<Instant> starts(Instant start, Instant end, int max) {
        List<Instant> starts = new ArrayList<>();
        starts.add(start);
        LocalDate first = size.first(start.atZone(zone).toLocalDate());
        Instant boundary = size.next(first).atStartOfDay(zone).toInstant();
        while (boundary.isBefore(end) && starts.size() <= max) {
            starts.add(boundary);
            first = size.next(first);
            boundary = size.next(first).atStartOfDay(zone).toInstant();
        }
        return starts;
    }
}
