package io.balancegraph.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.balancegraph.domain.balance.BalanceAmount;
import io.balancegraph.domain.money.Currency;
import io.balancegraph.domain.money.Money;
import io.balancegraph.domain.transaction.BalanceTransaction;
import io.balancegraph.domain.transaction.TransactionSource;
import io.balancegraph.graphql.fetch.ActivityFetcher;
import io.balancegraph.graphql.fetch.BalanceFetcher;
import io.balancegraph.graphql.fetch.BalanceChangedFetcher;
import io.balancegraph.graphql.fetch.BalanceTransactionFetcher;
import io.balancegraph.graphql.fetch.BalanceTransactionsFetcher;
import io.balancegraph.graphql.fetch.CurrenciesFetcher;
import io.balancegraph.graphql.fetch.PayoutFetcher;
import io.balancegraph.graphql.fetch.Scalars;
import io.balancegraph.graphql.paging.TransactionCursors;
import io.balancegraph.graphql.read.ReadFeeds;
import io.balancegraph.graphql.read.ReadResult;
import io.balancegraph.graphql.read.SharedReads;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The executable schema: the SDL in {@code graphql/balancegraph.graphqls} wired to the shared reads (queries) and
 * the read feeds (subscriptions). Plain
 * graphql-java, no DI. Root fields have a fetcher class each; the fields below them read the domain records
 * (graphql-java calls record accessors by field name) except where the SDL's shape differs from the record's.
 */
public final class BalanceGraphSchema {

    /** Where the SDL lives on the classpath; it is the public contract. */
    public static final String SDL_RESOURCE = "graphql/balancegraph.graphqls";

    private BalanceGraphSchema() {
    }

    static GraphQLSchema create(SharedReads shared, ReadFeeds feeds, TransactionCursors cursors, Clock clock) {
        Objects.requireNonNull(shared, "shared");
        Objects.requireNonNull(feeds, "feeds");
        Objects.requireNonNull(cursors, "cursors");
        Objects.requireNonNull(clock, "clock");
        TypeDefinitionRegistry types = new SchemaParser().parse(sdl());
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(Scalars.asDeclared(Scalars.DECIMAL, types))
                .scalar(Scalars.asDeclared(Scalars.LONG, types))
                .scalar(Scalars.asDeclared(Scalars.DATE_TIME, types))
                .type("Query", query -> query
                        .dataFetcher("balance", new BalanceFetcher(shared))
                        .dataFetcher("currencies", new CurrenciesFetcher(shared))
                        .dataFetcher("balanceTransactions", new BalanceTransactionsFetcher(shared, cursors))
                        .dataFetcher("balanceTransaction", new BalanceTransactionFetcher(shared))
                        .dataFetcher("activity", new ActivityFetcher(shared, clock))
                        .dataFetcher("payout", new PayoutFetcher(shared)))
                .type("Subscription", subscription -> subscription
                        .dataFetcher("balanceChanged", new BalanceChangedFetcher(feeds)))
                .type("Payout", type -> type
                        .dataFetcher("transactions", PayoutFetcher.transactions(shared, cursors))
                        .dataFetcher("readAt", ReadResult.READ_AT))
                .type("Activity", type -> type
                        .dataFetcher("readAt", ReadResult.READ_AT))
                .type("ActivityTotals", type -> type
                        .dataFetcher("buckets", ActivityFetcher.BUCKETS))
                .type("Balance", type -> type
                        .dataFetcher("id", BalanceFetcher.ID)
                        .dataFetcher("readAt", ReadResult.READ_AT))
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
                        .dataFetcher("code", currency(Currency::code))
                        .dataFetcher("exponent", currency(Currency::exponent))
                        .dataFetcher("name", currency(Currency::displayName)))
                .type("CurrencyBalance", type -> type
                        .dataFetcher("id", held(CurrenciesFetcher.Held::id))
                        .dataFetcher("code", held(held -> held.currency().code()))
                        .dataFetcher("exponent", held(held -> held.currency().exponent()))
                        .dataFetcher("name", held(held -> held.currency().displayName()))
                        .dataFetcher("currency", held(CurrenciesFetcher.Held::currency))
                        .dataFetcher("available", held(CurrenciesFetcher.Held::available))
                        .dataFetcher("pending", held(CurrenciesFetcher.Held::pending)))
                .type("BalanceTransactionConnection", type -> type
                        .dataFetcher("readAt", ReadResult.READ_AT))
                .type("BalanceTransaction", type -> type
                        .dataFetcher("type", transaction(t -> t.type().value()))
                        .dataFetcher("typeKnown", transaction(t -> t.type().isKnown()))
                        .dataFetcher("status", transaction(t -> t.status().value()))
                        .dataFetcher("balanceType", transaction(t -> t.balanceType() == null ? null : t.balanceType().value()))
                        .dataFetcher("readAt", ReadResult.READ_AT))
                .type("TransactionSource", type -> type
                        .dataFetcher("amount", sourceDetail(TransactionSource.Details::amount))
                        .dataFetcher("status", sourceDetail(TransactionSource.Details::status))
                        .dataFetcher("description", sourceDetail(TransactionSource.Details::description))
                        .dataFetcher("created", sourceDetail(TransactionSource.Details::created)))
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

    private static DataFetcher<Object> money(Function<Money, Object> field) {
        return env -> field.apply(env.getSource());
    }

    private static DataFetcher<Object> transaction(Function<BalanceTransaction, Object> field) {
        return env -> field.apply(env.getSource());
    }

    private static DataFetcher<Object> currency(Function<Currency, Object> field) {
        return env -> field.apply(env.getSource());
    }

    private static DataFetcher<Object> held(Function<CurrenciesFetcher.Held, Object> field) {
        return env -> field.apply(env.getSource());
    }

    /** What only an expanded source has; {@code null} when it was not expanded or the object has no such field. */
    private static DataFetcher<Object> sourceDetail(Function<TransactionSource.Details, Object> field) {
        return env -> env.<TransactionSource>getSource().expanded().map(field).orElse(null);
    }

    /** A source-type breakdown as a list, so clients need not know the keys in advance. */
    record SourceTypeAmount(String sourceType, Money money) {
    }

    private static List<SourceTypeAmount> bySourceType(Map<String, Money> amounts) {
        return amounts.entrySet().stream().map(e -> new SourceTypeAmount(e.getKey(), e.getValue())).toList();
    }
}
