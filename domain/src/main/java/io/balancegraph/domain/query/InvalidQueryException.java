package io.balancegraph.domain.query;

/** A query that cannot be asked: the message says what is wrong, {@link #field()} names the part at fault. */
public final class InvalidQueryException extends IllegalArgumentException {

    /** The query's part at fault. */
    private final String field;

    /**
     * A refused query.
     *
     * @param field   the query's part at fault, e.g. {@code limit}
     * @param message what is wrong, for a person
     */
    public InvalidQueryException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** {@return the query's part at fault, e.g. {@code limit} or {@code created}} */
    public String field() {
        return field;
    }
}
