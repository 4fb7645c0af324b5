package io.balancegraph.app.events;

import io.balancegraph.domain.account.Account;

import java.util.Objects;

/**
 * Stripe told us that an account's money moved (a verified webhook event such as {@code balance.available} or
 * {@code payout.paid}): what every replica must hear, so it drops what it has cached of that account and tells the
 * subscribers it serves.
 *
 * @param account   the account the event is about: the platform, or the connected account the event names
 * @param eventId   Stripe's event id ({@code evt_…})
 * @param eventType Stripe's event type, e.g. {@code charge.refunded}
 */
public record AccountChange(Account account, String eventId, String eventType) {

    public AccountChange {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
    }
}
