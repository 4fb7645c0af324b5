package io.balancegraph.app.export

import io.balancegraph.app.ManualClock
import io.balancegraph.app.EndpointSpec
import io.balancegraph.app.LogCapture
import io.balancegraph.domain.error.AuthenticationException
import io.balancegraph.domain.error.NotFoundException
import io.balancegraph.domain.error.PermissionException
import io.balancegraph.domain.error.RateLimitedException
import io.balancegraph.domain.error.UpstreamError
import io.balancegraph.domain.error.UpstreamUnavailableException
import io.micronaut.context.annotation.Property
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.charset.StandardCharsets
import java.time.Duration
import java.util.concurrent.CompletableFuture
import java.util.concurrent.TimeUnit

/**
 * How an export ends when its reads fail, run out of time or outgrow the bound, and when its client goes away:
 * before the first byte a JSON error with the right status; after it a response cut short that no HTTP client
 * takes for a whole file. The export reads through a {@link ScriptedPort} on a manual clock, bounded by
 * balancegraph.export.max-transactions ({@link ScriptedExports#MAX_TRANSACTIONS}) and balancegraph.export.timeout
 * ({@link #TIMEOUT}, not the default, so that the setting is seen to be the one honoured).
 */
@MicronautTest
@Property(name = 'balancegraph.test.scripted-export', value = 'true')
@Property(name = 'balancegraph.export.max-transactions', value = '50000')
@Property(name = 'balancegraph.export.timeout', value = '90s')
class CsvExportFailureSpec extends EndpointSpec {

    static final String PATH = CsvExportSpec.PATH
    static final Duration TIMEOUT = Duration.ofSeconds(90)
    static final Map<String, String> WHOLE_RANGE = ['created[gte]': GeneratedLedger.T0.toString()]
    static final UpstreamError STRIPE_SAID = new UpstreamError(500, 'api_error', 'api_error_code', null,
            'Stripe says sk_live_****1234 failed', 'req_1Failed')

    @Inject
    ScriptedPort port

    @Inject
    ManualClock clock

    def setup() {
        port.reset(new GeneratedLedger(20_000))
        clock.set(ScriptedExports.START)
    }

    def "a #failure before the first row is a #status JSON answer with code #code"() {
        given:
        port.answer = { int call -> CompletableFuture.failedFuture(failure) }

        when:
        def answer = http.get(PATH, WHOLE_RANGE)

        then:
        answer.status == status
        answer.header('Content-Type').startsWith('application/json')
        answer.header('Content-Disposition') == null
        answer.errorCode == code
        answer.json.errors[0].extensions.requestId == requestId
        answer.json.errors[0].extensions.upstreamCode == (requestId == null ? null : 'api_error_code')
        answer.header('Retry-After') == retryAfter
        answer.json.errors[0].extensions.retryAfterSeconds == (retryAfter == null ? null : retryAfter as int)
        !answer.body.contains('sk_live') && !answer.body.contains('Stripe says') && !answer.body.contains('Exception')

        where:
        failure                                                                           || status | code                      | requestId     | retryAfter
        new RateLimitedException(STRIPE_SAID, Duration.ofMillis(2_500))                    || 429    | 'RATE_LIMITED'            | 'req_1Failed' | '3'
        new RateLimitedException(UpstreamError.of('the budget is used up'), Duration.ofSeconds(1)) || 429 | 'RATE_LIMITED' | null   | '1'
        new RateLimitedException(STRIPE_SAID, null)                                       || 429    | 'RATE_LIMITED'            | 'req_1Failed' | null
        new UpstreamUnavailableException(STRIPE_SAID)                                     || 503    | 'UPSTREAM_UNAVAILABLE'    | 'req_1Failed' | null
        new AuthenticationException(STRIPE_SAID)                                          || 502    | 'UPSTREAM_AUTHENTICATION' | 'req_1Failed' | null
        new PermissionException(STRIPE_SAID)                                              || 403    | 'FORBIDDEN'               | 'req_1Failed' | null
        new NotFoundException(STRIPE_SAID)                                                || 404    | 'NOT_FOUND'               | 'req_1Failed' | null
        new IllegalStateException('a bug')                                                || 500    | 'INTERNAL'                | null          | null
    }

    def "a range of more transactions than the bound, found out after the first rows, cuts the response short"() {
        given:
        port.reset(new GeneratedLedger(ScriptedExports.MAX_TRANSACTIONS + 1))

        when:
        Fetched answer
        def events = LogCapture.during { answer = fetch(WHOLE_RANGE) }

        then:
        answer.status == 200
        answer.incomplete
        answer.rowsReceived < ScriptedExports.MAX_TRANSACTIONS
        events.any { it.formattedMessage.contains('aborted after') && it.formattedMessage.contains('EXPORT_TOO_LARGE') }
    }

