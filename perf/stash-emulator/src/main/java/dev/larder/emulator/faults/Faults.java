package dev.larder.emulator.faults;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Faults the emulator injects on demand, so tests and benchmarks can see how Larder copes with a slow, failing
 * or old Stash. All settings start off; each can be changed at any time from any thread and applies to requests
 * that start afterwards.
 */
public final class Faults {

    private volatile Duration latency = Duration.ZERO;
    private volatile double errorShare;
    private volatile int getAllLimit = Integer.MAX_VALUE;
    private volatile int perPageClamp = Integer.MAX_VALUE;
    private volatile boolean paused;
    private final Object pauseLock = new Object();

    /**
     * Adds a delay before every GraphQL and media response.
     *
     * @param latency 0 or more
     * @return this
     */
    public Faults latency(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must be 0 or more, got " + latency);
        }
        this.latency = latency;
        return this;
    }

    /**
     * Answers a share of GraphQL requests with HTTP 500, before running them (nothing is changed by a failed
     * request).
     *
     * @param share from 0 (none) to 1 (all)
     * @return this
     */
    public Faults errorShare(double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("error share must be within 0..1, got " + share);
        }
        this.errorShare = share;
        return this;
    }

    /**
     * Fails list queries with {@code per_page: -1} over more than {@code limit} rows with HTTP 422, as Peek saw
     * Stash do on large libraries (its issue #135).
     *
     * @param limit rows allowed in one "get all" query, 0 or more; {@link Integer#MAX_VALUE} turns it off
     * @return this
     */
    public Faults getAllLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("get-all limit must be 0 or more, got " + limit);
        }
        this.getAllLimit = limit;
        return this;
    }

    /**
     * Silently returns at most {@code clamp} rows per page whatever {@code per_page} asks, as Stash v0.11 to v0.19
     * did with 1,000; the {@code count} stays right, so only a client that pages by count sees everything.
     *
     * @param clamp 1 or more; {@link Integer#MAX_VALUE} turns it off
     * @return this
     */
    public Faults perPageClamp(int clamp) {
        if (clamp < 1) {
            throw new IllegalArgumentException("per-page clamp must be 1 or more, got " + clamp);
        }
        this.perPageClamp = clamp;
        return this;
    }

    /**
     * Holds every request until {@link #resume()}, as a Stash busy with a long transaction would.
     *
     * @return this
     */
    public Faults pause() {
        paused = true;
        return this;
    }

    /**
     * Lets held and new requests through.
     *
     * @return this
     */
    public Faults resume() {
        synchronized (pauseLock) {
            paused = false;
            pauseLock.notifyAll();
        }
        return this;
    }

    /**
     * Turns every fault off.
     *
     * @return this
     */
    public Faults clear() {
        latency = Duration.ZERO;
        errorShare = 0;
        getAllLimit = Integer.MAX_VALUE;
        perPageClamp = Integer.MAX_VALUE;
        return resume();
    }

    /**
     * Waits out a pause and the latency; called by request handlers on a thread that may block.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    public void delay() throws InterruptedException {
        synchronized (pauseLock) {
            while (paused) {
                pauseLock.wait();
            }
        }
        Duration d = latency;
        if (!d.isZero()) {
            Thread.sleep(d);
        }
    }

    /**
     * Draws whether this request fails with a 500.
     *
     * @return true for a request that should fail
     */
    public boolean drawError() {
        double share = errorShare;
        return share > 0 && ThreadLocalRandom.current().nextDouble() < share;
    }

    /**
     * The most rows a {@code per_page: -1} query may return before it fails with 422.
     *
     * @return the limit
     */
    public int getAllLimit() {
        return getAllLimit;
    }

    /**
     * The per-page clamp.
     *
     * @return rows, {@link Integer#MAX_VALUE} when off
     */
    public int perPageClamp() {
        return perPageClamp;
    }

    @Override
    public String toString() {
        return "Faults[latency=" + latency + ", errorShare=" + errorShare + ", getAllLimit=" + getAllLimit
                + ", perPageClamp=" + perPageClamp + ", paused=" + paused + "]";
    }
}
