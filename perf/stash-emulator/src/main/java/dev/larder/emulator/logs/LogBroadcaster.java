package dev.larder.emulator.logs;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.reactivestreams.Publisher;

/**
 * Stash's log stream ({@code internal/log/logger.go}): the source of {@code loggingSubscribe} and the {@code logs}
 * query.
 *
 * <ul>
 *   <li>Every item of every level is broadcast. Items are batched: a batch goes out at once if the previous one left
 *       at least one interval ago, else when the interval has passed (Stash: 1 s); items logged meanwhile join it.</li>
 *   <li>Each subscriber has a buffer of {@value #SUBSCRIBER_BUFFER} batches; a batch that does not fit is dropped for
 *       that subscriber. Delivery honours {@code request(n)} and runs on the subscription's own thread.</li>
 *   <li>{@link #recent()} keeps the newest {@value #RECENT_LIMIT} items at or above the cache level (Stash's
 *       configured log level, default Info), newest first. As in Stash, the cache ranks Progress and Warning items
 *       as Info (Stash maps their type names "progress" and "warn" to its default level).</li>
 * </ul>
 *
 * <p>Unlike Stash, which hands each item to the broadcaster in its own goroutine, items keep the order of
 * {@link #log} calls. Thread-safe.
 */
public final class LogBroadcaster implements LogSink, AutoCloseable {

    /** Batches each subscriber's buffer holds (Stash's {@code make(chan []LogItem, 100)}). */
    public static final int SUBSCRIBER_BUFFER = 100;
    /** Items kept for the {@code logs} query. */
    public static final int RECENT_LIMIT = 30;
    /** Stash's batch interval. */
    public static final Duration STASH_BATCH_INTERVAL = Duration.ofSeconds(1);

    private static final long DROP_SEED = 0x5eed_1095L;

    /** Runs a task after a delay; the seam that lets tests drive the batch timer by hand. */
    @FunctionalInterface
    interface DelayedRunner {
        void runAfter(long delayNanos, Runnable task);
    }

    private final Clock clock;
    private final ZoneId zone;
    private final long intervalNanos;
    private final LogLevel cacheLevel;
    private final LongSupplier ticker;
    private final DelayedRunner timer;
    private final ScheduledExecutorService ownTimer;
    private final DroppingBroadcast<List<LogEntry>> broadcast =
            new DroppingBroadcast<>(SUBSCRIBER_BUFFER, "log-broadcast");

    private final Object lock = new Object();
    private final ArrayDeque<LogEntry> recent = new ArrayDeque<>(RECENT_LIMIT);
    private final Random dropRandom = new Random(DROP_SEED);
    private List<LogEntry> pending = new ArrayList<>();
    private boolean waiting;
    private long lastBroadcastNanos;
    private double dropShare;
    private boolean closed;

    /**
     * A broadcaster whose {@link #recent()} cache keeps Info and above, as Stash at its default log level.
     *
     * @param clock         source of the items' time
     * @param zone          zone whose offset the items' time carries
     * @param batchInterval minimum time between batches, zero or more (Stash: {@link #STASH_BATCH_INTERVAL}; zero
     *                      sends every item as its own batch)
     */
    public LogBroadcaster(Clock clock, ZoneId zone, Duration batchInterval) {
        this(clock, zone, batchInterval, LogLevel.Info);
    }

    /**
     * @param clock         source of the items' time
     * @param zone          zone whose offset the items' time carries
     * @param batchInterval minimum time between batches, zero or more
     * @param cacheLevel    least severe level kept by {@link #recent()} (Stash's configured log level)
     */
    public LogBroadcaster(Clock clock, ZoneId zone, Duration batchInterval, LogLevel cacheLevel) {
        this(clock, zone, batchInterval, cacheLevel, System::nanoTime, null);
    }

