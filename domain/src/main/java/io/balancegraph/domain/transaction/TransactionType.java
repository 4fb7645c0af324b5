package io.balancegraph.domain.transaction;

import java.util.Set;

/**
 * A balance transaction's {@code type}. An open enumeration: the values Stripe documents today are known
 * (see {@link #isKnown()}), and any value it adds later is kept as it is rather than rejected.
 */
public record TransactionType(String value) {

    public static final TransactionType ADJUSTMENT = new TransactionType("adjustment");
    public static final TransactionType APPLICATION_FEE = new TransactionType("application_fee");
    public static final TransactionType CHARGE = new TransactionType("charge");
    public static final TransactionType PAYMENT = new TransactionType("payment");
    public static final TransactionType PAYOUT = new TransactionType("payout");
    public static final TransactionType REFUND = new TransactionType("refund");
    public static final TransactionType STRIPE_FEE = new TransactionType("stripe_fee");
    public static final TransactionType TOPUP = new TransactionType("topup");
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

    public TransactionType {
        OpenValues.requireToken(value, "A transaction type");
    }

    public static TransactionType of(String value) {
        return new TransactionType(value);
    }

    /**
     * {@code false} for a type Stripe added after this library was written; such a type is still valid. The
     * legacy types Stripe no longer lists are known.
     */
    public boolean isKnown() {
        return CURRENT.contains(value) || LEGACY.contains(value);
    }

    /** {@code true} for a type Stripe documented once and no longer lists (the {@code obligation_*} ones it dropped). */
    public boolean isLegacy() {
        return LEGACY.contains(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
