package io.balancegraph.domain.query;

import java.util.Objects;

/**
 * Where in the list (newest first, as Stripe orders it) a page starts: at the top, after an object (older
 * ones, Stripe's {@code starting_after}) or before it (newer ones, {@code ending_before}).
 *
 * @param direction which way the page reads from the object
 * @param objectId  the object's id, or {@code null} for the top of the list
 */
public record Position(Direction direction, String objectId) {

    /** The top of the list: the newest objects first. */
    public static final Position START = new Position(Direction.FORWARD, null);

    /**
     * Checks the id's shape and that a backward position has one.
     *
     * @param direction which way the page reads from the object
     * @param objectId  the object's id, or {@code null} for the top of the list
     * @throws InvalidQueryException when the id is not a Stripe id, or a backward position has none
     */
    public Position {
        Objects.requireNonNull(direction, "direction");
        if (objectId != null) {
            ObjectIds.require(objectId, direction == Direction.FORWARD ? "after" : "before");
        } else if (direction == Direction.BACKWARD) {
            throw new InvalidQueryException("before", "a backward position needs the id to end before");
        }
    }

    /**
     * {@return the position just after an object: the page holds older objects}
     *
     * @param objectId the object's id ({@code starting_after})
     */
    public static Position after(String objectId) {
        return new Position(Direction.FORWARD, Objects.requireNonNull(objectId, "objectId"));
    }

    /**
     * {@return the position just before an object: the page holds newer objects}
     *
     * @param objectId the object's id ({@code ending_before})
     */
    public static Position before(String objectId) {
        return new Position(Direction.BACKWARD, Objects.requireNonNull(objectId, "objectId"));
    }

    /** {@return the {@code starting_after} id, or {@code null}} */
    public String startingAfter() {
        return direction == Direction.FORWARD ? objectId : null;
    }

    /** {@return the {@code ending_before} id, or {@code null}} */
    public String endingBefore() {
        return direction == Direction.BACKWARD ? objectId : null;
    }

    /** {@return whether this is the top of the list} */
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
