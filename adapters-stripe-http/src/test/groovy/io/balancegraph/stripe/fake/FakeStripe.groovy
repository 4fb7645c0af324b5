package io.balancegraph.stripe.fake

import com.github.tomakehurst.wiremock.WireMockServer
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder
import com.github.tomakehurst.wiremock.client.WireMock
import com.github.tomakehurst.wiremock.extension.Parameters
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2
import com.github.tomakehurst.wiremock.extension.ServeEventListener
import com.github.tomakehurst.wiremock.http.Fault
import com.github.tomakehurst.wiremock.http.ResponseDefinition
import com.github.tomakehurst.wiremock.client.MappingBuilder
import com.github.tomakehurst.wiremock.stubbing.Scenario
import com.github.tomakehurst.wiremock.stubbing.ServeEvent
import com.github.tomakehurst.wiremock.verification.LoggedRequest
import com.fasterxml.jackson.databind.ObjectMapper

import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl
import static com.github.tomakehurst.wiremock.client.WireMock.get
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options

/**
 * A fake Stripe API: answers as Stripe does (JSON bodies, {@code Request-Id}, Stripe's error object, its
 * retry headers) and records every request so a specification can check exactly what was sent. Faults a real
 * network has (slow answers, reset connections, garbage) are one call away.
 */
class FakeStripe implements AutoCloseable {

    /** A test-mode secret key of the real shape. The specs check it never shows up where it must not. */
    static final String KEY = 'sk_test_51FakeBalancegraphKey0123456789abcdefghijklmnopqrstuvwxyzABCDEFGH'

    static final ObjectMapper JSON = new ObjectMapper()

    private final WireMockServer server
    private final AtomicInteger requestIds = new AtomicInteger()
    private final Barrier barrier = new Barrier()
    private final Arrivals arrivals = new Arrivals()

    FakeStripe() {
        server = new WireMockServer(options().dynamicPort().containerThreads(120).extensions(barrier, arrivals))
        server.start()
    }

    String getBaseUrl() {
        "http://localhost:${server.port()}"
    }

    int getPort() {
        server.port()
    }

    /** Forgets answers and recorded requests. */
    void reset() {
        server.resetAll()
        arrivals.reset()
    }

    @Override
    void close() {
        server.stop()
    }

    // ---- answers ------------------------------------------------------------------------------------------

    /** Answers every GET of the path (whatever the query) with a 200 and the fixture's JSON. */
    void answers(String path, String fixtureName) {
        answers(path, ok(fixture(fixtureName)))
    }

    void answers(String path, ResponseDefinitionBuilder answer) {
        server.stubFor(get(urlPathEqualTo(path)).atPriority(10).willReturn(answer))
    }

    /** Answers the requests matching (see {@link #getWithQuery}); these win over answers for the whole path. */
    void answers(MappingBuilder request, ResponseDefinitionBuilder answer) {
        server.stubFor(request.atPriority(1).willReturn(answer))
    }

