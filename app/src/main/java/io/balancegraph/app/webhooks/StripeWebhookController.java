package io.balancegraph.app.webhooks;

import io.balancegraph.app.events.AccountChange;
import io.balancegraph.app.events.AccountChanges;
import io.balancegraph.app.events.SeenEvents;
import io.balancegraph.app.http.ErrorResponses;
import io.balancegraph.app.http.GraphQLJson;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;

/**
 * {@code POST /webhooks/stripe}: Stripe's events, verified, then published as {@link AccountChange}s so every
 * replica drops the account's cached reads and tells its subscribers. On only when {@value WebhookSettings#SECRET}
 * is set; not behind the bearer-token filter (Stripe signs its requests instead).
 *
 * <p>In this order, over the raw bytes received: the size, the signature ({@link StripeSignature}), then the JSON.
 * Any failure is a 400 with a short reason and changes nothing. A verified event is answered 200 at once (Stripe
 * retries slow endpoints); the fan-out runs on its own thread. An event id already seen ({@link SeenEvents}) is
 * answered 200 and takes no effect again; types that do not move money are answered 200 and ignored.
 */
@Controller(WebhookSettings.PATH)
@Requires(property = WebhookSettings.SECRET)
public class StripeWebhookController {

    private static final Logger LOG = LoggerFactory.getLogger(StripeWebhookController.class);

    private final StripeSignature signature;
    private final int maxBodySize;
    private final SeenEvents seen;
    private final AccountChanges changes;

    public StripeWebhookController(@Value("${" + WebhookSettings.SECRET + "}") String secret, WebhookSettings settings,
                                   Clock clock, SeenEvents seen, AccountChanges changes) {
        this.signature = new StripeSignature(secret, settings.getTolerance(), clock);
        this.maxBodySize = settings.getMaxBodySize();
        this.seen = seen;
        this.changes = changes;
    }

    /** What a delivery did, in the 200 answer's {@code outcome}: for whoever reads Stripe's delivery log. */
    enum Outcome { PROCESSED, DUPLICATE, IGNORED }

    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> receive(HttpRequest<?> request, @Nullable @Header(StripeSignature.HEADER) String header,
                                        @Nullable @Body byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        StripeEvent event;
        try {
            if (bytes.length > maxBodySize) {
                throw new StripeSignature.Refused("The body is over " + maxBodySize + " bytes.");
            }
            signature.verify(header, bytes);
            event = StripeEvent.parse(bytes);
        } catch (StripeSignature.Refused | StripeEvent.NotAnEvent refused) {
            LOG.warn("Refused a delivery to {}: {}", WebhookSettings.PATH, refused.getMessage());
            return ErrorResponses.of(request, HttpStatus.BAD_REQUEST, refused.getMessage());
        }
        return answer(handle(event));
    }

    private Outcome handle(StripeEvent event) {
        if (!event.movesMoney()) {
            LOG.debug("Stripe event {} ({}) ignored: its type does not move money", event.id(), event.type());
            return Outcome.IGNORED;
        }
        if (!seen.firstTime(event.id())) {
            LOG.debug("Stripe event {} ({}) seen before: no effect", event.id(), event.type());
            return Outcome.DUPLICATE;
        }
        LOG.info("Stripe event {} ({}) for {}", event.id(), event.type(), event.account().name());
        changes.publish(new AccountChange(event.account(), event.id(), event.type()));
        return Outcome.PROCESSED;
    }

    private static HttpResponse<String> answer(Outcome outcome) {
        return HttpResponse.ok(GraphQLJson.write(Map.of("received", true, "outcome", outcome.name().toLowerCase())))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
