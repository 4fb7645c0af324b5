package io.balancegraph.app.export;

import io.balancegraph.app.access.BearerTokenFilter;
import io.balancegraph.app.http.RejectedRequestException;
import io.balancegraph.domain.walk.OrderedPages;
import io.balancegraph.graphql.AccessGrant;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code GET /export/balance-transactions.csv}: every balance transaction of a range as an RFC 4180 file, newest
 * first, streamed over the ordered parallel walk (see docs/http.md, "CSV export").
 *
 * <p>In this order, so that a refused request costs Stripe nothing: {@link BearerTokenFilter} authenticates the
 * token exactly as for {@code /graphql} (401); the parameters are read ({@link ExportRequest}, 400); the token's
 * grant must include the account (403); only then does the walk start. The status is chosen once the first page is
 * in: a failure before it is a JSON error ({@link ExportFailures}: 429 with {@code Retry-After}, 503, ...); after it
 * the response is 200 and a failure aborts it ({@link CsvBody}).
 */
@Controller("/export")
public class ExportController {

    /** RFC 4180's media type, with the optional parameters it defines. */
    static final MediaType CSV = MediaType.of("text/csv;charset=utf-8;header=present");

    private final ExportWalks.Walks walks;
    private final Clock clock;

    public ExportController(ExportWalks.Walks walks) {
        this.walks = walks;
        this.clock = walks.clock();
    }

    /** No HEAD: it would start a walk whose bytes nobody reads. */
    @Get(uri = "/balance-transactions.csv", produces = MediaType.ALL, headRoute = false)
    public Publisher<MutableHttpResponse<?>> balanceTransactions(HttpRequest<?> request) {
        ExportRequest export = ExportRequest.of(request.getParameters().asMap(), clock.instant());
        AccessGrant grant = request.getAttribute(BearerTokenFilter.GRANT_ATTRIBUTE, AccessGrant.class).orElse(AccessGrant.NONE);
        if (!grant.allows(export.account())) {
            throw new RejectedRequestException(HttpStatus.FORBIDDEN, "FORBIDDEN",
                    "This token may not read the account " + export.account().name(), Map.of(), Map.of("parameter", ExportRequest.ACCOUNT));
        }
        OrderedPages pages = walks.of(export).pages();
        // Once the response holds the body, the body closes the walk; the server cancels this Mono after its value.
        AtomicBoolean handedOver = new AtomicBoolean();
        return Mono.fromFuture(pages::nextPage)
                .<MutableHttpResponse<?>>map(first -> {
                    handedOver.set(true);
                    return ok(export, CsvBody.of(first, pages, export.filename()));
                })
                .onErrorMap(failure -> {
                    pages.close();
                    return ExportFailures.answer(failure);
                })
                .doOnCancel(() -> {
                    if (!handedOver.get()) {
                        pages.close();
                    }
                });
    }

    private static MutableHttpResponse<Publisher<byte[]>> ok(ExportRequest export, Publisher<byte[]> body) {
        return HttpResponse.ok(body)
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + export.filename() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-Type-Options", "nosniff");
    }
}