    LogBroadcaster(Clock clock, ZoneId zone, Duration batchInterval, LogLevel cacheLevel, LongSupplier ticker,
                   DelayedRunner timer) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        if (batchInterval.isNegative()) {
            throw new IllegalArgumentException("batchInterval must not be negative: " + batchInterval);
        }
        this.intervalNanos = batchInterval.toNanos();
        this.cacheLevel = Objects.requireNonNull(cacheLevel, "cacheLevel");
        this.ticker = ticker;
        if (timer == null) {
            ownTimer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("log-batch-timer").factory());
            this.timer = (delay, task) -> ownTimer.schedule(task, delay, TimeUnit.NANOSECONDS);
        } else {
            ownTimer = null;
            this.timer = timer;
        }
        // Stash starts its clock at logger creation, so items in the first interval wait for it to pass.
        this.lastBroadcastNanos = ticker.getAsLong();
    }

    @Override
    public void log(LogLevel level, String message) {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
        LogEntry entry = new LogEntry(Rfc3339Nano.format(clock.instant(), zone), level, message);
        synchronized (lock) {
            if (itemRank(level) >= thresholdRank(cacheLevel)) {
                recent.addFirst(entry);
                if (recent.size() > RECENT_LIMIT) {
                    recent.removeLast();
                }
            }
            if (closed) {
                return;
            }
            pending.add(entry);
            if (!waiting) {
                long sinceLast = ticker.getAsLong() - lastBroadcastNanos;
                if (sinceLast < intervalNanos) {
                    waiting = true;
                    timer.runAfter(intervalNanos - sinceLast, this::broadcastPending);
                } else {
                    broadcastLocked();
                }
            }
        }
    }

    /** @return the newest items at or above the cache level, newest first, at most {@value #RECENT_LIMIT} */
    public List<LogEntry> recent() {
        synchronized (lock) {
            return List.copyOf(recent);
        }
    }

    /**
     * A stream of batches for {@code loggingSubscribe}. Each subscription receives the batches broadcast after it
     * subscribed; it never completes unless the broadcaster is closed.
     *
     * @return a publisher that may be subscribed any number of times
     */
    public Publisher<List<LogEntry>> subscribe() {
        return broadcast;
    }

    /**
     * Fault injection: drops this share of batches for every subscriber, each subscriber deciding independently with
     * a pseudo-random sequence of a fixed seed (so a run is repeatable).
     *
     * @param share from 0 (none, the default) to 1 (all)
     */
    public void setDropShare(double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("drop share must be within 0..1: " + share);
        }
        synchronized (lock) {
            dropShare = share;
        }
    }

    /** @return batches accepted into a subscriber's buffer, counted once per subscriber */
    public long batchesSent() {
        return broadcast.sentCount();
    }

    /** @return batches dropped (buffer full or injected), counted once per subscriber */
    public long batchesDropped() {
        return broadcast.droppedCount();
    }

    /** Stops the batch timer and completes all subscriptions; later items are only cached. Idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            pending = new ArrayList<>();
        }
        if (ownTimer != null) {
            ownTimer.shutdownNow();
        }
        broadcast.close();
    }

    private void broadcastPending() {
        synchronized (lock) {
            if (!closed) {
                broadcastLocked();
            }
        }
    }

    private void broadcastLocked() {
        List<LogEntry> batch = List.copyOf(pending);
        pending = new ArrayList<>();
        broadcast.publish(batch, () -> dropShare > 0 && dropRandom.nextDouble() < dropShare);
        waiting = false;
        lastBroadcastNanos = ticker.getAsLong();
    }

    /** An item's severity as Stash's cache sees it: "progress" and "warn" are not logrus level names, so both rank as Info. */
    private static int itemRank(LogLevel level) {
        return switch (level) {
            case Trace -> 0;
            case Debug -> 1;
            case Info, Progress, Warning -> 2;
            case Error -> 4;
        };
    }

    /** The configured level's logrus severity (so at Warning, warnings themselves are not cached, as in Stash). */
    private static int thresholdRank(LogLevel level) {
        return switch (level) {
            case Trace -> 0;
            case Debug -> 1;
            case Info, Progress -> 2;
            case Warning -> 3;
            case Error -> 4;
        };
    }
}