    def "an export that outlasts its deadline before the first row is a 503 EXPORT_TIMEOUT"() {
        given: 'the clock passes the deadline while the first reads are out'
        port.answer = { int call ->
            clock.advance(TIMEOUT + Duration.ofSeconds(1))
            null
        }

        when:
        def answer = http.get(PATH, WHOLE_RANGE)

        then:
        answer.status == 503
        answer.errorCode == 'EXPORT_TIMEOUT'
        answer.json.errors[0].extensions.limitSeconds == 90
        answer.errorMessage.contains('90 s')
    }

    def "a failure after the first rows cuts the response short: the client sees an incomplete body, and the log says why"() {
        given: 'the reads fail once the walk is well past its read-ahead of the first page'
        port.answer = { int call -> call > 60 ? CompletableFuture.failedFuture(failure) : null }

        when:
        Fetched answer
        def events = LogCapture.during { answer = fetch(WHOLE_RANGE) }

        then: 'the status and headers of a file were sent, then the connection ended without the last chunk'
        answer.status == 200
        answer.contentDisposition.startsWith('attachment')
        answer.incomplete
        answer.rowsReceived > 0
        answer.rowsReceived < 20_000
        events.any { it.formattedMessage.contains('aborted after') && it.formattedMessage.contains(code) }

        where:
        failure                                              || code
        new UpstreamUnavailableException(STRIPE_SAID)        || 'UPSTREAM_UNAVAILABLE'
        new RateLimitedException(STRIPE_SAID, Duration.ZERO) || 'RATE_LIMITED'
    }

    def "the deadline passing after the first rows cuts the response short too"() {
        given:
        port.answer = { int call ->
            if (call == 80) {
                clock.advance(TIMEOUT + Duration.ofSeconds(1))
            }
            null
        }

        when:
        def answer = fetch(WHOLE_RANGE)

        then:
        answer.status == 200
        answer.incomplete
    }

    def "a complete export ends with HTTP's last chunk: the same client reads the whole file"() {
        when:
        def answer = fetch(WHOLE_RANGE)

        then:
        answer.status == 200
        !answer.incomplete
        answer.rowsReceived == 20_000
        answer.body.startsWith(TransactionCsv.HEADER + TransactionCsv.row(GeneratedLedger.transaction(19_999)))
        answer.body.endsWith(TransactionCsv.row(GeneratedLedger.transaction(0)))
    }

    def "the client going away cancels the walk: the reads in flight are cancelled"() {
        given: 'reads after the first ones hang, as a slow Stripe would'
        port.answer = { int call -> call > 60 ? port.hold() : null }
        def socket = new Socket(server.host, server.port)
        def statusLine = new CompletableFuture<String>()

        when: 'a client reads the file until the walk waits on a hanging read, then closes the connection'
        socket.outputStream.write(("GET $PATH?created%5Bgte%5D=${GeneratedLedger.T0.epochSecond} HTTP/1.1\r\n" +
                "Host: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII))
        Thread.startDaemon {
            try {
                def input = socket.inputStream
                statusLine.complete(new BufferedReader(new InputStreamReader(input, StandardCharsets.US_ASCII)).readLine())
                input.transferTo(OutputStream.nullOutputStream())
            } catch (IOException closed) {
                statusLine.complete(null)
            }
        }
        port.holding.get(30, TimeUnit.SECONDS)
        def status = statusLine.get(30, TimeUnit.SECONDS)
        socket.close()

        then: 'every read held open is cancelled'
        status == 'HTTP/1.1 200 OK'
        CompletableFuture.allOf(port.held.collect { it.exceptionally { null } } as CompletableFuture[]).get(30, TimeUnit.SECONDS) == null
        !port.held.isEmpty()
        port.held.every { it.cancelled }
    }

    /** What a plain HTTP client makes of a response: the JDK's, reading the body as a stream. */
    Fetched fetch(Map<String, String> query) {
        String queryString = query.collect { k, v -> "${URLEncoder.encode(k, 'UTF-8')}=${URLEncoder.encode(v, 'UTF-8')}" }.join('&')
        def request = HttpRequest.newBuilder(server.URI.resolve("$PATH?$queryString")).build()
        def response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream())
        def body = new ByteArrayOutputStream()
        boolean incomplete = false
        try {
            response.body().transferTo(body)
        } catch (IOException cutShort) {
            incomplete = true
        }
        String text = body.toString(StandardCharsets.UTF_8)
        new Fetched(status: response.statusCode(), contentDisposition: response.headers().firstValue('Content-Disposition').orElse(''),
                incomplete: incomplete, body: text, rowsReceived: Math.max(0, text.count('\r\n') - 1))
    }

    static class Fetched {
        int status
        String contentDisposition
        boolean incomplete
        String body
        int rowsReceived
    }
}
