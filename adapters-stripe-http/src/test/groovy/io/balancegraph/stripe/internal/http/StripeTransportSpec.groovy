package io.balancegraph.stripe.internal.http

import io.balancegraph.domain.account.Account
import io.balancegraph.domain.error.UpstreamConnectionException
import io.balancegraph.stripe.StripeApiKey
import io.balancegraph.stripe.StripeSettings
import io.balancegraph.stripe.TransactionsPath
import io.balancegraph.stripe.fake.FakeStripe
import io.balancegraph.stripe.internal.json.StripeJson
import io.micronaut.core.type.Argument
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.http.HttpStatus
import io.micronaut.http.client.HttpClient
import org.reactivestreams.Publisher
import org.reactivestreams.Subscriber
import org.reactivestreams.Subscription
import spock.lang.Specification

import java.time.Duration
import java.util.concurrent.CompletableFuture
import java.util.concurrent.ExecutionException
import java.util.concurrent.Future
import java.util.concurrent.RejectedExecutionException

/**
 * The transport on a clock driven by hand and an HTTP client that only records what it is asked to send: which
 * requests go out, and when, as calls end early. No sleeping, no real time.
 */
class StripeTransportSpec extends Specification {

    static final StripeRequest BALANCE = new StripeRequest('GET /v1/balance', '/v1/balance', [])

    def clock = new TestScheduling()
    /** The exchanges the transport started, in order. */
    List<RecordedExchange> sent = []
    /** What the next exchanges answer, in turn; once empty, they never answer. */
    List<HttpStatus> answers = []
    HttpClient client = Stub(HttpClient) {
        exchange(_ as HttpRequest, _ as Argument, _ as Argument) >> { args ->
            def exchange = new RecordedExchange(answer: answers ? answers.remove(0) : null)
            sent << exchange
            exchange as Publisher
        }
    }
    List<StripeTransport> transports = []

    def cleanup() {
        transports*.close()
    }

    def "a call cancelled while it waits for a permit leaves its place to the next call (per endpoint #perEndpoint/s, in all #global/s)"() {
        given:
        def transport = transport(perEndpoint: perEndpoint, global: global)

        when: 'A goes at once, B and C wait for the next second'
        def a = transport.send(BALANCE, Account.platform())
        def b = transport.send(BALANCE, Account.platform())
        def c = transport.send(BALANCE, Account.platform())

        then:
        sent.size() == 1

        when: 'B is abandoned, and the window moves on'
        b.cancel(false)
        clock.advance(Duration.ofSeconds(1))

        then: 'C goes in the slot B would have taken'
        b.cancelled
        sent.size() == 2
        sent.every { it.requested && !it.cancelled }
        !a.done && !c.done

        when:
        clock.advance(Duration.ofSeconds(5))

        then: 'nothing else went out'
        sent.size() == 2

        where:
        perEndpoint | global
        1           | 0
        1           | 1
        0           | 1
    }

    def "a call abandoned while it waits to retry makes no further attempt and leaves its place to the next call"() {
        given: 'an endpoint limit of 1/s, and a first answer that is retried after about a millisecond'
        answers << HttpStatus.SERVICE_UNAVAILABLE
        def transport = transport(perEndpoint: 1, maxAttempts: 3, backoff: Duration.ofMillis(1))

        when: 'A is answered 503 and abandoned before its retry'
        def a = transport.send(BALANCE, Account.platform())
        a.cancel(false)
        clock.advance(Duration.ofMillis(2))

        and: 'D comes next'
        def d = transport.send(BALANCE, Account.platform())
        clock.advance(Duration.ofMillis(998))

        then: 'D goes when the window moves on, and A never went again'
        sent.size() == 2
        !d.done

        when:
        clock.advance(Duration.ofSeconds(10))

        then:
        sent.size() == 2
    }

    def "a call made after close fails with an UpstreamConnectionException and sends nothing"() {
        given:
        def transport = transport()
        transport.close()

        when:
        def call = transport.send(BALANCE, Account.platform())

        then:
        call.completedExceptionally
        failureOf(call) instanceof UpstreamConnectionException
        failureOf(call).message == 'No answer from Stripe to GET /v1/balance: the Stripe ledger was closed'
        sent.isEmpty()
    }

