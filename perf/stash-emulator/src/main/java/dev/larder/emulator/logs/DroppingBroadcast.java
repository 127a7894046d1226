package dev.larder.emulator.logs;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A lossy fan-out {@link Publisher}, the Java form of Stash's subscriber channels: every item is offered to each
 * current subscriber's bounded buffer and dropped for a subscriber whose buffer is full (Go's
 * {@code select { case c <- item: default: }}), so a slow subscriber never slows the publisher.
 *
 * <p>Each subscription gets its own virtual thread, which calls {@code onSubscribe} first and then delivers buffered
 * items as the subscriber's {@code request(n)} allows; a subscriber may block in {@code onNext} without delaying
 * anyone else. Items published before a subscriber requests anything wait in its buffer (and count against it).
 * Cancelling unsubscribes and discards the buffer. Thread-safe.
 *
 * @param <T> the item type
 */
public final class DroppingBroadcast<T> implements Publisher<T> {

    private final int capacity;
    private final String threadName;
    private final Set<Channel> channels = ConcurrentHashMap.newKeySet();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;

    /**
     * @param capacity   items each subscriber's buffer holds, at least 1 (Stash: 100 log batches, 100 job updates,
     *                   10 scan-complete signals)
     * @param threadName name of the delivery threads, for thread dumps
     */
    public DroppingBroadcast(int capacity, String threadName) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
        this.threadName = Objects.requireNonNull(threadName, "threadName");
    }

    @Override
    public void subscribe(Subscriber<? super T> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        Channel channel = new Channel(subscriber);
        if (closed) {
            channel.completing = true;
        } else {
            channels.add(channel);
        }
        Thread.ofVirtual().name(threadName).start(channel::deliver);
    }

    /** Offers an item to every subscriber; see {@link #publish(Object, BooleanSupplier)}. */
    public void publish(T item) {
        publish(item, () -> false);
    }

    /**
     * Offers an item to every current subscriber. Does not block. Ignored after {@link #close()}.
     *
     * @param item       the item, not null
     * @param injectDrop asked once per subscriber; {@code true} drops the item for that subscriber as if its buffer
     *                   were full (fault injection)
     */
    public void publish(T item, BooleanSupplier injectDrop) {
        Objects.requireNonNull(item, "item");
        if (closed) {
            return;
        }
        for (Channel channel : channels) {
            if (!injectDrop.getAsBoolean() && channel.offer(item)) {
                sent.incrementAndGet();
            } else {
                dropped.incrementAndGet();
            }
        }
    }

    /** @return items accepted into a subscriber's buffer, counted once per subscriber */
    public long sentCount() {
        return sent.get();
    }

    /** @return items dropped for a subscriber (buffer full or injected), counted once per subscriber */
    public long droppedCount() {
        return dropped.get();
    }

    /** @return the number of current subscribers */
    public int subscriberCount() {
        return channels.size();
    }

    /**
     * Stops accepting items; each subscriber receives what is already in its buffer (as demand allows) and then
     * {@code onComplete}. Later subscribers are completed at once. Idempotent.
     */
    public void close() {
        closed = true;
        for (Channel channel : channels) {
            channel.complete();
        }
    }

    private final class Channel implements Subscription {
        private final Subscriber<? super T> subscriber;
        private final ArrayDeque<T> buffer = new ArrayDeque<>();
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private long demand;
        private boolean cancelled;
        private boolean completing;
        private IllegalArgumentException badRequest;

        Channel(Subscriber<? super T> subscriber) {
            this.subscriber = subscriber;
        }

        boolean offer(T item) {
            lock.lock();
            try {
                if (cancelled || completing || buffer.size() >= capacity) {
                    return false;
                }
                buffer.addLast(item);
                changed.signal();
                return true;
            } finally {
                lock.unlock();
            }
        }

        void complete() {
            lock.lock();
            try {
                completing = true;
                changed.signal();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void request(long n) {
            lock.lock();
            try {
                if (n <= 0) {
                    badRequest = new IllegalArgumentException("request(n) needs n > 0 (Reactive Streams rule 3.9): " + n);
                } else {
                    demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                }
                changed.signal();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void cancel() {
            lock.lock();
            try {
                cancelled = true;
                buffer.clear();
                changed.signal();
            } finally {
                lock.unlock();
            }
            channels.remove(this);
        }

        /** The delivery loop; all signals to the subscriber come from this one thread. */
        void deliver() {
            try {
                subscriber.onSubscribe(this);
            } catch (RuntimeException e) {
                cancel();
                return;
            }
            while (true) {
                T next;
                lock.lock();
                try {
                    while (!cancelled && badRequest == null && (buffer.isEmpty() ? !completing : demand == 0)) {
                        changed.await();
                    }
                    if (cancelled) {
                        return;
                    }
                    if (badRequest != null || buffer.isEmpty()) {
                        cancelled = true;
                        next = null;
                    } else {
                        next = buffer.pollFirst();
                        if (demand != Long.MAX_VALUE) {
                            demand--;
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancelled = true;
                    channels.remove(this);
                    return;
                } finally {
                    lock.unlock();
                }
                if (next == null) {
                    channels.remove(this);
                    if (badRequest != null) {
                        subscriber.onError(badRequest);
                    } else {
                        subscriber.onComplete();
                    }
                    return;
                }
                try {
                    subscriber.onNext(next);
                } catch (RuntimeException e) {
                    // Rule 2.13: a throwing subscriber is treated as cancelled.
                    cancel();
                    return;
                }
            }
        }
    }
}
