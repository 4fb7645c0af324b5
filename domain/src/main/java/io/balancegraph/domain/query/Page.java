package io.balancegraph.domain.query;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A page of a list ordered newest first.
 *
 * @param items       the items, newest first
 * @param hasOlder    whether more items follow the last one (the next page, forward)
 * @param hasNewer    whether more items precede the first one (the previous page, backward)
 * @param <T>         the type of the items
 */
public record Page<T>(List<T> items, boolean hasOlder, boolean hasNewer) {

    /**
     * Keeps an unmodifiable copy of the items.
     *
     * @param items    the items, newest first
     * @param hasOlder whether more items follow the last one
     * @param hasNewer whether more items precede the first one
     */
    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    /**
     * {@return a page with no items and nothing beyond it}
     *
     * @param <T> the type of the items
     */
    public static <T> Page<T> empty() {
        return new Page<>(List.of(), false, false);
    }

    /** {@return whether the page has no items} */
    public boolean isEmpty() {
        return items.isEmpty();
    }

    /**
     * {@return whether there is more in the given direction of travel}
     *
     * @param direction which way the pages are read
     */
    public boolean hasMore(Position.Direction direction) {
        return direction == Position.Direction.FORWARD ? hasOlder : hasNewer;
    }

    /**
     * {@return the same page with each item mapped}
     *
     * @param mapper what to make of each item
     * @param <R>    the type of the mapped items
     */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), hasOlder, hasNewer);
    }
}
