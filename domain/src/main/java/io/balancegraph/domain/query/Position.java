package io.balancegraph.domain.query;

import java.util.Objects;

/**
 * Where in the list (newest first, as Stripe orders it) a page starts: at the top, after an object (older
 * ones, Stripe's {@code starting_after}) or before it (newer ones, {@code ending_before}).
 */
public record Position(Direction direction, String objectId) {

    public static final Position START = new Position(Direction.FORWARD, null);

    public Position {
        Objects.requireNonNull(direction, "direction");
        if (objectId != null) {
            ObjectIds.require(objectId, direction == Direction.FORWARD ? "after" : "before");
        } else if (direction == Direction.BACKWARD) {
            throw new InvalidQueryException("before", "a backward position needs the id to end before");
        }
    }

    public static Position after(String objectId) {
        return new Position(Direction.FORWARD, Objects.requireNonNull(objectId, "objectId"));
    }

    public static Position before(String objectId) {
        return new Position(Direction.BACKWARD, Objects.requireNonNull(objectId, "objectId"));
    }

    /** The {@code starting_after} id, or {@code null}. */
    public String startingAfter() {
        return direction == Direction.FORWARD ? objectId : null;
    }

    /** The {@code ending_before} id, or {@code null}. */
    public String endingBefore() {
        return direction == Direction.BACKWARD ? objectId : null;
    }

    public boolean isStart() {
        return objectId == null;
    }

    /** Which way through the list. */
    public enum Direction {
        /** Towards older objects: Stripe's natural order. */
        FORWARD,
        /** Towards newer objects. */
        BACKWARD
    }
}