    def "a call that is closed just as its request is about to go out does not send it"() {
        given: 'close() runs on another thread right after the call has checked that it is still on'
        def transport = transport()
        clock.onNextNanoTime = { transport.close() }

        when:
        def call = transport.send(BALANCE, Account.platform())

        then:
        call.completedExceptionally
        failureOf(call) instanceof UpstreamConnectionException
        failureOf(call).message == 'No answer from Stripe to GET /v1/balance: the Stripe ledger was closed'
        sent.every { it.cancelled && !it.requested }
    }

    def "a call whose wait the timer refuses (#wait) fails with an UpstreamConnectionException instead of never completing"() {
        given:
        answers << HttpStatus.SERVICE_UNAVAILABLE
        def transport = transport(perEndpoint: perEndpoint, maxAttempts: 2, backoff: Duration.ofMillis(1))
        clock.accepts = accepted

        when:
        List<CompletableFuture<StripeAnswer>> calls = (1..callsMade).collect { transport.send(BALANCE, Account.platform()) }
        clock.advance(Duration.ofSeconds(30))

        then:
        calls.last().completedExceptionally
        failureOf(calls.last()) instanceof UpstreamConnectionException
        failureOf(calls.last()).cause instanceof RejectedExecutionException

        where:
        wait                                   | perEndpoint | callsMade | accepted
        'the deadline'                         | 0           | 1         | 0
        'the retry'                            | 0           | 1         | 1
        'a place in the rate-limit queue'      | 1           | 2         | 1
    }

    private StripeTransport transport(Map options = [:]) {
        Duration backoff = options.backoff ?: Duration.ofMillis(500)
        def settings = new StripeSettings(StripeApiKey.of(FakeStripe.KEY), URI.create('http://localhost:9'),
                StripeSettings.DEFAULT_API_VERSION, TransactionsPath.BALANCE_TRANSACTIONS, Duration.ofSeconds(1),
                Duration.ofSeconds(5), Duration.ofSeconds(20),
                new StripeSettings.Retry(options.maxAttempts ?: 1, backoff, backoff),
                new StripeSettings.RateLimit(options.global ?: 0, options.perEndpoint ?: 0))
        def transport = new StripeTransport(settings, client, clock, {} as AutoCloseable, new StripeJson())
        transports << transport
        transport
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        try {
            future.get()
            null
        } catch (ExecutionException e) {
            e.cause
        }
    }

    /** One exchange the transport started: answers {@code answer} when asked, or never when it is {@code null}. */
    static class RecordedExchange implements Publisher<HttpResponse<byte[]>>, Subscription {
        HttpStatus answer
        Subscriber<? super HttpResponse<byte[]>> subscriber
        boolean requested
        boolean cancelled

        @Override
        void subscribe(Subscriber<? super HttpResponse<byte[]>> s) {
            subscriber = s
            s.onSubscribe(this)
        }

        @Override
        void request(long n) {
            requested = true
            if (answer != null) {
                subscriber.onNext(HttpResponse.status(answer) as HttpResponse<byte[]>)
            }
        }

        @Override
        void cancel() {
            cancelled = true
        }
    }

    /** The manual clock, able to refuse tasks as a shut-down timer does, and to run code at a chosen moment. */
    static class TestScheduling extends ManualScheduling {
        /** How many more tasks the timer takes before it refuses them. */
        int accepts = Integer.MAX_VALUE
        Closure onNextNanoTime

        @Override
        long nanoTime() {
            Closure hook = onNextNanoTime
            onNextNanoTime = null
            hook?.call()
            super.nanoTime()
        }

        @Override
        Future<?> schedule(Runnable task, long delayNanos) {
            if (accepts <= 0) {
                throw new RejectedExecutionException('the timer is shut down')
            }
            accepts--
            super.schedule(task, delayNanos)
        }
    }
}
