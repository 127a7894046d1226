package dev.larder.sync;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StashTimestampsTest {

    @ParameterizedTest(name = "{0} - {1} min = {2}")
    @CsvSource({
            "2026-04-05T02:59:00+11:00, 120, 2026-04-05T00:59:00+11:00",
            "2026-01-01T00:30:00Z, 60, 2025-12-31T23:30:00Z",
            "2026-06-01T10:00:00-05:00, 0, 2026-06-01T10:00:00-05:00",
            "2026-06-01T10:00:00.123456+02:00, 1, 2026-06-01T09:59:00+02:00"})
    void movesBackKeepingTheOffsetOfTheText(String timestamp, long minutes, String expected) {
        assertThat(StashTimestamps.minus(timestamp, Duration.ofMinutes(minutes)), is(expected));
    }

    @Test
    void theMaximumIsTheTextMaximumAsStashCompares() {
        // 02:30+10:00 is later in time than 02:59+11:00, but Stash's filter compares text
        assertThat(StashTimestamps.textMax("2026-04-05T02:30:00+10:00", "2026-04-05T02:59:00+11:00"),
                is("2026-04-05T02:59:00+11:00"));
        assertThat(StashTimestamps.textMax(null, "2026-01-01T00:00:00Z"), is("2026-01-01T00:00:00Z"));
    }

    @Test
    void utcTextIsForLastPlayedAt() {
        assertThat(StashTimestamps.toUtc("2026-04-05T02:30:00+10:00"), is("2026-04-04T16:30:00Z"));
    }

    @Test
    void rejectsWhatIsNotATimestamp() {
        assertThrows(IllegalArgumentException.class, () -> StashTimestamps.minus("yesterday", Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> StashTimestamps.minus("2026-01-01T00:00:00Z", Duration.ofSeconds(-1)));
    }
}
