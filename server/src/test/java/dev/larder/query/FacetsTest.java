package dev.larder.query;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.larder.EntityQueries;
import dev.larder.model.EntityType;
import dev.larder.model.query.InputObject;
import dev.larder.model.query.InvalidInputException;
import dev.larder.model.stats.Breakdown;
import dev.larder.model.stats.Breakdowns;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Facets and top lists of filtered scene sets, against groups counted over the emulator's maps. */
class FacetsTest {

    /** Each scene facet: the values a scene counts under, as the oracle sees them. */
    private static final Map<String, Function<Map<String, Object>, List<?>>> FACETS = Map.of(
            "tags", s -> SceneOracle.ids(s, "tags"),
            "studios", s -> s.get("studio") == null ? List.of() : List.of(s.get("studio")),
            "performers", s -> SceneOracle.ids(s, "performers"),
            "groups", SceneOracle::groups,
            "resolution", s -> SceneOracle.resolution(s) == null ? List.of() : List.of(SceneOracle.resolution(s)),
            "year", s -> s.get("date") == null ? List.of() : List.of(((String) s.get("date")).substring(0, 4)));
    private static final Map<String, EntityType> RELATED = Map.of("tags", EntityType.TAG, "studios",
            EntityType.STUDIO, "performers", EntityType.PERFORMER, "groups", EntityType.GROUP);

