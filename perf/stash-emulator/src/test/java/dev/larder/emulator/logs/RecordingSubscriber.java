package dev.larder.emulator.logs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** A test subscriber that records what it receives, requesting as told. */
public final class RecordingSubscriber<T> implements Subscriber<T> {

    private final long initialRequest;
    private final List<T> items = new CopyOnWriteArrayList<>();
    private final AtomicReference<Throwable> error = new AtomicReference<>();
    private volatile Subscription subscription;
    private volatile boolean completed;

    private RecordingSubscriber(long initialRequest) {
        this.initialRequest = initialRequest;
    }

    /** @return a subscriber that requests everything */
    public static <T> RecordingSubscriber<T> unbounded() {
        return new RecordingSubscriber<>(Long.MAX_VALUE);
    }

    /** @return a subscriber that requests nothing until told */
    public static <T> RecordingSubscriber<T> withoutDemand() {
        return new RecordingSubscriber<>(0);
    }

    @Override
    public void onSubscribe(Subscription s) {
        subscription = s;
        if (initialRequest > 0) {
            s.request(initialRequest);
        }
    }

    @Override
    public void onNext(T item) {
        items.add(item);
    }

    @Override
    public void onError(Throwable t) {
        error.set(t);
    }

    @Override
    public void onComplete() {
        completed = true;
    }

    public void request(long n) {
        Poll.until(() -> subscription != null, "subscribed");
        subscription.request(n);
    }

    public void cancel() {
        Poll.until(() -> subscription != null, "subscribed");
        subscription.cancel();
    }

    /** Waits until subscribed, so items published from now on reach this subscriber's buffer. */
    public RecordingSubscriber<T> awaitSubscribed() {
        Poll.until(() -> subscription != null, "subscribed");
        return this;
    }

    public List<T> items() {
        return List.copyOf(items);
    }

    public List<T> awaitItems(int count) {
        Poll.until(() -> items.size() >= count, count + " items received");
        return items();
    }

    /** Waits for onComplete and returns everything received before it. */
    public List<T> awaitCompletion() {
        Poll.until(() -> completed, "completed");
        return items();
    }

    public Throwable awaitError() {
        Poll.until(() -> error.get() != null, "an error signalled");
        return error.get();
    }
}
