package dev.larder.emulator.library;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * Formats instants the way Go's {@code time.RFC3339} does, at second precision, with the offset a zone has at that
 * instant ({@code "Z"} for a zero offset). Hand-rolled because filters format a million timestamps per query.
 * Thread-safe.
 */
public final class Rfc3339 {

    private final ZoneRules rules;

    /**
     * @param zone the zone whose offset at each instant the text carries
     */
    public Rfc3339(ZoneId zone) {
        this.rules = zone.getRules();
    }

    /**
     * @param epochSecond an instant, in seconds since the epoch
     * @return for example {@code 2026-01-05T10:03:04+11:00}, or {@code ...Z} where the offset is zero
     */
    public String format(long epochSecond) {
        ZoneOffset offset = rules.getOffset(Instant.ofEpochSecond(epochSecond));
        int offsetSeconds = offset.getTotalSeconds();
        long local = epochSecond + offsetSeconds;
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(local, 86_400));
        int secondOfDay = (int) Math.floorMod(local, 86_400);
        char[] out = new char[offsetSeconds == 0 ? 20 : 25];
        digits(out, 0, date.getYear(), 4);
        out[4] = '-';
        digits(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        digits(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        digits(out, 17, secondOfDay % 60, 2);
        if (offsetSeconds == 0) {
            out[19] = 'Z';
        } else {
            int minutes = Math.abs(offsetSeconds) / 60;
            out[19] = offsetSeconds < 0 ? '-' : '+';
            digits(out, 20, minutes / 60, 2);
            out[22] = ':';
            digits(out, 23, minutes % 60, 2);
        }
        return new String(out);
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            out[at + i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
