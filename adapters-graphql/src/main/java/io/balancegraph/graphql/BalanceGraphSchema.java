package io.balancegraph.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.balance.BalanceAmount;
import io.balancegraph.domain.money.Currency;
import io.balancegraph.domain.money.Money;
import io.balancegraph.domain.port.ReadBalancePort;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The executable schema: the SDL in {@code graphql/balancegraph.graphqls} wired to the domain ports. Plain
 * graphql-java, no DI, so it can be built in a test or another container as easily as in the app.
 */
public final class BalanceGraphSchema {

    /** Where the SDL lives on the classpath; it is the public contract. */
    public static final String SDL_RESOURCE = "graphql/balancegraph.graphqls";

    private BalanceGraphSchema() {
    }

    public static GraphQLSchema create(ReadBalancePort balances) {
        Objects.requireNonNull(balances, "balances");
        TypeDefinitionRegistry types = new SchemaParser().parse(sdl());
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(Scalars.DECIMAL)
                .scalar(Scalars.LONG)
                .type("Query", query -> query
                        .dataFetcher("balance", env -> balances.readBalance(Account.parse(env.getArgument("account")))))
                .type("BalanceAmount", type -> type
                        .dataFetcher("bySourceType", env -> bySourceType(env.<BalanceAmount>getSource().bySourceType())))
                .type("NetAvailable", type -> type
                        .dataFetcher("bySourceType", env -> bySourceType(env.<BalanceAmount.NetAvailable>getSource().bySourceType())))
                .type("Money", type -> type
                        .dataFetcher("amount", money(Money::toMajor))
                        .dataFetcher("minorUnits", money(Money::minorUnits))
                        .dataFetcher("currencyCode", money(m -> m.currency().code()))
                        .dataFetcher("currency", money(Money::currency)))
                .type("Currency", type -> type
                        .dataFetcher("name", env -> env.<Currency>getSource().displayName()))
                .build();
        return new SchemaGenerator().makeExecutableSchema(types, wiring);
    }

    /** The schema's SDL as shipped, for clients' code generators. */
    public static String sdl() {
        try (InputStream in = BalanceGraphSchema.class.getClassLoader().getResourceAsStream(SDL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SDL_RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DataFetcher<Object> money(java.util.function.Function<Money, Object> field) {
        return env -> field.apply(env.getSource());
    }

    /** A source-type breakdown as a list, so clients need not know the keys in advance. */
    record SourceTypeAmount(String sourceType, Money money) {
    }

    private static List<SourceTypeAmount> bySourceType(Map<String, Money> amounts) {
        return amounts.entrySet().stream().map(e -> new SourceTypeAmount(e.getKey(), e.getValue())).toList();
    }
}
