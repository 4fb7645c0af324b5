package io.balancegraph.domain.demo;

import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.balance.Balance;
import io.balancegraph.domain.balance.BalanceAmount;
import io.balancegraph.domain.error.InvalidRequestException;
import io.balancegraph.domain.error.PermissionException;
import io.balancegraph.domain.error.UpstreamError;
import io.balancegraph.domain.port.BalanceLedger;
import io.balancegraph.domain.query.BalanceTransactionQuery;
import io.balancegraph.domain.query.Page;
import io.balancegraph.domain.query.Position;
import io.balancegraph.domain.transaction.BalanceTransaction;
import io.balancegraph.domain.money.Money;
import io.balancegraph.domain.transaction.TransactionSource;
import io.balancegraph.domain.transaction.TransactionStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The ports answered from memory, with Stripe's semantics: newest first, cursors by object id, filters
 * as Stripe applies them, an unknown cursor refused as Stripe refuses it. Thread-safe (immutable: {@link #with}
 * makes a new ledger).
 * Used by the app's demo mode and by tests, ours and embedders'.
 */
public final class InMemoryLedger implements BalanceLedger {

    /** Stripe's list order: newest first; ties broken by id so the order is total. */
    static final Comparator<BalanceTransaction> NEWEST_FIRST =
            Comparator.comparing(BalanceTransaction::created).reversed()
                    .thenComparing(BalanceTransaction::id, Comparator.reverseOrder());

    private final Map<Account, Book> books;

    private InMemoryLedger(Map<Account, Book> books) {
        this.books = Map.copyOf(books);
    }

    /** {@return a builder with no account: a read of an account not added fails with {@link PermissionException}} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return a ledger like this one, with the transaction added to the account: listed in its place (newest first)
     * and its net amount added to the account's available or pending funds in its currency, as at Stripe}
     *
     * <p>This ledger does not change; the demo's ticking swaps the ledger it serves for the one returned.
     *
     * @param account     an account of this ledger
     * @param transaction a transaction whose id the account does not have yet, available or pending
     * @throws IllegalArgumentException when the ledger has no such account, the id is taken, or the transaction is
     *                                  neither available nor pending
     */
    public InMemoryLedger with(Account account, BalanceTransaction transaction) {
        Objects.requireNonNull(transaction, "transaction");
        Book book = books.get(Objects.requireNonNull(account, "account"));
        if (book == null) {
            throw new IllegalArgumentException("The ledger has no account " + account.name());
        }
        if (book.byId(transaction.id()).isPresent()) {
            throw new IllegalArgumentException("The account has a transaction " + transaction.id() + " already");
        }
        Map<Account, Book> more = new HashMap<>(books);
        more.put(account, book.with(transaction));
        return new InMemoryLedger(more);
    }

    @Override
    public CompletionStage<Balance> readBalance(Account account) {
        return book(account).thenApply(Book::balance);
    }

    @Override
    public CompletionStage<Page<BalanceTransaction>> listTransactions(Account account, BalanceTransactionQuery query) {
        return book(account).thenCompose(book -> {
            try {
                return CompletableFuture.completedFuture(book.page(query));
            } catch (InvalidRequestException e) {
                return CompletableFuture.failedFuture(e);
            }
        });
    }

    @Override
    public CompletionStage<Optional<BalanceTransaction>> getTransaction(Account account, String transactionId, boolean expandSource) {
        return book(account).thenApply(book -> book.byId(transactionId)
                .map(transaction -> expandSource ? transaction : withoutSourceDetails(transaction)));
    }

    private CompletableFuture<Book> book(Account account) {
        Book book = books.get(Objects.requireNonNull(account, "account"));
        if (book == null) {
            return CompletableFuture.failedFuture(new PermissionException(new UpstreamError(403, "invalid_request_error",
                    "account_invalid", null, "No access to account " + account.name(), null)));
        }
        return CompletableFuture.completedFuture(book);
    }

    /** What Stripe returns without {@code expand[]}: the source's id only. */
    static BalanceTransaction withoutSourceDetails(BalanceTransaction t) {
        if (t.source() == null || t.source().details() == null) {
            return t;
        }
        return new BalanceTransaction(t.id(), t.amount(), t.fee(), t.net(), t.feeDetails(), t.exchangeRate(), t.type(),
                t.status(), t.reportingCategory(), t.balanceType(), t.description(), t.created(), t.availableOn(),
                new TransactionSource(t.source().id(), t.source().object(), null));
    }

    /** One account's balance and transactions, newest first, with the payout each was paid out in. */
    private record Book(Balance balance, List<BalanceTransaction> transactions, Map<String, String> payoutByTransaction) {

        Book with(BalanceTransaction transaction) {
            boolean available = transaction.status().equals(TransactionStatus.AVAILABLE);
            if (!available && !transaction.status().equals(TransactionStatus.PENDING)) {
                throw new IllegalArgumentException("A transaction added to a demo ledger is available or pending, not "
                        + transaction.status().value());
            }
            List<BalanceTransaction> sorted = new ArrayList<>(transactions);
            sorted.add(transaction);
            sorted.sort(NEWEST_FIRST);
            Balance b = balance;
            Balance moved = new Balance(available ? plus(b.available(), transaction.net()) : b.available(),
                    available ? b.pending() : plus(b.pending(), transaction.net()),
                    b.connectReserved(), b.instantAvailable(), b.issuing(), b.refundAndDisputePrefunding(), b.livemode());
            return new Book(moved, List.copyOf(sorted), payoutByTransaction);
        }

        /** The amounts with the net added to its currency's entry (and its card part), or a new entry for it. */
        private static List<BalanceAmount> plus(List<BalanceAmount> amounts, Money net) {
            List<BalanceAmount> result = new ArrayList<>();
            boolean added = false;
            for (BalanceAmount amount : amounts) {
                if (amount.currency().equals(net.currency())) {
                    Map<String, Money> parts = new TreeMap<>(amount.bySourceType());
                    parts.merge("card", net, Money::plus);
                    result.add(new BalanceAmount(amount.money().plus(net), parts, amount.netAvailable()));
                    added = true;
                } else {
                    result.add(amount);
                }
            }
            if (!added) {
                result.add(BalanceAmount.of(net, Map.of("card", net)));
            }
            return result;
        }

        Optional<BalanceTransaction> byId(String id) {
            return transactions.stream().filter(t -> t.id().equals(id)).findFirst();
        }

        Page<BalanceTransaction> page(BalanceTransactionQuery query) {
            List<BalanceTransaction> matching = transactions.stream()
                    .filter(query::matches)
                    .filter(t -> query.payout() == null || query.payout().equals(payoutByTransaction.get(t.id())))
                    .map(t -> query.expandSource() ? t : withoutSourceDetails(t))
                    .toList();
            Position position = query.position();
            if (position.isStart()) {
                return window(matching, 0, Math.min(query.limit(), matching.size()));
            }
            BalanceTransaction cursor = byId(position.objectId()).orElseThrow(() -> new InvalidRequestException(
                    new UpstreamError(400, "invalid_request_error", "resource_missing",
                            position.direction() == Position.Direction.FORWARD ? "starting_after" : "ending_before",
                            "No such balance transaction: '" + position.objectId() + "'", null)));
            // The matching list is sorted, so what is newer than the cursor is a prefix and what is older a suffix.
            int newerEnd = countWhile(matching, t -> NEWEST_FIRST.compare(t, cursor) < 0);
            int olderStart = countWhile(matching, t -> NEWEST_FIRST.compare(t, cursor) <= 0);
            if (position.direction() == Position.Direction.FORWARD) {
                return window(matching, olderStart, Math.min(olderStart + query.limit(), matching.size()));
            }
            return window(matching, Math.max(0, newerEnd - query.limit()), newerEnd);
        }

        private static int countWhile(List<BalanceTransaction> list, java.util.function.Predicate<BalanceTransaction> test) {
            int count = 0;
            while (count < list.size() && test.test(list.get(count))) {
                count++;
            }
            return count;
        }

        private static Page<BalanceTransaction> window(List<BalanceTransaction> matching, int from, int to) {
            return new Page<>(matching.subList(from, to), to < matching.size(), from > 0);
        }
    }

    /** Collects the accounts of a ledger. */
    public static final class Builder {
        private final Map<Account, Book> books = new HashMap<>();

        private Builder() {
        }

        /**
         * Adds an account with its balance and transactions.
         *
         * @param account      the account
         * @param balance      its balance, as {@code readBalance} answers it
         * @param transactions its transactions, in any order
         * @return this builder
         */
        public Builder account(Account account, Balance balance, List<BalanceTransaction> transactions) {
            return account(account, balance, transactions, Map.of());
        }

        /**
         * Adds an account with its balance, transactions and the payouts they were paid out in.
         *
         * @param account             the account
         * @param balance             its balance, as {@code readBalance} answers it
         * @param transactions        its transactions, in any order
         * @param payoutByTransaction the payout ({@code po_...}) each transaction was paid out in, for the
         *                            {@code payout} filter
         * @return this builder
         */
        public Builder account(Account account, Balance balance, List<BalanceTransaction> transactions,
                               Map<String, String> payoutByTransaction) {
            List<BalanceTransaction> sorted = transactions.stream().sorted(NEWEST_FIRST).toList();
            books.put(account, new Book(balance, sorted, Map.copyOf(payoutByTransaction)));
            return this;
        }

        /** {@return the ledger of the accounts added} */
        public InMemoryLedger build() {
            return new InMemoryLedger(books);
        }
    }
}
