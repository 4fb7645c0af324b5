package io.balancegraph.graphql.fetch;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import io.balancegraph.domain.text.Echo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/** The custom scalars of the schema: exact decimals as strings, 64-bit integers and date-times. */
public final class Scalars {

    public static final GraphQLScalarType LONG = ExtendedScalars.GraphQLLong;

    /** extended-scalars' RFC 3339 {@code DateTime}, taught to write the domain's {@link Instant}s (in UTC). */
    public static final GraphQLScalarType DATE_TIME = ExtendedScalars.DateTime.transform(scalar -> scalar
            .coercing(new InstantAwareCoercing(ExtendedScalars.DateTime.getCoercing())));

    public static final GraphQLScalarType DECIMAL = GraphQLScalarType.newScalar()
            .name("Decimal")
            .description("An exact decimal number as a string, e.g. \"30000000.00\".")
            .coercing(new DecimalCoercing())
            .build();

    private Scalars() {
    }

    /** Writes an {@link Instant} as a UTC date-time; everything else is extended-scalars' {@code DateTime}. */
    private static final class InstantAwareCoercing implements Coercing<OffsetDateTime, String> {
        private final Coercing<?, ?> dateTime;

        InstantAwareCoercing(Coercing<?, ?> dateTime) {
            this.dateTime = dateTime;
        }

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            Object utc = value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value;
            return (String) dateTime.serialize(utc, context, locale);
        }

        @Override
        public OffsetDateTime parseValue(Object input, GraphQLContext context, Locale locale) {
            return (OffsetDateTime) dateTime.parseValue(input, context, locale);
        }

        @Override
        public OffsetDateTime parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            return (OffsetDateTime) dateTime.parseLiteral(input, variables, context, locale);
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return dateTime.valueToLiteral(input, context, locale);
        }
    }

    /** Always written as a plain decimal string; read from a string only, so no float ever gets in. */
    private static final class DecimalCoercing implements Coercing<BigDecimal, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof BigDecimal decimal) {
                return decimal.toPlainString();
            }
            if (value instanceof String text) {
                return parse(text, CoercingSerializeException::new).toPlainString();
            }
            throw new CoercingSerializeException("Not a decimal: " + value.getClass().getSimpleName());
        }

        @Override
        public BigDecimal parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof String text) {
                return parse(text, CoercingParseValueException::new);
            }
            throw new CoercingParseValueException("A Decimal is given as a string, e.g. \"12.34\"");
        }

        @Override
        public BigDecimal parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof StringValue text) {
                return parse(text.getValue(), CoercingParseLiteralException::new);
            }
            throw new CoercingParseLiteralException("A Decimal is given as a string, e.g. \"12.34\"");
        }

        private static <E extends RuntimeException> BigDecimal parse(String text, java.util.function.Function<String, E> error) {
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw error.apply("Not a decimal: '" + Echo.shorten(text) + "'");
            }
        }
    }
}
