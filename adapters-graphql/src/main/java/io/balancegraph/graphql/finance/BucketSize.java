package io.balancegraph.graphql.finance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The calendar unit an activity is sliced by, in some time zone: a bucket starts at a local midnight, so its length
 * in hours follows the zone (a Berlin day with a clock change has 23 or 25).
 */
public enum BucketSize {

    /** From one local midnight to the next. */
    DAY {
        @Override
        LocalDate first(LocalDate date) {
            return date;
        }

        @Override
        LocalDate next(LocalDate first) {
            return first.plusDays(1);
        }
    },
    /** An ISO week: Monday's local midnight to the next Monday's, as ISO 8601 and most ledgers count weeks. */
    WEEK {
        @Override
        LocalDate first(LocalDate date) {
            return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }

        @Override
        LocalDate next(LocalDate first) {
            return first.plusWeeks(1);
        }
    },
    /** A calendar month: the 1st's local midnight to the next 1st's. */
    MONTH {
        @Override
        LocalDate first(LocalDate date) {
            return date.withDayOfMonth(1);
        }

        @Override
        LocalDate next(LocalDate first) {
            return first.plusMonths(1);
        }
    };

    /** {@return the first day of the bucket that holds this day} */
    abstract LocalDate first(LocalDate date);

    /** {@return the first day of the bucket after the one that starts on {@code first}} */
    abstract LocalDate next(LocalDate first);
}
