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
 */
public record Page<T>(List<T> items, boolean hasOlder, boolean hasNewer) {

    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    public static <T> Page<T> empty() {
        return new Page<>(List.of(), false, false);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** Whether there is more in the given direction of travel. */
    public boolean hasMore(Position.Direction direction) {
        return direction == Position.Direction.FORWARD ? hasOlder : hasNewer;
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), hasOlder, hasNewer);
    }
}
