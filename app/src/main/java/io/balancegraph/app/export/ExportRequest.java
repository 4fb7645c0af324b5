package io.balancegraph.app.export;

import io.balancegraph.app.http.RejectedRequestException;
import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.money.Currency;
import io.balancegraph.domain.query.BalanceTransactionQuery;
import io.balancegraph.domain.query.CreatedFilter;
import io.balancegraph.domain.query.InvalidQueryException;
import io.balancegraph.domain.query.ObjectIds;
import io.balancegraph.domain.text.Echo;
import io.balancegraph.domain.transaction.TransactionType;
import io.micronaut.http.HttpStatus;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What one export asks for, read from the query string and checked before anything is read: the account, the
 * query the walk runs (100 a page, the filters given) and the file's name. Every wrong parameter is a 400 naming
 * it (extension {@code parameter}); an unknown or repeated parameter too, so that a typo never exports more than
 * was meant.
 *
 * @param account  whose transactions
 * @param query    the walk's query; its range always has an end ({@code now} when none was given), so the file
 *                 name and the walk agree on it
 * @param filename {@code balance-transactions-<account>[-<payout>][-<from>-<to>].csv}
 */
record ExportRequest(Account account, BalanceTransactionQuery query, String filename) {

    static final String ACCOUNT = "account";
    static final String GT = "created[gt]";
    static final String GTE = "created[gte]";
    static final String LT = "created[lt]";
    static final String LTE = "created[lte]";
    static final String CURRENCY = "currency";
    static final String TYPE = "type";
    static final String PAYOUT = "payout";
    static final String SOURCE = "source";
    static final List<String> PARAMETERS = List.of(ACCOUNT, GTE, GT, LT, LTE, CURRENCY, TYPE, PAYOUT, SOURCE);

    private static final Set<String> KNOWN = Set.copyOf(PARAMETERS);
    /** Unix seconds: at most 11 digits, up to the year 5138, so the number never overflows. */
    private static final Pattern UNIX_SECONDS = Pattern.compile("[0-9]{1,11}");
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    ExportRequest {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(filename, "filename");
    }

    /**
     * Reads the parameters of one request.
     *
     * @param parameters the query string's parameters, each with every value it was given
     * @param now        the end of the range when none is given (whole seconds are kept)
     * @throws RejectedRequestException 400 naming the parameter at fault
     */
    static ExportRequest of(Map<String, List<String>> parameters, Instant now) {
        parameters.forEach((name, values) -> {
            if (!KNOWN.contains(name)) {
                throw invalid(Echo.shorten(name), "unknown parameter '" + Echo.shorten(name) + "': the export takes "
                        + String.join(", ", PARAMETERS));
            }
            if (values.size() > 1) {
                throw invalid(name, name + " is given " + values.size() + " times: give it once");
            }
        });
        Account account = read(ACCOUNT, () -> Account.parse(value(parameters, ACCOUNT)));
        Instant gt = time(parameters, GT);
        Instant gte = time(parameters, GTE);
        Instant lt = time(parameters, LT);
        Instant lte = time(parameters, LTE);
        String payout = id(parameters, PAYOUT);
        if (gt == null && gte == null && payout == null) {
            throw invalid(GTE, "the export needs the start of its range: created[gte] or created[gt], in Unix seconds "
                    + "or RFC 3339 (2026-10-01T00:00:00Z); or a payout");
        }
        if (lt == null && lte == null) {
            lte = now.truncatedTo(ChronoUnit.SECONDS);
        }
        CreatedFilter created = createdFilter(gt, gte, lt, lte);
        BalanceTransactionQuery query = read("created", () -> BalanceTransactionQuery.builder()
                .limit(BalanceTransactionQuery.MAX_LIMIT)
                .created(created)
                .currency(optional(parameters, CURRENCY, Currency::of))
                .type(optional(parameters, TYPE, TransactionType::of))
                .payout(payout)
                .source(id(parameters, SOURCE))
                .build());
        return new ExportRequest(account, query, filename(account, payout, gt != null ? gt : gte, lt != null ? lt : lte));
    }

    private static CreatedFilter createdFilter(Instant gt, Instant gte, Instant lt, Instant lte) {
        try {
            return new CreatedFilter(gt, gte, lt, lte);
        } catch (InvalidQueryException wrong) {
            String parameter = gt != null && gte != null ? GT : lt != null && lte != null ? LT : GTE;
            throw invalid(parameter, wrong.getMessage());
        }
    }

    private static String filename(Account account, String payout, Instant from, Instant to) {
        StringBuilder name = new StringBuilder("balance-transactions-").append(account.name());
        if (payout != null) {
            name.append('-').append(payout);
        }
        if (from != null) {
            name.append('-').append(FILE_TIME.format(from)).append('-').append(FILE_TIME.format(to));
        }
        return name.append(".csv").toString();
    }

    private static Instant time(Map<String, List<String>> parameters, String name) {
        String text = value(parameters, name);
        if (text == null) {
            return null;
        }
        Instant time;
        if (UNIX_SECONDS.matcher(text).matches()) {
            time = Instant.ofEpochSecond(Long.parseLong(text));
        } else {
            try {
                time = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException notATime) {
                throw invalid(name, name + " is '" + Echo.shorten(text) + "': give Unix seconds (1790812800) or an RFC 3339 "
                        + "date-time with its offset (2026-10-01T00:00:00Z, 2026-10-01T02:00:00+02:00)");
            }
        }
        if (time.getNano() != 0) {
            throw invalid(name, name + " is '" + Echo.shorten(text) + "': whole seconds only (Stripe keeps no more)");
        }
        return time;
    }

    private static String id(Map<String, List<String>> parameters, String name) {
        String id = value(parameters, name);
        return id == null ? null : read(name, () -> ObjectIds.require(id, name));
    }

    private static <T> T optional(Map<String, List<String>> parameters, String name, java.util.function.Function<String, T> parse) {
        String text = value(parameters, name);
        return text == null ? null : read(name, () -> parse.apply(text));
    }

    /** The one value of a parameter; {@code null} when it is absent (an empty value counts as absent). */
    private static String value(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0).strip();
    }

    /** Runs a domain parse, turning its refusal (the domain's message) into a 400 that names the parameter. */
    private static <T> T read(String name, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException wrong) {
            String parameter = wrong instanceof InvalidQueryException query ? parameterOf(query.field(), name) : name;
            throw invalid(parameter, wrong.getMessage());
        }
    }

    private static String parameterOf(String field, String fallback) {
        return KNOWN.contains(field) ? field : fallback;
    }

    static RejectedRequestException invalid(String parameter, String message) {
        return new RejectedRequestException(HttpStatus.BAD_REQUEST, "BAD_REQUEST", message, Map.of(),
                Map.of("parameter", parameter));
    }
}