    static List<SceneOracle.Case> cases() {
        return SceneOracle.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void issue9_facetsCountTheResultSetPerValue(SceneOracle.Case c) {
        EntityQueries scenes = QueryLibrary.larder().scenes();
        List<Map<String, Object>> set = c.scenes();
        Breakdowns facets = scenes.facets(filter(scenes, c), null, null, 200);
        assertThat(facets.count(), is((long) set.size()));
        assertThat(facets.breakdowns().stream().map(Breakdown::facet).toList(),
                contains("tags", "studios", "performers", "groups", "resolution", "year"));
        for (Breakdown facet : facets.breakdowns()) {
            List<SceneOracle.Group> groups = SceneOracle.group(set, FACETS.get(facet.facet()));
            assertThat(facet.facet(), values(facet), is(SceneOracle.ranked(groups, "count", 200)));
            Map<String, Double> counts = byValue(groups, "count");
            for (Breakdown.Entry entry : facet.entries()) {
                assertThat(facet.facet() + " " + entry.value(), (double) entry.count(),
                        is(counts.get(entry.value())));
                assertThat(entry.measures().keySet(), contains("count"));
                assertThat(entry.name(), is(name(facet.type(), entry.value())));
            }
            assertThat(facet.type(), is(RELATED.get(facet.facet())));
        }
    }

    @Test
    void issue9_aFacetListsItsLargestValuesUpToTheLimit() {
        EntityQueries scenes = QueryLibrary.larder().scenes();
        List<Map<String, Object>> set = QueryLibrary.entities(EntityType.SCENE);
        Breakdowns facets = scenes.facets(null, null, List.of("performers", "tags"), 5);
        assertThat(facets.breakdowns().stream().map(Breakdown::facet).toList(), contains("performers", "tags"));
        assertThat(values(facets.breakdowns().get(0)),
                is(SceneOracle.ranked(SceneOracle.group(set, FACETS.get("performers")), "count", 5)));
        assertThat(scenes.facets(null, null, List.of("tags"), null).breakdowns().get(0).entries(), hasSize(20));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void issue9_topListsRankRelatedEntitiesByEachMeasureWithTiesById(SceneOracle.Case c) {
        EntityQueries scenes = QueryLibrary.larder().scenes();
        List<Map<String, Object>> set = c.scenes();
        Breakdowns top = scenes.top(filter(scenes, c), null, null, null, 10);
        assertThat(top.count(), is((long) set.size()));
        List<String> measures = List.of("count", "size", "duration", "o_counter", "play_count", "play_duration",
                "played");
        assertThat(top.breakdowns(), hasSize(4 * measures.size()));
        int i = 0;
        for (String facet : List.of("tags", "studios", "performers", "groups")) {
            List<SceneOracle.Group> groups = SceneOracle.group(set, FACETS.get(facet));
            for (String measure : measures) {
                Breakdown list = top.breakdowns().get(i++);
                assertThat(list.facet(), is(facet));
                assertThat(list.orderedBy(), is(measure));
                assertThat(facet + " by " + measure, values(list), is(SceneOracle.ranked(groups, measure, 10)));
                for (Breakdown.Entry entry : list.entries()) {
                    assertThat(entry.measures().keySet(), contains(measures.toArray()));
                    for (String m : measures) {
                        double expected = byValue(groups, m).get(entry.value());
                        assertThat(facet + " " + entry.value() + " " + m, entry.measures().get(m).doubleValue(),
                                closeTo(expected, 1e-6 * (1 + expected)));
                    }
                }
            }
        }
    }

    @Test
    void issue9_topListsTakeFacetsAndMeasuresByName() {
        EntityQueries scenes = QueryLibrary.larder().scenes();
        List<Map<String, Object>> set = QueryLibrary.entities(EntityType.SCENE);
        Breakdowns top = scenes.top(null, null, List.of("performers", "year"), List.of("play_count"), 3);
        assertThat(top.breakdowns(), hasSize(2));
        assertThat(values(top.breakdowns().get(0)),
                is(SceneOracle.ranked(SceneOracle.group(set, FACETS.get("performers")), "play_count", 3)));
        assertThat(values(top.breakdowns().get(1)),
                is(SceneOracle.ranked(SceneOracle.group(set, FACETS.get("year")), "play_count", 3)));
        assertThat(top.breakdowns().get(1).entries().get(0).name(), nullValue());
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("unknown facet", (Runnable) () -> scenes().facets(null, null, List.of("tags", "colour"),
                        null), "facets[1]"),
                Arguments.of("limit 0", (Runnable) () -> scenes().facets(null, null, null, 0), "limit"),
                Arguments.of("limit 201", (Runnable) () -> scenes().top(null, null, null, null, 201), "limit"),
                Arguments.of("unknown measure", (Runnable) () -> scenes().top(null, null, null, List.of("likes"),
                        null), "by[0]"),
                Arguments.of("unknown top facet", (Runnable) () -> scenes().top(null, null, List.of("nope"), null,
                        null), "of[0]"),
                Arguments.of("bad filter", (Runnable) () -> scenes().facets(scenes().filter(
                        "{\"rating100\":{\"value\":1,\"modifier\":\"INCLUDES\"}}"), null, null, null),
                        "scene_filter.rating100.modifier"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void issue9_badFacetRequestsNameTheirPath(String name, Runnable request, String path) {
        InvalidInputException e = assertThrows(InvalidInputException.class, request::run);
        assertThat(e.getMessage(), e.path(), is(path));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tags", "performers"})
    void issue9_oneViewServesEveryLimitAndSpellingOfAFilter(String facet) {
        EntityQueries scenes = QueryLibrary.larder().scenes();
        var stats = QueryLibrary.larder().l1().stats();
        scenes.facets(scenes.filter("{\"organized\":true,\"tags\":{\"value\":[\"7\"],\"modifier\":\"INCLUDES\"}}"),
                null, List.of(facet), null);
        long misses = stats.missCount();
        scenes.facets(scenes.filter("{\"organized\":true,\"tags\":{\"modifier\":\"INCLUDES\",\"value\":[7]}}"),
                null, List.of(facet), 3);
        assertThat(stats.missCount() - misses, is(0L));
    }

    private static EntityQueries scenes() {
        return QueryLibrary.larder().scenes();
    }

    private static InputObject filter(EntityQueries scenes, SceneOracle.Case c) {
        return c.filter() == null ? null : scenes.filter(c.filter());
    }

    private static List<String> values(Breakdown breakdown) {
        return breakdown.entries().stream().map(Breakdown.Entry::value).toList();
    }

    private static Map<String, Double> byValue(List<SceneOracle.Group> groups, String measure) {
        Map<String, Double> values = new HashMap<>();
        groups.forEach(g -> values.put(String.valueOf(g.value()), g.measures().get(measure)));
        return values;
    }

    private static String name(EntityType type, String id) {
        if (type == null) {
            return null;
        }
        return (String) QueryLibrary.emulator().library().get(type, Integer.parseInt(id)).get("name");
    }
}
