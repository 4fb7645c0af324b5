package io.balancegraph.domain.text;

/**
 * How every module quotes a caller's value back in an error message: cut to a readable length, so an oversized
 * input cannot turn a message (or a log line) into a copy of itself.
 */
public final class Echo {

    /** The longest part of a value a message repeats. */
    public static final int MAX_LENGTH = 40;

    private Echo() {
    }

    /**
     * {@return the text, cut after {@value #MAX_LENGTH} characters with an ellipsis; {@code "null"} for null}
     *
     * @param text the value to quote
     */
    public static String shorten(String text) {
        return shorten(text, MAX_LENGTH);
    }

    /**
     * {@return the text, cut after {@code max} characters with an ellipsis; {@code "null"} for null}
     *
     * @param text the value to quote
     * @param max  the most characters kept
     */
    public static String shorten(String text, int max) {
        if (text == null) {
            return "null";
        }
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
