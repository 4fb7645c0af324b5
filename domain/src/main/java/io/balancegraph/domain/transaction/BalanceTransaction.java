package io.balancegraph.domain.transaction;

import io.balancegraph.domain.money.Currency;
import io.balancegraph.domain.money.CurrencyMismatchException;
import io.balancegraph.domain.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Funds moving through a Stripe balance: one entry of the balance history.
 *
 * @param id                the transaction id ({@code txn_...})
 * @param amount            gross amount; positive when charged to another party, negative when sent
 * @param fee               fees paid for it, positive when assessed
 * @param net               net effect on the balance ({@code amount - fee} at Stripe)
 * @param feeDetails        the fee broken down
 * @param exchangeRate      the rate used when money was converted into this currency, or {@code null}
 * @param type              what kind of movement it is (open: new types are kept)
 * @param status            whether the net funds are available or pending (open)
 * @param reportingCategory Stripe's accounting classification, e.g. {@code charge} (open)
 * @param balanceType       the balance it affects, or {@code null} on API versions that do not report it
 * @param description       free text, or {@code null}
 * @param created           when it was created
 * @param availableOn       when its net funds become available
 * @param source            the Stripe object it relates to, or {@code null}
 */
public record BalanceTransaction(
        String id,
        Money amount,
        Money fee,
        Money net,
        List<Fee> feeDetails,
        BigDecimal exchangeRate,
        TransactionType type,
        TransactionStatus status,
        String reportingCategory,
        BalanceType balanceType,
        String description,
        Instant created,
        Instant availableOn,
        TransactionSource source) {

    /**
     * Checks that every required part is there and that fee and net are in the amount's currency.
     *
     * @param id                the transaction id
     * @param amount            gross amount
     * @param fee               fees paid for it
     * @param net               net effect on the balance
     * @param feeDetails        the fee broken down; copied
     * @param exchangeRate      the conversion rate, or {@code null}
     * @param type              what kind of movement it is
     * @param status            available or pending
     * @param reportingCategory Stripe's accounting classification
     * @param balanceType       the balance it affects, or {@code null}
     * @param description       free text, or {@code null}
     * @param created           when it was created
     * @param availableOn       when its net funds become available
     * @param source            the Stripe object it relates to, or {@code null}
     * @throws CurrencyMismatchException when fee or net is in another currency
     */
    public BalanceTransaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(net, "net");
        feeDetails = List.copyOf(Objects.requireNonNull(feeDetails, "feeDetails"));
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reportingCategory, "reportingCategory");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(availableOn, "availableOn");
        for (Money money : List.of(fee, net)) {
            if (!money.isIn(amount.currency())) {
                throw new CurrencyMismatchException(amount.currency(), money.currency());
            }
        }
    }

    /** {@return the transaction's currency: amount, fee and net are all in it} */
    public Currency currency() {
        return amount.currency();
    }
}
