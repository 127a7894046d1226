package dev.larder;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded waits for conditions, so tests never assert on timing. */
public final class Await {

    private static final long POLL_MILLIS = 25;

    private Await() {
    }

    /**
     * Polls until the condition holds.
     *
     * @param what      what is waited for, for the failure message
     * @param within    how long to wait at most
     * @param condition polled every 25 ms on the calling thread
     * @throws AssertionError when it does not hold in time, or the thread is interrupted
     */
    public static void until(String what, Duration within, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within.toSeconds() + " s: " + what);
            }
            pause();
        }
    }

    /**
     * Sleeps one poll interval.
     *
     * @throws AssertionError when the thread is interrupted (its interrupt flag is set again)
     */
    public static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
