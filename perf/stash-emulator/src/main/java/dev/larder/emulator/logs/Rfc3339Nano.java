package dev.larder.emulator.logs;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Formats instants the way Stash's GraphQL {@code Time} scalar does (gqlgen's {@code MarshalTime}, Go's
 * {@code time.RFC3339Nano}): seconds always present, the fraction with trailing zeros removed (none when whole),
 * and the offset as {@code +hh:mm}, or {@code Z} for UTC. Thread-safe.
 */
public final class Rfc3339Nano {

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .appendOffset("+HH:MM", "Z")
            .toFormatter(Locale.ROOT);

    private Rfc3339Nano() {
    }

    /**
     * @param instant the point in time, not null
     * @param zone    the zone whose offset at that instant is written, not null
     * @return the text, e.g. {@code 2026-01-11T18:07:53.1234+11:00}
     */
    public static String format(Instant instant, ZoneId zone) {
        return FORMAT.format(instant.atZone(zone));
    }
}
