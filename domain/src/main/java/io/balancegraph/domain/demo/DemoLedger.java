package io.balancegraph.domain.demo;

import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.balance.Balance;
import io.balancegraph.domain.balance.BalanceAmount;
import io.balancegraph.domain.balance.BalanceDetail;
import io.balancegraph.domain.balance.IssuingBalance;
import io.balancegraph.domain.money.Currency;
import io.balancegraph.domain.money.Money;
import io.balancegraph.domain.money.MoneyTotals;
import io.balancegraph.domain.transaction.BalanceTransaction;
import io.balancegraph.domain.transaction.BalanceType;
import io.balancegraph.domain.transaction.Fee;
import io.balancegraph.domain.transaction.TransactionSource;
import io.balancegraph.domain.transaction.TransactionStatus;
import io.balancegraph.domain.transaction.TransactionType;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A deterministic demo ledger: the same accounts, balances and transactions every time, so demos, docs and
 * tests can rely on them.
 *
 * <p>The platform account holds USD (over 2^31 cents: thirty million dollars), EUR (negative: it owes
 * Stripe), JPY (zero-decimal) and KWD (three-decimal), with {@value #PLATFORM_TRANSACTIONS} transactions of
 * many types, including ones newer than the 2023 API reference. A connected account
 * ({@value #CONNECTED_ACCOUNT}) holds a little USD and GBP. Balances are the sums of the transactions, as at
 * Stripe: available funds are what the available transactions add up to, pending what the pending ones do.
 */
public final class DemoLedger {

    /** The id of the demo's one connected account: read it as {@code Account.connected(CONNECTED_ACCOUNT)}. */
    public static final String CONNECTED_ACCOUNT = "acct_1DemoConnected";
    /** How many balance transactions the platform account has, its two opening balances included. */
    public static final int PLATFORM_TRANSACTIONS = 300;
    /** How many balance transactions the connected account ({@value #CONNECTED_ACCOUNT}) has. */
    public static final int CONNECTED_TRANSACTIONS = 40;
    /** The demo's "now": the newest transaction is just before it; funds of the last week are pending. */
    public static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");

    private static final Currency GBP = Currency.of("GBP");
    private static final Duration PENDING_WINDOW = Duration.ofDays(7);
    /** Payouts leave the last days of available funds in the balance, as a rolling payout schedule does. */
    private static final Duration PAYOUT_DELAY = Duration.ofDays(4);

    private DemoLedger() {
    }

    /**
     * {@return a new ledger of the demo's two accounts, the platform and {@value #CONNECTED_ACCOUNT}, with the same
     * balances and transactions on every call; a read of any other account fails with
     * {@link io.balancegraph.domain.error.PermissionException}}
     *
     * <p>Each call generates the data afresh from fixed seeds; the ledger is immutable and thread-safe, so one can be
     * shared.
     */
    public static InMemoryLedger create() {
        Generated platform = new Generator(new Random(20261101L), "P", Duration.ofHours(3)).generate(PLATFORM_TRANSACTIONS,
                List.of(Currency.USD, Currency.USD, Currency.USD, Currency.EUR, Currency.JPY, Currency.KWD),
                List.of(openingBalance("P", Money.of(3_000_000_000L, Currency.USD), "Opening balance carried over from the previous processor"),
                        openingBalance("P", Money.of(-5_000_000L, Currency.EUR), "Dispute losses carried over")));
        Generated connected = new Generator(new Random(42L), "C", Duration.ofHours(20)).generate(CONNECTED_TRANSACTIONS,
                List.of(Currency.USD, GBP), List.of());
        return InMemoryLedger.builder()
                .account(Account.platform(), balanceOf(platform.transactions, true), platform.transactions, platform.payouts)
                .account(Account.connected(CONNECTED_ACCOUNT), balanceOf(connected.transactions, false), connected.transactions, connected.payouts)
                .build();
    }

    private static BalanceTransaction openingBalance(String prefix, Money amount, String description) {
        Instant created = NOW.minus(Duration.ofDays(400));
        return new BalanceTransaction("txn_demo" + prefix + "Opening" + amount.currency(), amount, Money.zero(amount.currency()),
                amount, List.of(), null, TransactionType.ADJUSTMENT, TransactionStatus.AVAILABLE, "other_adjustment",
                BalanceType.PAYMENTS, description, created, created, null);
    }

    /** Available and pending are the sums of the transactions; the smaller parts are derived from available. */
    private static Balance balanceOf(List<BalanceTransaction> transactions, boolean withExtras) {
        List<BalanceAmount> available = sumBySourceType(transactions, TransactionStatus.AVAILABLE);
        List<BalanceAmount> pending = sumBySourceType(transactions, TransactionStatus.PENDING);
        if (!withExtras) {
            return Balance.of(available, pending, false);
        }
        Money usd = available.stream().filter(a -> a.currency().equals(Currency.USD)).findFirst().orElseThrow().money();
        Money instant = Money.of(Math.min(usd.minorUnits(), 5_000_000L), Currency.USD);
        Money instantNet = Money.of(instant.minorUnits() - instant.minorUnits() / 100, Currency.USD);
        BalanceAmount instantAvailable = new BalanceAmount(instant, Map.of("card", instant),
                List.of(new BalanceAmount.NetAvailable("ba_1DemoBankAccount", instantNet, Map.of("card", instantNet))));
        return new Balance(available, pending,
                List.of(BalanceAmount.of(Money.zero(Currency.USD))),
                List.of(instantAvailable),
                new IssuingBalance(List.of(BalanceAmount.of(Money.of(250_000, Currency.USD), Map.of("card", Money.of(250_000, Currency.USD))))),
                new BalanceDetail(List.of(BalanceAmount.of(Money.of(50_000, Currency.USD))), List.of(BalanceAmount.of(Money.of(0, Currency.USD)))),
                false);
    }

    private static List<BalanceAmount> sumBySourceType(List<BalanceTransaction> transactions, TransactionStatus status) {
        Map<Currency, Map<String, Money>> byCurrency = new TreeMap<>();
        for (BalanceTransaction t : transactions) {
            if (t.status().equals(status)) {
                String sourceType = t.type().equals(TransactionType.TOPUP) ? "bank_account" : "card";
                byCurrency.computeIfAbsent(t.currency(), c -> new TreeMap<>()).merge(sourceType, t.net(), Money::plus);
            }
        }
        List<BalanceAmount> amounts = new ArrayList<>();
        byCurrency.forEach((currency, parts) ->
                amounts.add(BalanceAmount.of(MoneyTotals.sumIn(currency, parts.values(), m -> m), parts)));
        return amounts;
    }

    private record Generated(List<BalanceTransaction> transactions, Map<String, String> payouts) {
    }

    /** Makes transactions from the oldest to the newest, paying out what has become available now and then. */
    private static final class Generator {
        private final Random random;
        private final String prefix;
        private final Duration spacing;
        private final List<BalanceTransaction> transactions = new ArrayList<>();
        private final Map<String, String> payouts = new HashMap<>();
        private final Map<Currency, List<BalanceTransaction>> unpaid = new LinkedHashMap<>();

        Generator(Random random, String prefix, Duration spacing) {
            this.random = random;
            this.prefix = prefix;
            this.spacing = spacing;
        }

        Generated generate(int count, List<Currency> currencies, List<BalanceTransaction> opening) {
            transactions.addAll(opening);
            while (transactions.size() < count) {
                // One transaction every `spacing` (give or take) up to NOW, so the last week's funds are pending.
                Instant created = NOW.minus(spacing.multipliedBy(count - transactions.size()))
                        .plusSeconds(random.nextInt((int) spacing.toSeconds() / 2));
                Currency currency = currencies.get(random.nextInt(currencies.size()));
                BalanceTransaction transaction = next(created, currency);
                if (transaction != null) {
                    transactions.add(transaction);
                }
            }
            return new Generated(List.copyOf(transactions), Map.copyOf(payouts));
        }

        private BalanceTransaction next(Instant created, Currency currency) {
            int roll = random.nextInt(100);
            if (roll < 45) {
                return charge(created, currency);
            } else if (roll < 55) {
                return movement(created, currency, TransactionType.REFUND, "refund", "re", -1, "Refund for order");
            } else if (roll < 65) {
                return payout(created, currency);
            } else if (roll < 73) {
                return movement(created, currency, TransactionType.TRANSFER, "transfer", "tr", -1, "Transfer to seller");
            } else if (roll < 79) {
                return movement(created, currency, TransactionType.APPLICATION_FEE, "platform_earning", "fee", 1, "Application fee");
            } else if (roll < 84) {
                return movement(created, currency, TransactionType.STRIPE_FEE, "fee", null, -1, "Billing - Radar");
            } else if (roll < 89) {
                return movement(created, currency, TransactionType.ADJUSTMENT, "dispute", "du", -1, "Chargeback withdrawal");
            } else if (roll < 93) {
                return movement(created, currency, TransactionType.TOPUP, "topup", "tu", 1, "Top-up from bank");
            } else if (roll < 97) {
                return movement(created, currency, TransactionType.of("reserve_hold"), "risk_reserved_funds", null, -1, "Reserve hold");
            } else {
                return movement(created, currency, TransactionType.of("climate_order_purchase"), "climate_order_purchase", "climorder", -1, "Frontier climate order");
            }
        }

        private BalanceTransaction charge(Instant created, Currency currency) {
            long amount = scaled(currency, 500 + random.nextInt(50_000));
            long processing = amount * 29 / 1000 + scaled(currency, 30);
            long tax = random.nextInt(4) == 0 ? processing / 5 : 0;
            List<Fee> fees = new ArrayList<>();
            fees.add(new Fee(Money.of(processing, currency), "stripe_fee", null, "Stripe processing fees"));
            if (tax > 0) {
                fees.add(new Fee(Money.of(tax, currency), "tax", null, "VAT"));
            }
            BigDecimal exchangeRate = currency.equals(Currency.USD) && random.nextInt(5) == 0 ? new BigDecimal("1.0842") : null;
            return transaction(created, currency, TransactionType.CHARGE, "charge", "ch", amount, processing + tax, fees,
                    exchangeRate, "Order #" + (1000 + transactions.size()), "succeeded");
        }

        private BalanceTransaction movement(Instant created, Currency currency, TransactionType type, String category,
                                            String sourcePrefix, int sign, String description) {
            long amount = sign * scaled(currency, 100 + random.nextInt(type.equals(TransactionType.TOPUP) ? 100_000 : 8_000));
            return transaction(created, currency, type, category, sourcePrefix, amount, 0, List.of(), null,
                    description, sign > 0 ? "succeeded" : "pending");
        }

        /** Pays out everything in this currency that has become available and is not yet paid out. */
        private BalanceTransaction payout(Instant created, Currency currency) {
            List<BalanceTransaction> due = unpaid.getOrDefault(currency, List.of()).stream()
                    .filter(t -> !t.availableOn().isAfter(created.minus(PAYOUT_DELAY))).toList();
            Money total = MoneyTotals.sumIn(currency, due, BalanceTransaction::net);
            if (!total.isPositive()) {
                return null;
            }
            BalanceTransaction payout = transaction(created, currency, TransactionType.PAYOUT, "payout", "po",
                    -total.minorUnits(), 0, List.of(), null, "STRIPE PAYOUT", "paid");
            due.forEach(t -> payouts.put(t.id(), payout.source().id()));
            unpaid.get(currency).removeAll(due);
            return payout;
        }

        private BalanceTransaction transaction(Instant created, Currency currency, TransactionType type, String category,
                                               String sourcePrefix, long amount, long fee, List<Fee> fees,
                                               BigDecimal exchangeRate, String description, String sourceStatus) {
            String suffix = prefix + String.format("%05d", transactions.size());
            Instant availableOn = type.equals(TransactionType.CHARGE) ? created.plus(Duration.ofDays(2)) : created;
            TransactionStatus status = availableOn.isAfter(NOW.minus(PENDING_WINDOW)) ? TransactionStatus.PENDING : TransactionStatus.AVAILABLE;
            Money gross = Money.of(amount, currency);
            TransactionSource source = sourcePrefix == null ? null : new TransactionSource(sourcePrefix + "_demo" + suffix,
                    TransactionSource.objectForId(sourcePrefix + "_"),
                    new TransactionSource.Details(Money.of(Math.abs(amount), currency), sourceStatus, description, created));
            BalanceTransaction transaction = new BalanceTransaction("txn_demo" + suffix, gross, Money.of(fee, currency),
                    Money.of(amount - fee, currency), fees, exchangeRate, type, status, category, BalanceType.PAYMENTS,
                    description, created, availableOn, source);
            if (!type.equals(TransactionType.PAYOUT)) {
                unpaid.computeIfAbsent(currency, c -> new ArrayList<>()).add(transaction);
            }
            return transaction;
        }

        /**
         * A demo amount in the currency's minor units, of roughly the worth of {@code cents} US cents. A yen (JPY has
         * no minor unit) is worth about two thirds of a cent, close enough for demo data, so zero- and two-decimal
         * currencies take the number as it is; a fils (0.001 KWD) is worth about a third of a cent, so three-decimal
         * currencies take three times as many.
         */
        private static long scaled(Currency currency, long cents) {
            return currency.exponent() == 3 ? cents * 3 : cents;
        }
    }
}
