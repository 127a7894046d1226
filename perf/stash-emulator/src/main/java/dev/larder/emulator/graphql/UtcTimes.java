package dev.larder.emulator.graphql;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as Stash writes the ones it keeps in UTC (play and o histories): RFC3339, seconds, {@code Z}. */
final class UtcTimes {

    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private UtcTimes() {
    }

    static String format(OffsetDateTime time) {
        return RFC3339.format(time.withOffsetSameInstant(ZoneOffset.UTC).withNano(0));
    }
}
