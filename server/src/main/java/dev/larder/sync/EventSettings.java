package dev.larder.sync;

import java.time.Duration;

/**
 * How change events are gathered before they are applied.
 *
 * @param window      how long events are collected before their entities are refetched ({@code events.window}),
 *                    0..5 s; events that arrive while a refetch runs are applied together after it whatever the window
 * @param flushAt     pending entities that trigger a refetch before the window ends, and the most rows one write of
 *                    refetched entities holds, 1 or more
 * @param burstEvents events in one series of log batches (less than 2 s apart) from which it is a burst, after which an
 *                    incremental sync runs (the log stream drops lines under load), 1 or more
 */
public record EventSettings(Duration window, int flushAt, int burstEvents) {

    /**
     * No window (Stash's log stream already gathers a second's events into one batch, so a window would only add
     * latency), a refetch every 500 pending entities, bursts from 200 events in a series.
     */
    public static final EventSettings DEFAULTS = new EventSettings(Duration.ZERO, 500, 200);

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException when a value is out of range
     */
    public EventSettings {
        if (window.isNegative() || window.compareTo(Duration.ofSeconds(5)) > 0) {
            throw new IllegalArgumentException("events.window must be 0..5s, got " + window);
        }
        if (flushAt < 1 || burstEvents < 1) {
            throw new IllegalArgumentException("flushAt and burstEvents must be 1 or more");
        }
    }
}
