package dev.larder.query;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.larder.EntityQueries;
import dev.larder.model.query.InvalidInputException;
import dev.larder.model.stats.DateDistribution;
import dev.larder.model.stats.DateInterval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Date distributions of filtered scene sets, against periods counted over the emulator's maps. */
class DateDistributionsTest {

    static Stream<Arguments> cases() {
        return SceneOracle.cases().stream().flatMap(c -> Stream.of(
                Arguments.of(c, "date", DateInterval.YEAR, 4),
                Arguments.of(c, "created_at", DateInterval.MONTH, 7)));
    }

    @ParameterizedTest(name = "{0} by {1} per {2}")
    @MethodSource("cases")
    void issue9_aDistributionCountsTheSetPerPeriodOldestFirst(SceneOracle.Case c, String field,
                                                               DateInterval interval, int prefix) {
        EntityQueries scenes = QueryLibrary.larder().scenes();
        List<Map<String, Object>> set = c.scenes();
        Map<String, Long> expected = new TreeMap<>();
        long undated = 0;
        for (Map<String, Object> scene : set) {
            String date = (String) scene.get(field);
            if (date == null) {
                undated++;
            } else {
                expected.merge(date.substring(0, prefix), 1L, Long::sum);
            }
        }
        DateDistribution dates = scenes.dates(c.filter() == null ? null : scenes.filter(c.filter()), null, field,
                interval);
        Map<String, Long> actual = new LinkedHashMap<>();
        dates.buckets().forEach(b -> actual.put(b.period(), b.count()));
        assertThat(List.copyOf(actual.entrySet()), is(List.copyOf(expected.entrySet())));
        assertThat(dates.undated(), is(undated));
        assertThat(dates.count(), is((long) set.size()));
        assertThat(dates.field(), is(field));
        assertThat(dates.interval(), is(interval));
    }

    @Test
    void issue9_scenesCountByTheirDatePerYearUnlessToldOtherwise() {
        EntityQueries scenes = QueryLibrary.larder().scenes();
        DateDistribution dates = scenes.dates(null, null, null, null);
        assertThat(dates.field(), is("date"));
        assertThat(dates.interval(), is(DateInterval.YEAR));
        assertThat(dates, is(scenes.dates(null, null, "date", DateInterval.YEAR)));
    }

    @Test
    void issue9_aFieldTheTypeHasNotIsRefusedByPath() {
        EntityQueries scenes = QueryLibrary.larder().scenes();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> scenes.dates(null, null, "birthdate", DateInterval.MONTH));
        assertThat(e.path(), is("field"));
    }
}
