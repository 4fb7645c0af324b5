package io.balancegraph.app.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.balancegraph.domain.account.Account;
import io.balancegraph.domain.text.Echo;

import java.io.IOException;
import java.util.Objects;
import java.util.Set;

/**
 * What a verified webhook delivery says, of what this service uses: the event's id, its type, and the account it is
 * about (the connected account Stripe names in {@code account}, otherwise the platform). Everything else in the event
 * (its {@code data.object}, fields Stripe adds tomorrow) is not read: the event only says that the account's money
 * moved, and the balance is read fresh from Stripe.
 *
 * @param id      Stripe's event id, {@code evt_…}
 * @param type    the event type, e.g. {@code payout.paid}
 * @param account the platform, or the connected account of a Connect event
 */
public record StripeEvent(String id, String type, Account account) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The types that mean an account's balance or transactions changed: a charge, refund or dispute moves funds,
     * {@code balance.available} fires when pending funds become available (but not for negative changes, hence the
     * others), payouts, top-ups and transfers move funds out or in. {@code charge.*} includes
     * {@code charge.refunded} and {@code charge.dispute.*}.
     */
    static final Set<String> PREFIXES = Set.of("charge.", "payout.", "topup.", "transfer.", "refund.");
    static final Set<String> TYPES = Set.of("balance.available");

    public StripeEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(account, "account");
    }

    /** Thrown for a body that is not a Stripe event; the message is short and for the sender. */
    public static final class NotAnEvent extends Exception {
        NotAnEvent(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Reads the event out of a verified body. */
    public static StripeEvent parse(byte[] body) throws NotAnEvent {
        JsonNode event;
        try {
            event = JSON.readTree(body);
        } catch (IOException | RuntimeException notJson) {
            throw new NotAnEvent("The body is not JSON.");
        }
        if (event == null || !event.isObject()) {
            throw new NotAnEvent("The body is not a Stripe event object.");
        }
        String id = text(event, "id");
        String type = text(event, "type");
        if (id == null || id.isBlank() || type == null || type.isBlank()) {
            throw new NotAnEvent("The event has no id or no type.");
        }
        String accountId = text(event, "account");
        Account account;
        try {
            account = accountId == null ? Account.platform() : Account.connected(accountId);
        } catch (IllegalArgumentException notAnAccount) {
            throw new NotAnEvent("The event's account '" + Echo.shorten(accountId) + "' is not a connected account id (acct_…).");
        }
        return new StripeEvent(id, type, account);
    }

    /** Whether this event means the account's money moved; other types are accepted and ignored. */
    public boolean movesMoney() {
        return TYPES.contains(type) || PREFIXES.stream().anyMatch(type::startsWith);
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
