package io.balancegraph.domain.transaction;

import io.balancegraph.domain.money.Money;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Stripe object a transaction relates to (a charge, refund, payout, transfer, ...).
 *
 * @param id      the object's id, e.g. {@code ch_3MmlLrLkdIwHu7ix0snN0B15}
 * @param object  its object type, e.g. {@code charge}; read from an expanded object, or else derived from
 *                the id's prefix; {@code null} when neither tells
 * @param details what an expanded source adds; {@code null} when the source was not expanded
 */
public record TransactionSource(String id, String object, Details details) {

    /** Stripe's id prefixes and the object types they stand for. */
    private static final Map<String, String> OBJECT_BY_PREFIX = Map.ofEntries(
            Map.entry("ch", "charge"), Map.entry("py", "charge"), Map.entry("re", "refund"),
            Map.entry("pyr", "refund"), Map.entry("po", "payout"), Map.entry("tr", "transfer"),
            Map.entry("trr", "transfer_reversal"), Map.entry("fee", "application_fee"),
            Map.entry("fr", "fee_refund"), Map.entry("du", "dispute"), Map.entry("dp", "dispute"),
            Map.entry("iauth", "issuing.authorization"), Map.entry("ipi", "issuing.transaction"),
            Map.entry("idp", "issuing.dispute"), Map.entry("tu", "topup"),
            Map.entry("ccsbtxn", "customer_cash_balance_transaction"), Map.entry("ptf", "platform_tax_fee"),
            Map.entry("rtx", "reserve_transaction"), Map.entry("itd", "tax_deducted_at_source"),
            Map.entry("cct", "connect_collection_transfer"));

    /**
     * Checks that there is an id and that the object type can be a Stripe value.
     *
     * @param id      the object's id
     * @param object  its object type, or {@code null}
     * @param details what an expanded source adds, or {@code null}
     * @throws IllegalArgumentException when the object type cannot be a Stripe value
     */
    public TransactionSource {
        Objects.requireNonNull(id, "id");
        if (object != null) {
            OpenValues.requireToken(object, "A source object type");
        }
    }

    /**
     * {@return a source known only by its id, as Stripe returns it without {@code expand[]}}
     *
     * @param id the object's id; its prefix gives the object type when it is a known one
     */
    public static TransactionSource ofId(String id) {
        return new TransactionSource(id, objectForId(id), null);
    }

    /**
     * {@return the object type Stripe's id prefix stands for, or {@code null} for a prefix we do not know}
     *
     * @param id a Stripe object id, e.g. {@code ch_...}
     */
    public static String objectForId(String id) {
        int underscore = id.indexOf('_');
        return underscore < 0 ? null : OBJECT_BY_PREFIX.get(id.substring(0, underscore));
    }

    /** {@return what the expanded source adds; empty when the source was not expanded} */
    public Optional<Details> expanded() {
        return Optional.ofNullable(details);
    }

    /**
     * The fields most source objects share, read from an expanded source. Each is {@code null} where the
     * object has no such field.
     *
     * @param amount      the object's amount, e.g. a charge's
     * @param status      its status, e.g. {@code succeeded}
     * @param description its description
     * @param created     when it was created
     */
    public record Details(Money amount, String status, String description, Instant created) {
    }
}
