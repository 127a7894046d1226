package dev.larder.emulator.library;

import dev.larder.model.EntityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;

class TimestampsTest {

    private static final String RFC3339 = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})";
    private static final DateTimeFormatter GO_RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    @ParameterizedTest
    @CsvSource({
        "2026-01-15T01:02:03Z, Australia/Sydney, 2026-01-15T12:02:03+11:00",
        "2026-07-15T01:02:03Z, Australia/Sydney, 2026-07-15T11:02:03+10:00",
        "2026-07-15T01:02:03Z, UTC, 2026-07-15T01:02:03Z",
        "2026-01-15T01:02:03Z, America/New_York, 2026-01-14T20:02:03-05:00",
        "2019-12-31T23:59:59Z, Asia/Kolkata, 2020-01-01T05:29:59+05:30"})
    void formatsLikeGosRfc3339(String instant, String zone, String expected) {
        assertThat(new Rfc3339(ZoneId.of(zone)).format(Instant.parse(instant).getEpochSecond()), is(expected));
    }

    @Test
    void agreesWithJavaTimeOverManyInstants() {
        SplittableRandom random = new SplittableRandom(7);
        for (String zone : new String[] {"Australia/Sydney", "UTC", "America/Los_Angeles", "Europe/Berlin"}) {
            Rfc3339 format = new Rfc3339(ZoneId.of(zone));
            for (int i = 0; i < 20_000; i++) {
                long second = random.nextLong(1_500_000_000L, 1_800_000_000L);
                String expected = GO_RFC3339.format(Instant.ofEpochSecond(second).atZone(ZoneId.of(zone)));
                assertThat(format.format(second), is(expected));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EntityType.class)
    void entityTimestampsAreRfc3339WithDstOffsetsAndOrdered(EntityType type) {
        SyntheticLibrary library = TestLibraries.scenes(2_000);
        Set<String> offsets = new HashSet<>();
        Instant previousCreated = Instant.EPOCH;
        for (int id = 1; id <= library.count(type); id++) {
            Map<String, Object> entity = library.get(type, id);
            String created = (String) entity.get("created_at");
            String updated = (String) entity.get("updated_at");
            assertThat(created, matchesPattern(RFC3339));
            assertThat(updated, matchesPattern(RFC3339));
            Instant createdAt = OffsetDateTime.parse(created).toInstant();
            assertThat(OffsetDateTime.parse(updated).toInstant(), greaterThanOrEqualTo(createdAt));
            assertThat("created_at grows with id", createdAt, greaterThanOrEqualTo(previousCreated));
            assertThat(createdAt, greaterThanOrEqualTo(Instant.parse("2019-01-01T00:00:00Z")));
            assertThat(createdAt, lessThan(Instant.parse("2026-07-01T00:00:00Z")));
            previousCreated = createdAt;
            offsets.add(created.substring(19));
        }
        if (library.count(type) >= 20) {
            assertThat(offsets, hasItems("+10:00", "+11:00"));
        }
    }

    @Test
    void nowUsesTheClockAndTheSpecZone() {
        assertThat(TestLibraries.scenes(10).now(), is("2026-07-01T10:00:00+10:00"));
        LibrarySpec utc = new LibrarySpec(1, 10, 1, 1, 1, 1, 1, 1, 1, ZoneOffset.UTC);
        SyntheticLibrary library = new SyntheticLibrary(utc, Clock.fixed(Instant.parse("2026-01-02T03:04:05.9Z"),
                ZoneOffset.UTC));
        assertThat(library.now(), is("2026-01-02T03:04:05Z"));
        assertThat((String) library.get(EntityType.SCENE, 1).get("created_at"), matchesPattern(".*Z"));
    }
}