    /** Answers the path with these answers in turn; the last one is repeated. */
    void answersInTurn(String path, ResponseDefinitionBuilder... answers) {
        String scenario = "turns of ${path} ${UUID.randomUUID()}"
        answers.eachWithIndex { answer, i ->
            def stub = get(urlPathEqualTo(path)).atPriority(5).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "turn ${i}")
                    .willReturn(answer)
            if (i < answers.length - 1) {
                stub = stub.willSetStateTo("turn ${i + 1}")
            }
            server.stubFor(stub)
        }
    }

    /** A 200 with a JSON body, as Stripe sends it. */
    ResponseDefinitionBuilder ok(String json) {
        stripe(200, json)
    }

    /** A Stripe-shaped answer: JSON, a fresh {@code Request-Id}, the version header. */
    ResponseDefinitionBuilder stripe(int status, String json) {
        aResponse().withStatus(status)
                .withHeader('Content-Type', 'application/json')
                .withHeader('Request-Id', nextRequestId())
                .withHeader('Stripe-Version', '2026-07-29.dahlia')
                .withBody(json)
    }

    /** Stripe's error object with the given status. */
    ResponseDefinitionBuilder error(int status, String type, String code, String param, String message) {
        Map<String, Object> error = [type: type, code: code, param: param, message: message,
                                     doc_url: code == null ? null : "https://stripe.com/docs/error-codes/${code.replace('_', '-')}".toString(),
                                     request_log_url: "https://dashboard.stripe.com/test/logs/req_x"].findAll { it.value != null }
        stripe(status, JSON.writeValueAsString([error: error]))
    }

    /** An answer that takes this long to arrive. */
    ResponseDefinitionBuilder slow(long millis, String json = fixture('balance-minimal')) {
        ok(json).withFixedDelay((int) millis)
    }

    /** The connection is reset before an answer. */
    ResponseDefinitionBuilder connectionReset() {
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)
    }

    /** Answers GETs of the path only once {@code count} of them have arrived together, proving they were in flight at once. */
    CountDownLatch answersOnlyTogether(String path, int count, String fixtureName) {
        barrier.latch = new CountDownLatch(count)
        server.stubFor(get(urlPathEqualTo(path)).willReturn(ok(fixture(fixtureName)).withTransformers(Barrier.NAME)))
        barrier.latch
    }

    String nextRequestId() {
        "req_fake${requestIds.incrementAndGet()}"
    }

    static String fixture(String name) {
        URL resource = FakeStripe.getResource("/fake-stripe/${name}.json")
        assert resource != null: "no fixture ${name}"
        resource.getText('UTF-8')
    }

    // ---- what was sent ------------------------------------------------------------------------------------

    /** Every request received, oldest first. */
    List<LoggedRequest> requests() {
        server.findAll(anyRequestedFor(anyUrl())).sort(false) { it.loggedDate }
    }

    LoggedRequest onlyRequest() {
        List<LoggedRequest> all = requests()
        assert all.size() == 1: "expected one request, got ${all*.url}"
        all[0]
    }

    /** Waits until {@code count} requests for the path have arrived (answered or not yet); 20 s at most. */
    void awaitArrivals(String path, int count) {
        arrivals.await(path, count)
    }

    /** How many requests for the path have arrived so far, answered or not. */
    int arrived(String path) {
        arrivals.count(path)
    }

    int count(String path) {
        server.countRequestsMatching(WireMock.getRequestedFor(urlPathEqualTo(path)).build()).count
    }

    /** The query parameters of a request, decoded, in a map (a parameter sent twice would show as a list). */
    static Map<String, Object> query(LoggedRequest request) {
        request.queryParams.collectEntries { name, parameter ->
            [(name): parameter.values().size() == 1 ? parameter.firstValue() : parameter.values()]
        }
    }

    /** GETs of the path with these query parameters; a {@code null} value means the parameter must be absent. */
    static MappingBuilder getWithQuery(String path, Map<String, Object> params) {
        MappingBuilder mapping = get(urlPathEqualTo(path))
        params.each { name, value ->
            mapping = mapping.withQueryParam(name, value == null ? WireMock.absent() : WireMock.equalTo(value.toString()))
        }
        mapping
    }

    /** Counts the requests as they arrive, before any delay of their answer, so a spec can wait for one to be there. */
    static class Arrivals implements ServeEventListener {
        private final Map<String, Integer> counts = [:]

        @Override
        synchronized void afterMatch(ServeEvent serveEvent, Parameters parameters) {
            String path = URI.create(serveEvent.request.url).path
            counts[path] = (counts[path] ?: 0) + 1
            notifyAll()
        }

        synchronized void await(String path, int count) {
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20)
            while ((counts[path] ?: 0) < count) {
                long left = TimeUnit.NANOSECONDS.toMillis(giveUp - System.nanoTime())
                assert left > 0: "${count} request(s) for ${path} never arrived (${counts[path] ?: 0} did)"
                wait(left)
            }
        }

        synchronized int count(String path) {
            counts[path] ?: 0
        }

        synchronized void reset() {
            counts.clear()
        }

        @Override
        String getName() {
            'arrivals'
        }
    }

    /** Holds each request until the expected number are waiting together, then lets them all answer. */
    static class Barrier implements ResponseDefinitionTransformerV2 {
        static final String NAME = 'barrier'
        volatile CountDownLatch latch = new CountDownLatch(0)

        @Override
        ResponseDefinition transform(ServeEvent serveEvent) {
            latch.countDown()
            if (!latch.await(20, TimeUnit.SECONDS)) {
                return ResponseDefinition.responseDefinition().withStatus(504).withBody('the barrier was never reached').build()
            }
            serveEvent.responseDefinition
        }

        @Override
        boolean applyGlobally() {
            false
        }

        @Override
        String getName() {
            NAME
        }
    }
}
