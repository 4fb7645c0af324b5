package io.balancegraph.domain.query;

/** A query that cannot be asked: the message says what is wrong, {@link #field()} names the part at fault. */
public final class InvalidQueryException extends IllegalArgumentException {

    private final String field;

    public InvalidQueryException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
