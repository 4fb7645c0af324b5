package io.balancegraph.stripe.internal.http;

import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Subscribes to a publisher of one item (the HTTP client's exchange) and completes a future with it: the
 * bridge from Reactive Streams to {@link CompletableFuture} without a reactive library. {@link #cancel()}
 * abandons the exchange (the client then closes the connection), also before it is subscribed: it then never
 * asks for the answer.
 */
final class SingleResponse<T> implements Subscriber<T> {

    final CompletableFuture<T> future = new CompletableFuture<>();
    private final AtomicReference<Subscription> subscription = new AtomicReference<>();
    private volatile boolean cancelled;

    @Override
    public void onSubscribe(Subscription s) {
        if (!subscription.compareAndSet(null, s)) {
            s.cancel();
            return;
        }
        if (cancelled) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(T item) {
        future.complete(item);
    }

    @Override
    public void onError(Throwable error) {
        future.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        future.completeExceptionally(new IllegalStateException("the HTTP client finished without an answer"));
    }

    void cancel() {
        cancelled = true;
        future.cancel(false);
        Subscription s = subscription.get();
        if (s != null) {
            s.cancel();
        }
    }
}
