package dev.larder.sync;

import java.time.Duration;

/**
 * How change events are gathered before they are applied.
 *
 * @param window      how long events are collected before their entities are refetched ({@code events.window}),
 *                    10 ms..5 s
 * @param flushAt     pending entities that trigger a refetch before the window ends, 1 or more
 * @param burstEvents events in one log batch that count as a burst and also ask for an incremental sync (the log
 *                    stream drops lines under load), 1 or more
 */
public record EventSettings(Duration window, int flushAt, int burstEvents) {

    /** 100 ms windows, a refetch every 500 pending entities, bursts from 200 events per log batch. */
    public static final EventSettings DEFAULTS = new EventSettings(Duration.ofMillis(100), 500, 200);

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException when a value is out of range
     */
    public EventSettings {
        if (window.compareTo(Duration.ofMillis(10)) < 0 || window.compareTo(Duration.ofSeconds(5)) > 0) {
            throw new IllegalArgumentException("events.window must be 10ms..5s, got " + window);
        }
        if (flushAt < 1 || burstEvents < 1) {
            throw new IllegalArgumentException("flushAt and burstEvents must be 1 or more");
        }
    }
}
