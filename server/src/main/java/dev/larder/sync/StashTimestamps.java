package dev.larder.sync;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Arithmetic on Stash's timestamp text. Stash compares its timestamp criteria as strings (STASH.md b.1), so a
 * watermark is kept as the exact text Stash returned, and a bound derived from it keeps that text's own offset:
 * moving it back by an overlap then compares the way Stash will compare it. Thread-safe (stateless).
 */
public final class StashTimestamps {

    /** A watermark before anything Stash can hold: a type with no watermark yet starts from it. */
    public static final String EPOCH = "1970-01-01T00:00:00Z";

    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private StashTimestamps() {
    }

    /**
     * The text of {@code timestamp} moved back by {@code overlap}, in the same offset and format as Stash writes
     * (seconds, {@code Z} for UTC).
     *
     * @param timestamp RFC3339 text as Stash returned it, e.g. {@code 2026-04-05T02:59:00+11:00}
     * @param overlap   0 or more
     * @return for example {@code 2026-04-05T00:59:00+11:00} for a two-hour overlap
     * @throws IllegalArgumentException when the text is not RFC3339 or the overlap is negative
     */
    public static String minus(String timestamp, Duration overlap) {
        if (overlap.isNegative()) {
            throw new IllegalArgumentException("overlap must be 0 or more, got " + overlap);
        }
        return RFC3339.format(parse(timestamp).minus(overlap).withNano(0));
    }

    /**
     * The later of two timestamps as Stash's string comparison sees it (not by instant: text is what Stash's filter
     * compares, so the watermark must be the text maximum).
     *
     * @param a a timestamp text, or null
     * @param b a timestamp text, or null
     * @return the lexicographically greater, or the non-null one
     */
    public static String textMax(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * An instant as the UTC text Stash compares {@code last_played_at} with (its play history is stored in UTC).
     *
     * @param timestamp RFC3339 text in any offset
     * @return the same instant with {@code Z}
     */
    public static String toUtc(String timestamp) {
        return RFC3339.format(parse(timestamp).withOffsetSameInstant(ZoneOffset.UTC).withNano(0));
    }

    private static OffsetDateTime parse(String timestamp) {
        try {
            return OffsetDateTime.parse(timestamp);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("not an RFC3339 timestamp: " + timestamp);
        }
    }
}
