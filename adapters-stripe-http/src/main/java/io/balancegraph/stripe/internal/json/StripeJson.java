package io.balancegraph.stripe.internal.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.balancegraph.domain.balance.Balance;
import io.balancegraph.domain.balance.BalanceAmount;
import io.balancegraph.domain.balance.BalanceDetail;
import io.balancegraph.domain.balance.IssuingBalance;
import io.balancegraph.domain.money.Currency;
import io.balancegraph.domain.money.Money;
import io.balancegraph.domain.query.Page;
import io.balancegraph.domain.query.Position;
import io.balancegraph.domain.text.Echo;
import io.balancegraph.domain.transaction.BalanceTransaction;
import io.balancegraph.domain.transaction.BalanceType;
import io.balancegraph.domain.transaction.Fee;
import io.balancegraph.domain.transaction.TransactionSource;
import io.balancegraph.domain.transaction.TransactionStatus;
import io.balancegraph.domain.transaction.TransactionType;
import io.balancegraph.stripe.StripeApiKey;
import io.balancegraph.stripe.internal.json.StripeDtos.AmountDto;
import io.balancegraph.stripe.internal.json.StripeDtos.BalanceDto;
import io.balancegraph.stripe.internal.json.StripeDtos.DetailDto;
import io.balancegraph.stripe.internal.json.StripeDtos.FeeDto;
import io.balancegraph.stripe.internal.json.StripeDtos.IssuingDto;
import io.balancegraph.stripe.internal.json.StripeDtos.ListDto;
import io.balancegraph.stripe.internal.json.StripeDtos.NetAvailableDto;
import io.balancegraph.stripe.internal.json.StripeDtos.TransactionDto;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The one place where Stripe's JSON becomes the domain. Forward-compatible: unknown fields are ignored and
 * unknown values of open enumerations (transaction type, status, balance type, source object) are kept.
 * Exact: amounts are read as 64-bit integers and refused when they are not whole numbers; exchange rates as
 * {@link java.math.BigDecimal}. Parts of a balance Stripe leaves out or sends as {@code null} become empty.
 *
 * <p>An answer that is not what Stripe sends (not JSON, a required field missing, an amount with a fraction)
 * raises {@link MalformedAnswerException} saying where, never a Jackson stack trace.
 */
public final class StripeJson {

    /** More digits, or a larger exponent, than any exchange rate has. */
    private static final int MAX_RATE_DIGITS = 40;

    private static final int MAX_REASON_LENGTH = 200;

