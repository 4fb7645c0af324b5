package io.balancegraph.stripe.internal.http

import io.balancegraph.stripe.StripeApiKey
import io.balancegraph.stripe.StripeSettings
import io.balancegraph.stripe.TransactionsPath
import io.balancegraph.stripe.fake.FakeStripe
import io.balancegraph.stripe.internal.json.StripeJson
import io.balancegraph.stripe.internal.time.ManualScheduling
import io.balancegraph.stripe.internal.limit.BulkShare
import io.balancegraph.stripe.internal.limit.LimiterFactory
import io.balancegraph.stripe.internal.limit.SlidingWindowLimiter
import io.balancegraph.stripe.internal.time.Scheduling
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
import java.util.concurrent.RejectedExecutionException
import java.util.concurrent.ScheduledFuture

/**
 * The transport on a clock driven by hand and an HTTP client that only records what it is asked to send: which
 * requests go out, and when. No sleeping, no real time, no network. A call's first attempt starts on the calling
 * thread; every wait is a task on the clock.
 */
abstract class TransportSpecification extends Specification {

    static final StripeRequest BALANCE = new StripeRequest('GET /v1/balance', '/v1/balance', [])

    def clock = new TestScheduling()
    /** The exchanges the transport started, in order. */
    List<RecordedExchange> sent = []
    /**
     * What the next exchanges answer, in turn: an {@link HttpStatus}, a whole response, or an exception, which the
     * client then throws instead of returning an exchange; once empty, they never answer.
     */
    List<Object> answers = []
    HttpClient client = Stub(HttpClient) {
        exchange(_ as HttpRequest, _ as Argument, _ as Argument) >> { args ->
            def answer = answers ? answers.remove(0) : null
            def exchange = new RecordedExchange(answer: answer instanceof Throwable ? null : response(answer), sentAt: clock.nanoTime())
            sent << exchange
            if (answer instanceof Throwable) {
                throw answer
            }
            exchange as Publisher
        }
    }
    List<StripeTransport> transports = []

    def cleanup() {
        transports*.close()
    }

    /**
     * Limiters over exactly one second, so that waits here read in whole seconds: what these specs check is how the
     * policy composes permits, retries and deadlines. The margin Stripe's limiters keep on top of the second is
     * {@code SlidingWindowLimiterSpec}'s.
     */
    static final LimiterFactory EXACT_SECOND = { String scope, int perSecond, int maxQueued, BulkShare share, String name, Scheduling scheduling ->
        new SlidingWindowLimiter(perSecond, maxQueued, share, name, scheduling)
    } as LimiterFactory

    /**
     * A transport on the manual clock. Options: {@code perEndpoint}, {@code global} (requests per second, default
     * none), {@code maxQueued}, {@code maxAttempts} (default 1), {@code backoff} (initial = max, default 500 ms),
     * {@code deadline} (default 20 s).
     */
    StripeTransport transport(Map options = [:]) {
        Duration backoff = options.backoff ?: Duration.ofMillis(500)
        def settings = new StripeSettings(StripeApiKey.of(FakeStripe.KEY), URI.create('http://localhost:9'),
                StripeSettings.DEFAULT_API_VERSION, TransactionsPath.BALANCE_TRANSACTIONS, Duration.ofSeconds(1),
                Duration.ofSeconds(5), options.deadline ?: Duration.ofSeconds(20),
                new StripeSettings.Retry(options.maxAttempts ?: 1, backoff, backoff),
                new StripeSettings.RateLimit(options.global ?: 0, options.perEndpoint ?: 0,
                        options.maxQueued ?: StripeSettings.RateLimit.DEFAULT_MAX_QUEUED))
        def transport = new StripeTransport(settings, client, clock, {} as AutoCloseable, new StripeJson(), EXACT_SECOND)
        transports << transport
        transport
    }

    /** The failure the future completed with; {@code null} when it succeeded or is not done (never waits). */
    static Throwable failureOf(CompletableFuture<?> future) {
        if (!future.done) {
            return null
        }
        try {
            future.get()
            null
        } catch (ExecutionException e) {
            e.cause
        }
    }

    static HttpResponse<byte[]> response(Object answer) {
        answer == null ? null : (answer instanceof HttpStatus ? HttpResponse.status(answer) : answer) as HttpResponse<byte[]>
    }

    /** One exchange the transport started: answers {@code answer} when asked, or never when it is {@code null}. */
    static class RecordedExchange implements Publisher<HttpResponse<byte[]>>, Subscription {
        HttpResponse<byte[]> answer
        /** When it was started, on the manual clock. */
        long sentAt
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
                subscriber.onNext(answer)
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
        private Closure hook
        private int readsBeforeHook

        /** Runs the code when the clock is read for the {@code nth} time from now (1: the next time). */
        void onNanoTime(int nth, Closure code) {
            readsBeforeHook = nth - 1
            hook = code
        }

        @Override
        long nanoTime() {
            if (hook != null && readsBeforeHook-- == 0) {
                Closure code = hook
                hook = null
                code.call()
            }
            super.nanoTime()
        }

        @Override
        ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
            if (accepts <= 0) {
                throw new RejectedExecutionException('the timer is shut down')
            }
            accepts--
            super.schedule(task, delayNanos)
        }
    }
}
