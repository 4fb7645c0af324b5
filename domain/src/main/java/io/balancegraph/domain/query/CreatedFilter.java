package io.balancegraph.domain.query;

import java.time.Instant;
import java.util.Optional;

/**
 * A range of creation times, as Stripe's {@code created[gt|gte|lt|lte]}. Stripe keeps whole seconds, so
 * bounds must be whole seconds too. Refused on construction: both {@code gt} and {@code gte}, both {@code lt}
 * and {@code lte}, and a range that no time can fall in.
 *
 * @param gt  after this time, or {@code null}
 * @param gte at or after this time, or {@code null}
 * @param lt  before this time, or {@code null}
 * @param lte at or before this time, or {@code null}
 */
public record CreatedFilter(Instant gt, Instant gte, Instant lt, Instant lte) {

    /** No bound: every creation time matches. */
    public static final CreatedFilter ANY = new CreatedFilter(null, null, null, null);

    /**
     * Checks the bounds.
     *
     * @param gt  after this time, or {@code null}
     * @param gte at or after this time, or {@code null}
     * @param lt  before this time, or {@code null}
     * @param lte at or before this time, or {@code null}
     * @throws InvalidQueryException when a bound has a fraction of a second, both forms of a side are given, or no
     *                               time can fall in the range
     */
    public CreatedFilter {
        for (Instant bound : new Instant[] {gt, gte, lt, lte}) {
            if (bound != null && bound.getNano() != 0) {
                throw new InvalidQueryException("created", "created bounds are whole seconds (Stripe keeps no more), not " + bound);
            }
        }
        if (gt != null && gte != null) {
            throw new InvalidQueryException("created", "created takes gt or gte, not both");
        }
        if (lt != null && lte != null) {
            throw new InvalidQueryException("created", "created takes lt or lte, not both");
        }
        Optional<Instant> from = firstIncluded(gt, gte);
        Optional<Instant> to = lastIncluded(lt, lte);
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new InvalidQueryException("created", "created range is empty: nothing is created after its start and before its end");
        }
    }

    /**
     * {@return the filter for exactly this second, as Stripe's {@code created=...}}
     *
     * @param time a whole second
     */
    public static CreatedFilter at(Instant time) {
        return new CreatedFilter(null, time, null, time);
    }

    /** {@return whether the filter has no bound} */
    public boolean isAny() {
        return equals(ANY);
    }

    /**
     * {@return whether a creation time falls in the range}
     *
     * @param created the time to test
     */
    public boolean matches(Instant created) {
        return (gt == null || created.isAfter(gt)) && (gte == null || !created.isBefore(gte))
                && (lt == null || created.isBefore(lt)) && (lte == null || !created.isAfter(lte));
    }

    /** {@return the first second the range includes, or empty when it has no start} */
    public Optional<Instant> firstSecond() {
        return firstIncluded(gt, gte);
    }

    /** {@return the last second the range includes, or empty when it has no end} */
    public Optional<Instant> lastSecond() {
        return lastIncluded(lt, lte);
    }

    private static Optional<Instant> firstIncluded(Instant gt, Instant gte) {
        return gt != null ? Optional.of(gt.plusSeconds(1)) : Optional.ofNullable(gte);
    }

    private static Optional<Instant> lastIncluded(Instant lt, Instant lte) {
        return lt != null ? Optional.of(lt.minusSeconds(1)) : Optional.ofNullable(lte);
    }
}