    private final ObjectMapper mapper = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // 12.5 cents is not an amount: refuse it rather than truncate.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    public Balance balance(byte[] body) {
        BalanceDto dto = read(body, BalanceDto.class);
        requireObject(dto.object(), "balance");
        return domain("the balance", () -> new Balance(
                amounts(dto.available(), "available"),
                amounts(dto.pending(), "pending"),
                amounts(dto.connectReserved(), "connect_reserved"),
                amounts(dto.instantAvailable(), "instant_available"),
                issuing(dto.issuing()),
                detail(dto.refundAndDisputePrefunding()),
                require(dto.livemode(), "livemode")));
    }

    /**
     * A page of a list. Stripe sends the items newest first in both directions; {@code has_more} speaks of the
     * direction of travel, so it becomes {@code hasOlder} going forward and {@code hasNewer} going backward.
     */
    public Page<BalanceTransaction> transactionPage(byte[] body, Position position) {
        ListDto dto = read(body, ListDto.class);
        requireObject(dto.object(), "list");
        List<TransactionDto> data = require(dto.data(), "data");
        boolean hasMore = require(dto.hasMore(), "has_more");
        List<BalanceTransaction> items = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            items.add(transaction(require(data.get(i), "data[" + i + "]"), "data[" + i + "]"));
        }
        if (position.direction() == Position.Direction.FORWARD) {
            return new Page<>(items, hasMore, position.startingAfter() != null);
        }
        // Going backward from an object: that object itself is older than the page.
        return new Page<>(items, true, hasMore);
    }

    public BalanceTransaction transaction(byte[] body) {
        return transaction(read(body, TransactionDto.class), "the transaction");
    }

    /**
     * Stripe's error object, or empty when the body is not one (an HTML page from a proxy, nothing at all). Read
     * field by field, so one field of an unexpected type does not lose the others.
     */
    public Optional<StripeError> error(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        JsonNode error;
        try {
            error = mapper.readTree(body).path("error");
        } catch (IOException notJson) {
            return Optional.empty();
        }
        if (!error.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new StripeError(text(error, "type"), text(error, "code"), text(error, "decline_code"),
                text(error, "param"), text(error, "message"), text(error, "doc_url"), text(error, "request_id")));
    }

    private BalanceTransaction transaction(TransactionDto t, String where) {
        String at = t.id() == null ? where : where + " (" + t.id() + ")";
        if (t.object() != null && !t.object().equals("balance_transaction")) {
            throw new MalformedAnswerException(at + " is a '" + t.object() + "', not a balance_transaction");
        }
        return domain(at, () -> {
            Currency currency = Currency.of(require(t.currency(), at + ".currency"));
            List<Fee> fees = new ArrayList<>();
            List<FeeDto> feeDetails = t.feeDetails() == null ? List.of() : t.feeDetails();
            for (int i = 0; i < feeDetails.size(); i++) {
                FeeDto fee = require(feeDetails.get(i), at + ".fee_details[" + i + "]");
                Currency feeCurrency = fee.currency() == null ? currency : Currency.of(fee.currency());
                fees.add(new Fee(Money.of(require(fee.amount(), at + ".fee_details[" + i + "].amount"), feeCurrency),
                        require(fee.type(), at + ".fee_details[" + i + "].type"), fee.application(), fee.description()));
            }
            return new BalanceTransaction(
                    require(t.id(), where + ".id"),
                    Money.of(require(t.amount(), at + ".amount"), currency),
                    Money.of(require(t.fee(), at + ".fee"), currency),
                    Money.of(require(t.net(), at + ".net"), currency),
                    fees,
                    exchangeRate(t.exchangeRate(), at + ".exchange_rate"),
                    TransactionType.of(require(t.type(), at + ".type")),
                    TransactionStatus.of(require(t.status(), at + ".status")),
                    require(t.reportingCategory(), at + ".reporting_category"),
                    t.balanceType() == null ? null : BalanceType.of(t.balanceType()),
                    t.description(),
                    Instant.ofEpochSecond(require(t.created(), at + ".created")),
                    Instant.ofEpochSecond(require(t.availableOn(), at + ".available_on")),
                    source(t.source(), at + ".source"));
        });
    }

    /** An id, or an expanded object of any of the source types: its id, type and the fields most of them share. */
    private static TransactionSource source(JsonNode source, String where) {
        if (source == null || source.isNull()) {
            return null;
        }
        if (source.isTextual()) {
            return TransactionSource.ofId(source.textValue());
        }
        if (!source.isObject()) {
            throw new MalformedAnswerException(where + " is neither an id nor an object");
        }
        String id = require(text(source, "id"), where + ".id");
        String object = Optional.ofNullable(text(source, "object")).orElseGet(() -> TransactionSource.objectForId(id));
        JsonNode amount = source.get("amount");
        String currency = text(source, "currency");
        Money money = amount != null && amount.isIntegralNumber() && amount.canConvertToLong() && currency != null
                ? Money.of(amount.longValue(), currency) : null;
        JsonNode created = source.get("created");
        Instant createdAt = created != null && created.isIntegralNumber() && created.canConvertToLong()
                ? Instant.ofEpochSecond(created.longValue()) : null;
        return new TransactionSource(id, object,
                new TransactionSource.Details(money, text(source, "status"), text(source, "description"), createdAt));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static List<BalanceAmount> amounts(List<AmountDto> amounts, String where) {
        if (amounts == null) {
            return List.of();
        }
        List<BalanceAmount> result = new ArrayList<>(amounts.size());
        for (int i = 0; i < amounts.size(); i++) {
            result.add(amount(require(amounts.get(i), where + "[" + i + "]"), where + "[" + i + "]"));
        }
        return result;
    }

    private static BalanceAmount amount(AmountDto dto, String where) {
        Currency currency = Currency.of(require(dto.currency(), where + ".currency"));
        List<BalanceAmount.NetAvailable> net = new ArrayList<>();
        List<NetAvailableDto> netDtos = dto.netAvailable() == null ? List.of() : dto.netAvailable();
        for (int i = 0; i < netDtos.size(); i++) {
            NetAvailableDto n = require(netDtos.get(i), where + ".net_available[" + i + "]");
            net.add(new BalanceAmount.NetAvailable(
                    require(n.destination(), where + ".net_available[" + i + "].destination"),
                    Money.of(require(n.amount(), where + ".net_available[" + i + "].amount"), currency),
                    bySourceType(n.sourceTypes(), currency)));
        }
        return new BalanceAmount(Money.of(require(dto.amount(), where + ".amount"), currency),
                bySourceType(dto.sourceTypes(), currency), net);
    }

    private static Map<String, Money> bySourceType(Map<String, Long> sourceTypes, Currency currency) {
        Map<String, Money> result = new TreeMap<>();
        if (sourceTypes != null) {
            sourceTypes.forEach((type, amount) -> {
                if (amount != null) {
                    result.put(type, Money.of(amount, currency));
                }
            });
        }
        return result;
    }

    private static IssuingBalance issuing(IssuingDto dto) {
        return dto == null ? IssuingBalance.EMPTY : new IssuingBalance(amounts(dto.available(), "issuing.available"));
    }

    private static BalanceDetail detail(DetailDto dto) {
        String where = "refund_and_dispute_prefunding";
        return dto == null ? BalanceDetail.EMPTY
                : new BalanceDetail(amounts(dto.available(), where + ".available"), amounts(dto.pending(), where + ".pending"));
    }

    private static void requireObject(String object, String expected) {
        if (!expected.equals(object)) {
            throw new MalformedAnswerException(object == null
                    ? "it has no \"object\" field, so it is not a Stripe " + expected
                    : "it is a Stripe '" + object + "', not a " + expected);
        }
    }

    private static <T> T require(T value, String where) {
        if (value == null) {
            throw new MalformedAnswerException(where + " is missing or null");
        }
        return value;
    }

    /** Builds domain objects, turning their refusals (a bad currency code, a type that is not a token) into ours. */
    private static <T> T domain(String where, Supplier<T> build) {
        try {
            return build.get();
        } catch (MalformedAnswerException e) {
            throw e;
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
            throw new MalformedAnswerException(where + " cannot be read: " + shorten(e.getMessage()));
        }
    }

    /** Stripe's rates have a handful of digits; one with an absurd exponent would cost a fortune to print. */
    private static BigDecimal exchangeRate(BigDecimal rate, String where) {
        if (rate != null && (Math.abs(rate.scale()) > MAX_RATE_DIGITS || rate.precision() > MAX_RATE_DIGITS)) {
            throw new MalformedAnswerException(where + " is not a plausible exchange rate: " + shorten(rate.toString()));
        }
        return rate;
    }

    private <T> T read(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            throw new MalformedAnswerException("the body is empty");
        }
        T value;
        try {
            value = mapper.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new MalformedAnswerException(reason(e));
        } catch (IOException e) {
            throw new MalformedAnswerException("the body cannot be read: " + shorten(e.getMessage()));
        }
        if (value == null) {
            throw new MalformedAnswerException("the body is JSON null");
        }
        return value;
    }

    /** Not JSON at all (or cut short), or JSON with a value that does not fit where it is. */
    private static String reason(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamReadException parse && !(t instanceof InputCoercionException)) {
                JsonLocation at = parse.getLocation();
                return "the body is not JSON" + (at == null ? "" : " (at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
            }
        }
        if (e instanceof JsonMappingException mapping) {
            return "unexpected value at " + path(mapping) + ": " + shorten(e.getOriginalMessage());
        }
        JsonParser parser = e instanceof StreamReadException read ? read.getProcessor() : null;
        String where = parser != null && parser.getParsingContext() != null
                ? parser.getParsingContext().pathAsPointer().toString() : "the top level";
        return "unexpected value at " + where + ": " + shorten(e.getOriginalMessage());
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "the top level" : path.toString();
    }

    private static String shorten(String message) {
        if (message == null) {
            return "no detail";
        }
        String firstLine = StripeApiKey.redact(message.lines().findFirst().orElse(""));
        return Echo.shorten(firstLine, MAX_REASON_LENGTH);
    }
}
