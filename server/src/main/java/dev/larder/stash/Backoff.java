package dev.larder.stash;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with jitter: the wait before retry (or reconnect) number {@code n} is drawn uniformly from
 * the upper half of {@code min(max, initial * 2^(n-1))}, so clients that failed together do not come back together,
 * and never wait less than half the nominal delay. Immutable and thread-safe.
 *
 * @param initial the nominal wait before the first retry, more than 0
 * @param max     the cap on the nominal wait, at least {@code initial}
 */
public record Backoff(Duration initial, Duration max) {

    /** 250 ms doubling up to 10 s: for requests. */
    public static final Backoff REQUESTS = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(10));
    /** 500 ms doubling up to 30 s: for websocket reconnects. */
    public static final Backoff RECONNECTS = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

    /** Checks the bounds. */
    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial back-off must be more than 0, got " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max back-off " + max + " is below the initial " + initial);
        }
    }

    /**
     * Draws the wait before a retry.
     *
     * @param attempt 1 for the first retry, 2 for the second, ...
     * @return a wait between half the nominal delay and the nominal delay
     */
    public Duration delay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be 1 or more, got " + attempt);
        }
        long initialNanos = initial.toNanos();
        long maxNanos = max.toNanos();
        int doublings = Math.min(attempt - 1, 62);
        long nominal = initialNanos > (maxNanos >> doublings) ? maxNanos : Math.min(maxNanos, initialNanos << doublings);
        long half = nominal / 2;
        return Duration.ofNanos(half + ThreadLocalRandom.current().nextLong(nominal - half + 1));
    }
}
