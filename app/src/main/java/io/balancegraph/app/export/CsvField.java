package io.balancegraph.app.export;

/**
 * One field of an RFC 4180 file, written so that both a CSV parser and a spreadsheet read back what was meant.
 *
 * <p>Quoting (RFC 4180, section 2): a field holding a comma, a double quote, a CR or an LF is enclosed in double
 * quotes, with each double quote inside doubled; any other field is written as it is.
 *
 * <p>Formula injection: a spreadsheet runs a cell that starts with {@code =}, {@code +}, {@code -} or {@code @} as a
 * formula (and some also after a tab or CR), so a description such as {@code =HYPERLINK(...)} written by whoever
 * created a charge would run on the finance team's machine. {@link #text} puts an apostrophe before such a value
 * (OWASP's advice): spreadsheets then show it as text and hide the apostrophe; a program reading the file sees it.
 * Numbers ({@link #number}) are never changed: a negative amount stays {@code -12.30}, a number to every program.
 */
final class CsvField {

    /** The line end RFC 4180 prescribes. */
    static final String LINE_END = "\r\n";

    private CsvField() {
    }

    /** A text value from outside (a description, an id, an open Stripe value), guarded; empty for {@code null}. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return quoted(startsLikeAFormula(value) ? "'" + value : value);
    }

    /** A number or a date-time we wrote ourselves: never guarded, never quoted (it holds no comma or quote). */
    static String number(String value) {
        return value == null ? "" : value;
    }

    private static boolean startsLikeAFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    private static String quoted(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return '"' + value.replace("\"", "\"\"") + '"';
            }
        }
        return value;
    }
}
