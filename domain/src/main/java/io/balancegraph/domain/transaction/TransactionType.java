package io.balancegraph.domain.transaction;

import java.util.Set;

/**
 * A balance transaction's {@code type}. An open enumeration: the values Stripe documents today are known
 * (see {@link #isKnown()}), and any value it adds later is kept as it is rather than rejected.
 *
 * @param value Stripe's value, e.g. {@code charge}
 */
public record TransactionType(String value) {

    /**
     * A correction of the balance: a dispute (chargeback) withdrawal or its reversal, a failed refund, or another
     * adjustment by Stripe. Its {@code reporting_category} ({@code dispute}, {@code dispute_reversal},
     * {@code refund_failure}, {@code other_adjustment}) tells which.
     */
    public static final TransactionType ADJUSTMENT = new TransactionType("adjustment");
    /** A Connect platform's fee on a connected account's payment; adds to the platform's balance. */
    public static final TransactionType APPLICATION_FEE = new TransactionType("application_fee");
    /** A charge that succeeded ({@code ch_...}): its amount is what the customer paid, its net that less the fees. */
    public static final TransactionType CHARGE = new TransactionType("charge");
    /**
     * A payment that is not a card charge ({@code py_...}), e.g. a bank debit or, on a connected account, funds its
     * platform sent it. Finance reports count it with charges ({@code reporting_category} {@code charge}).
     */
    public static final TransactionType PAYMENT = new TransactionType("payment");
    /** Funds paid out of the balance to a bank account or debit card ({@code po_...}); a negative amount. */
    public static final TransactionType PAYOUT = new TransactionType("payout");
    /** Money given back to a customer for a charge ({@code re_...}); a negative amount. */
    public static final TransactionType REFUND = new TransactionType("refund");
    /** A fee Stripe charges apart from any one payment, e.g. for Radar or Billing; a negative amount. */
    public static final TransactionType STRIPE_FEE = new TransactionType("stripe_fee");
    /** Funds added to the balance from the account's bank ({@code tu_...}); a positive amount. */
    public static final TransactionType TOPUP = new TransactionType("topup");
    /** Funds sent from a platform's balance to a connected account ({@code tr_...}); negative on the platform. */
    public static final TransactionType TRANSFER = new TransactionType("transfer");

    /**
     * The {@code balance_transaction.type} enum of Stripe's OpenAPI for API version 2026-07-29.dahlia
     * (stripe/openapi, openapi/spec3.json): 50 values.
     */
    private static final Set<String> CURRENT = Set.of(
            "adjustment", "advance", "advance_funding", "anticipation_repayment", "application_fee",
            "application_fee_refund", "charge", "climate_order_purchase", "climate_order_refund",
            "connect_collection_transfer", "contribution", "fee_credit_funding", "inbound_transfer",
            "inbound_transfer_reversal", "issuing_authorization_hold", "issuing_authorization_release",
            "issuing_dispute", "issuing_transaction", "obligation_outbound", "obligation_reversal_inbound", "payment",
            "payment_failure_refund", "payment_network_reserve_hold", "payment_network_reserve_release",
            "payment_refund", "payment_reversal", "payment_unreconciled", "payout", "payout_cancel",
            "payout_failure", "payout_minimum_balance_hold", "payout_minimum_balance_release", "refund",
            "refund_failure", "reserve_hold", "reserve_release", "reserve_transaction", "reserved_funds",
            "stripe_balance_payment_debit", "stripe_balance_payment_debit_reversal", "stripe_fee", "stripe_fx_fee",
            "tax_fee", "tax_fund", "topup", "topup_reversal", "transfer", "transfer_cancel", "transfer_failure",
            "transfer_refund");

    /**
     * Types Stripe documented in earlier API versions and no longer lists. Still known: older transactions can
     * carry them, and they are not new to us.
     */
    private static final Set<String> LEGACY = Set.of(
            "obligation_inbound", "obligation_payout", "obligation_payout_failure", "obligation_reversal_outbound");

    /**
     * Checks that the value can be a Stripe type; whether Stripe documents it is not checked (see
     * {@link #isKnown()}).
     *
     * @param value a token such as {@code charge}: 1 to 100 lower-case letters, digits, {@code _} and {@code .}
     * @throws NullPointerException     when it is {@code null}
     * @throws IllegalArgumentException when it cannot be a Stripe value (the message quotes it, shortened)
     */
    public TransactionType {
        OpenValues.requireToken(value, "A transaction type");
    }

    /**
     * {@return the type with this value, known or not}
     *
     * @param value a lower-case token such as {@code charge}
     * @throws IllegalArgumentException when it cannot be a Stripe value
     */
    public static TransactionType of(String value) {
        return new TransactionType(value);
    }

    /**
     * {@return whether this version of the library knows the type: {@code false} for a type Stripe added after it
     * was written, which is still valid and kept as it is; {@code true} for the legacy types Stripe no longer lists}
     */
    public boolean isKnown() {
        return CURRENT.contains(value) || LEGACY.contains(value);
    }

    /**
     * {@return whether Stripe documented the type once and no longer lists it (the {@code obligation_*} ones it
     * dropped); such a type can still appear on older transactions}
     */
    public boolean isLegacy() {
        return LEGACY.contains(value);
    }

    /** {@return Stripe's value, e.g. {@code charge}} */
    @Override
    public String toString() {
        return value;
    }
}
