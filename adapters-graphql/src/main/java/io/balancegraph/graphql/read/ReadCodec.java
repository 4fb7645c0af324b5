package io.balancegraph.graphql.read;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.balancegraph.domain.balance.Balance;
import io.balancegraph.domain.query.Page;
import io.balancegraph.domain.transaction.BalanceTransaction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;

/**
 * A read's answer as bytes for the shared store, and back: JSON of the domain records (their fields, through their
 * canonical constructors, so a record's checks run again on the way back) with {@code readAt}. Money stays whole
 * minor units; instants are ISO-8601. Unknown fields are ignored, so an entry written by a newer release with one
 * more field still reads; {@link #VERSION} in the key separates incompatible forms.
 */
final class ReadCodec {

    /** The serialized form's version, part of every key. */
    static final String VERSION = "r1";

    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    private final JavaType balance = stored(json.constructType(Balance.class));
    private final JavaType page = stored(json.getTypeFactory().constructParametricType(Page.class, BalanceTransaction.class));
    private final JavaType transaction = stored(json.getTypeFactory().constructParametricType(Optional.class, BalanceTransaction.class));

    byte[] encode(ReadResult<?> result) {
        try {
            return json.writeValueAsBytes(new Stored<>(result.readAt(), result.value()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the answer cannot be serialized: " + e.getOriginalMessage(), e);
        }
    }

    /** Whether this codec keeps answers of this kind: balances, pages and single transactions (not summaries). */
    static boolean handles(Read<?> read) {
        return read instanceof Read.BalanceOf || read instanceof Read.TransactionPage || read instanceof Read.TransactionById;
    }

    ReadResult<?> decode(Read<?> read, byte[] bytes) {
        JavaType type = read instanceof Read.BalanceOf ? balance : read instanceof Read.TransactionPage ? page : transaction;
        try {
            Stored<?> stored = json.readValue(bytes, type);
            return new ReadResult<>(stored.value(), stored.readAt());
        } catch (IOException e) {
            throw new UncheckedIOException("a kept answer does not read as " + type, e);
        }
    }

    private JavaType stored(JavaType value) {
        return json.getTypeFactory().constructParametricType(Stored.class, value);
    }

    /** What is kept: the answer and when it arrived from upstream. */
    record Stored<T>(Instant readAt, T value) {
    }
}
