package io.balancegraph.app.events;

import io.balancegraph.app.webhooks.WebhookSettings;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The processed event ids of this process, the default when no Redis is configured. Each id is remembered for
 * {@code balancegraph.webhooks.event-memory} from its first delivery (3 days by default: Stripe re-delivers an event
 * for up to 3 days in live mode, so every re-delivery finds its id), and at most {@code event-memory-size} ids are
 * kept (50,000 by default, about 7 MB); past that the oldest are forgotten first. Forgetting costs little: an event
 * that takes effect twice drops the account's cached reads once more and reads its balance once more. A restart
 * forgets everything, at the same small cost.
 *
 * <p>Hand-written (an insertion-ordered map, the oldest first) rather than a Caffeine cache: Caffeine's size bound
 * evicts by frequency, and every id is seen about once, so when full it would drop the newest ids, the ones Stripe
 * is most likely to re-deliver. Expiry and the bound both take from the head, in constant time per id.
 */
@Singleton
@Requires(missingProperty = "redis.uri")
public class LocalSeenEvents implements SeenEvents {

    private final long memoryMillis;
    private final int size;
    private final Clock clock;
    private final LinkedHashMap<String, Long> firstSeen = new LinkedHashMap<>();

    @Inject
    public LocalSeenEvents(WebhookSettings settings, Clock clock) {
        this(settings.getEventMemory(), settings.getEventMemorySize(), clock);
    }

    LocalSeenEvents(Duration memory, int size, Clock clock) {
        this.memoryMillis = memory.toMillis();
        this.size = size;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized boolean firstTime(String eventId) {
        Objects.requireNonNull(eventId, "eventId");
        long now = clock.millis();
        Iterator<Map.Entry<String, Long>> oldest = firstSeen.entrySet().iterator();
        while (oldest.hasNext() && now - oldest.next().getValue() >= memoryMillis) {
            oldest.remove();
        }
        if (firstSeen.containsKey(eventId)) {
            return false;
        }
        firstSeen.put(eventId, now);
        if (firstSeen.size() > size) {
            firstSeen.remove(firstSeen.keySet().iterator().next());
        }
        return true;
    }

    /** How many ids are remembered now: for specs. */
    synchronized int size() {
        return firstSeen.size();
    }
}
