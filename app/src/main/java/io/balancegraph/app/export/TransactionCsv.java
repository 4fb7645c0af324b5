package io.balancegraph.app.export;

import io.balancegraph.domain.money.Money;
import io.balancegraph.domain.transaction.BalanceTransaction;
import io.balancegraph.domain.transaction.TransactionSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * The export's rows: one per balance transaction, the columns below in this order, UTF-8, {@code \r\n} line ends.
 * Amounts are exact decimals in major units ({@code 12.30} USD, {@code 1500} JPY, {@code 1.234} KWD) and then the
 * same in minor units (64-bit integers); times are RFC 3339 in UTC to the second ({@code 2026-10-30T04:03:47Z});
 * a missing value (no description, no source) is an empty field. Text is quoted and guarded by {@link CsvField}.
 */
final class TransactionCsv {

    private static final DateTimeFormatter UTC_SECONDS = DateTimeFormatter.ISO_INSTANT;

    private record Column(String name, Function<BalanceTransaction, String> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("id", t -> CsvField.text(t.id())),
            new Column("created", t -> time(t.created())),
            new Column("available_on", t -> time(t.availableOn())),
            new Column("type", t -> CsvField.text(t.type().value())),
            new Column("reporting_category", t -> CsvField.text(t.reportingCategory())),
            new Column("status", t -> CsvField.text(t.status().value())),
            new Column("currency", t -> CsvField.text(t.currency().code())),
            new Column("amount", t -> major(t.amount())),
            new Column("fee", t -> major(t.fee())),
            new Column("net", t -> major(t.net())),
            new Column("amount_minor_units", t -> minor(t.amount())),
            new Column("fee_minor_units", t -> minor(t.fee())),
            new Column("net_minor_units", t -> minor(t.net())),
            new Column("exchange_rate", t -> CsvField.number(t.exchangeRate() == null ? null : t.exchangeRate().toPlainString())),
            new Column("description", t -> CsvField.text(t.description())),
            new Column("source", t -> CsvField.text(t.source() == null ? null : t.source().id())),
            new Column("source_type", t -> CsvField.text(sourceType(t.source()))));

    /** The header row, line end included. */
    static final String HEADER = String.join(",", COLUMNS.stream().map(Column::name).toList()) + CsvField.LINE_END;

    private TransactionCsv() {
    }

    /** The column names, in order. */
    static List<String> columns() {
        return COLUMNS.stream().map(Column::name).toList();
    }

    /** One row, line end included. */
    static String row(BalanceTransaction transaction) {
        StringBuilder row = new StringBuilder(256);
        append(row, transaction);
        return row.toString();
    }

    /** A page's rows as one chunk of the file, optionally after the header row. */
    static byte[] chunk(boolean withHeader, List<BalanceTransaction> page) {
        StringBuilder chunk = new StringBuilder((withHeader ? HEADER.length() : 0) + 256 * page.size());
        if (withHeader) {
            chunk.append(HEADER);
        }
        page.forEach(transaction -> append(chunk, transaction));
        return chunk.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void append(StringBuilder row, BalanceTransaction transaction) {
        for (int i = 0; i < COLUMNS.size(); i++) {
            if (i > 0) {
                row.append(',');
            }
            row.append(COLUMNS.get(i).value().apply(transaction));
        }
        row.append(CsvField.LINE_END);
    }

    private static String time(Instant instant) {
        return CsvField.number(UTC_SECONDS.format(instant));
    }

    private static String major(Money money) {
        return CsvField.number(money.toDecimalString());
    }

    private static String minor(Money money) {
        return CsvField.number(Long.toString(money.minorUnits()));
    }

    private static String sourceType(TransactionSource source) {
        return source == null ? null : source.object();
    }
}
