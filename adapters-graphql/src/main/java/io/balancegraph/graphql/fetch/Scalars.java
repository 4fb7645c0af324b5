package io.balancegraph.graphql.fetch;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.AstPrinter;
import graphql.language.ScalarTypeDefinition;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import graphql.schema.idl.TypeDefinitionRegistry;
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

    /**
     * {@return the runtime scalar with the description and {@code @specifiedBy} URL its SDL declaration gives} so that
     * introspection says what the shipped SDL says (graphql-java keeps a wired scalar's own description).
     *
     * @param scalar one of this class's scalars
     * @param types the parsed SDL, which declares it
     */
    public static GraphQLScalarType asDeclared(GraphQLScalarType scalar, TypeDefinitionRegistry types) {
        ScalarTypeDefinition declared = types.scalars().get(scalar.getName());
        if (declared == null) {
            throw new IllegalStateException("the SDL declares no scalar " + scalar.getName());
        }
        String specifiedBy = declared.getDirectives("specifiedBy").stream()
                .map(directive -> ((StringValue) directive.getArgument("url").getValue()).getValue())
                .findFirst().orElse(null);
        return scalar.transform(builder -> builder
                .description(declared.getDescription() == null ? null : declared.getDescription().getContent())
                .specifiedByUrl(specifiedBy));
    }

    /**
     * Writes an {@link Instant} as a UTC date-time; everything else is extended-scalars' {@code DateTime}, except that
     * a value it refuses is refused in our words (its own message quotes Java's parser).
     */
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
            try {
                return (OffsetDateTime) dateTime.parseValue(input, context, locale);
            } catch (CoercingParseValueException e) {
                throw new CoercingParseValueException(notADateTime(String.valueOf(input)));
            }
        }

        @Override
        public OffsetDateTime parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            try {
                return (OffsetDateTime) dateTime.parseLiteral(input, variables, context, locale);
            } catch (CoercingParseLiteralException e) {
                String given = input instanceof StringValue text ? text.getValue() : AstPrinter.printAst(input);
                throw new CoercingParseLiteralException(notADateTime(given));
            }
        }

        private static String notADateTime(String given) {
            return "a DateTime is an RFC 3339 date-time with an offset, e.g. \"2026-11-01T12:00:00Z\", not '"
                    + Echo.shorten(given) + "'";
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
