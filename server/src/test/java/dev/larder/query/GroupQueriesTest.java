package dev.larder.query;

import dev.larder.EntityQueries;
import dev.larder.model.EntityType;
import dev.larder.model.query.FindFilter;
import dev.larder.model.query.SortDirection;
import dev.larder.query.PeopleOracle.Case;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

import static dev.larder.query.PeopleOracle.all;
import static dev.larder.query.PeopleOracle.get;
import static dev.larder.query.PeopleOracle.id;
import static dev.larder.query.PeopleOracle.ids;
import static dev.larder.query.PeopleOracle.refs;
import static dev.larder.query.PeopleOracle.referring;
import static dev.larder.query.PeopleOracle.when;
import static dev.larder.query.PeopleOracle.within;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every criterion and sort of groups that Larder answers, against an oracle computed from the emulator's entities
 * with Stash's semantics ({@code group_filter.go}, {@code filter_hierarchical.go}, {@code group.go}).
 */
class GroupQueriesTest {

    private static final EntityType G = EntityType.GROUP;
    private static final String CONTAINING = "containing_groups";

    private static EntityQueries groups() {
        return QueryLibrary.larder().groups();
    }

    static List<Map<String, Object>> scenes(Map<String, Object> g) {
        return referring(EntityType.SCENE, "groups", id(g));
    }

    static boolean hasPerformer(Map<String, Object> g, int performer) {
        return scenes(g).stream().anyMatch(s -> refs(s, "performers").contains(performer));
    }

    /** @return whether {@code ancestor} contains {@code group} 1 to depth + 1 levels up (depth -1: any) */
    static boolean inside(int group, int ancestor, int depth) {
        return within(G, CONTAINING, group, ancestor, 1, depth < 0 ? -1 : depth + 1);
    }

    static boolean atStudio(Map<String, Object> g, int studio, int depth) {
        Object s = g.get("studio");
        return s != null && within(EntityType.STUDIO, "parent_studio", (Integer) s, studio, 0, depth);
    }

    static Stream<Case> criteria() {
        int container = all(G).stream().filter(g -> refs(g, "sub_groups").stream()
                .anyMatch(s -> !refs(get(G, s), "sub_groups").isEmpty())).map(PeopleOracle::id).findFirst()
                .orElseThrow();
        int nested = all(G).stream().filter(g -> refs(g, CONTAINING).stream()
                .anyMatch(c -> !refs(get(G, c), CONTAINING).isEmpty())).map(PeopleOracle::id).findFirst()
                .orElseThrow();
        int parentStudio = all(EntityType.STUDIO).stream().filter(s -> !refs(s, "child_studios").isEmpty())
                .map(PeopleOracle::id).findFirst().orElseThrow();
        int studio = PeopleOracle.common(G, g -> (Integer) g.get("studio"));
        List<Integer> performers = all(EntityType.PERFORMER).stream()
                .sorted(Comparator.comparingInt(p -> -PerformerQueriesTest.scenes(p).size())).limit(2)
                .map(PeopleOracle::id).toList();
        int tag = PeopleOracle.common(G, g -> refs(g, "tags").isEmpty() ? null : refs(g, "tags").getFirst());
        return Stream.of(
                PeopleOracle.textCases(G, "name", "name"),
                PeopleOracle.textCases(G, "director", "director"),
                PeopleOracle.textCases(G, "synopsis", "synopsis"),
                PeopleOracle.textListCases(G, "url", "urls"),
                PeopleOracle.numberCases(G, "duration", g -> (Number) g.get("duration")),
                PeopleOracle.numberCases(G, "rating100", g -> (Number) g.get("rating100")),
                PeopleOracle.numberCases(G, "tag_count", g -> refs(g, "tags").size()),
                PeopleOracle.numberCases(G, "o_counter", g -> scenes(g).stream()
                        .mapToInt(s -> (Integer) s.get("o_counter")).sum()),
                PeopleOracle.numberCases(G, "containing_group_count", g -> refs(g, CONTAINING).size()),
                PeopleOracle.numberCases(G, "sub_group_count", g -> refs(g, "sub_groups").size()),
                PeopleOracle.textualCases(G, "date", "date"),
                PeopleOracle.textualCases(G, "created_at", "created_at"),
                PeopleOracle.textualCases(G, "updated_at", "updated_at"),
                Stream.of(0, 1, -1).flatMap(depth -> Stream.of(
                        when("{\"containing_groups\":{\"value\":[\"" + container + "\"],\"modifier\":\"INCLUDES\","
                             + "\"depth\":" + depth + "}}", g -> inside(id(g), container, depth)),
                        when("{\"containing_groups\":{\"value\":[\"" + container + "\"],\"modifier\":\"EXCLUDES\","
                             + "\"depth\":" + depth + "}}", g -> !inside(id(g), container, depth)),
                        when("{\"sub_groups\":{\"value\":[\"" + nested + "\"],\"modifier\":\"INCLUDES\","
                             + "\"depth\":" + depth + "}}", g -> inside(nested, id(g), depth)),
                        when("{\"sub_groups\":{\"value\":[\"" + nested + "\"],\"modifier\":\"INCLUDES_ALL\","
                             + "\"excludes\":[\"" + container + "\"],\"depth\":" + depth + "}}",
                                g -> inside(nested, id(g), depth) && !inside(container, id(g), depth)),
                        when("{\"studios\":{\"value\":[\"" + parentStudio + "\"],\"modifier\":\"INCLUDES\","
                             + "\"depth\":" + depth + "}}", g -> atStudio(g, parentStudio, depth)),
                        when("{\"studios\":{\"value\":[\"" + parentStudio + "\"],\"modifier\":\"EXCLUDES\","
                             + "\"depth\":" + depth + "}}", g -> !atStudio(g, parentStudio, depth)))),
                Stream.of(
                        when("{\"containing_groups\":{\"modifier\":\"IS_NULL\"}}", g -> refs(g, CONTAINING).isEmpty()),
                        when("{\"sub_groups\":{\"modifier\":\"NOT_NULL\"}}", g -> !refs(g, "sub_groups").isEmpty()),
                        when("{\"studios\":{\"value\":[\"" + studio + "\"],\"modifier\":\"EQUALS\"}}",
                                g -> Objects.equals(g.get("studio"), studio)),
                        when("{\"studios\":{\"value\":[\"" + studio + "\"],\"modifier\":\"NOT_EQUALS\"}}",
                                g -> !Objects.equals(g.get("studio"), studio)),
                        when("{\"studios\":{\"value\":[\"" + studio + "\",\"" + parentStudio + "\"],\"modifier\":"
                             + "\"INCLUDES_ALL\",\"depth\":-1}}", g -> false),
                        when("{\"studios\":{\"value\":[\"" + parentStudio + "\"],\"excludes\":[\"" + studio + "\"],"
                             + "\"modifier\":\"INCLUDES\",\"depth\":-1}}",
                                g -> atStudio(g, parentStudio, -1) && !atStudio(g, studio, -1)),
                        when("{\"studios\":{\"modifier\":\"IS_NULL\"}}", g -> g.get("studio") == null),
                        when("{\"studios\":{\"modifier\":\"NOT_NULL\"}}", g -> g.get("studio") != null),
                        when("{\"performers\":{\"value\":[" + ids(performers) + "],\"modifier\":\"INCLUDES\"}}",
                                g -> performers.stream().anyMatch(p -> hasPerformer(g, p))),
                        when("{\"performers\":{\"value\":[" + ids(performers) + "],\"modifier\":\"INCLUDES_ALL\"}}",
                                g -> performers.stream().allMatch(p -> hasPerformer(g, p))),
                        when("{\"performers\":{\"value\":[" + ids(performers) + "],\"modifier\":\"EXCLUDES\"}}",
                                g -> performers.stream().noneMatch(p -> hasPerformer(g, p))),
                        when("{\"performers\":{\"modifier\":\"IS_NULL\"}}", g -> scenes(g).isEmpty()
                                || scenes(g).stream().anyMatch(s -> refs(s, "performers").isEmpty())),
                        when("{\"performers\":{\"modifier\":\"NOT_NULL\"}}",
                                g -> scenes(g).stream().anyMatch(s -> !refs(s, "performers").isEmpty())),
                        when("{\"tags\":{\"value\":[\"" + tag + "\"],\"modifier\":\"INCLUDES\"}}",
                                g -> refs(g, "tags").contains(tag)),
                        when("{\"tags\":{\"value\":[\"" + tag + "\"],\"modifier\":\"EXCLUDES\"}}",
                                g -> !refs(g, "tags").contains(tag)),
                        when("{\"is_missing\":\"front_image\"}", g -> false),
                        when("{\"is_missing\":\"back_image\"}", g -> false),
                        when("{\"is_missing\":\"scenes\"}", g -> scenes(g).isEmpty()),
                        when("{\"is_missing\":\"aliases\"}", g -> PeopleOracle.blank(g.get("aliases"))),
                        when("{\"is_missing\":\"duration\"}", g -> g.get("duration") == null),
                        when("{\"is_missing\":\"date\"}", g -> g.get("date") == null),
                        when("{\"is_missing\":\"studio_id\"}", g -> g.get("studio") == null),
                        when("{\"is_missing\":\"description\"}", g -> PeopleOracle.blank(g.get("synopsis"))),
                        when("{\"scenes_filter\":{\"rating100\":{\"value\":60,\"modifier\":\"LESS_THAN\"}}}",
                                g -> scenes(g).stream().anyMatch(s -> s.get("rating100") != null
                                        && (Integer) s.get("rating100") < 60)),
                        when("{\"scenes_filter\":{}}", g -> true),
                        when("{\"studios_filter\":{\"favorite\":false,\"rating100\":{\"value\":50,"
                             + "\"modifier\":\"GREATER_THAN\"}}}", g -> g.get("studio") != null && studioMatches(
                                get(EntityType.STUDIO, (Integer) g.get("studio")))))
        ).flatMap(Function.identity());
    }

    private static boolean studioMatches(Map<String, Object> s) {
        return !(Boolean) s.get("favorite") && s.get("rating100") != null && (Integer) s.get("rating100") > 50;
    }

    @ParameterizedTest
    @MethodSource("criteria")
    void issue9_everyCriterionAnswersWhatStashWould(Case c) {
        PeopleOracle.assertCase(groups(), G, c);
    }

    @SuppressWarnings("rawtypes")
    static Stream<Object[]> sorts() {
        Map<String, Function<Map<String, Object>, Comparable>> keys = new LinkedHashMap<>();
        keys.put("id", PeopleOracle::id);
        keys.put("name", g -> ((String) g.get("name")).toLowerCase(Locale.ROOT));
        keys.put("date", g -> Objects.toString(g.get("date"), ""));
        keys.put("duration", g -> PerformerQueriesTest.number(g.get("duration")));
        keys.put("rating", g -> PerformerQueriesTest.number(g.get("rating100")));
        keys.put("created_at", g -> (String) g.get("created_at"));
        keys.put("updated_at", g -> (String) g.get("updated_at"));
        keys.put("tag_count", g -> refs(g, "tags").size());
        keys.put("scenes_count", g -> scenes(g).size());
        keys.put("o_counter", g -> scenes(g).stream().mapToInt(s -> (Integer) s.get("o_counter")).sum());
        return keys.entrySet().stream().flatMap(e -> Stream.of(SortDirection.ASC, SortDirection.DESC)
                .map(d -> new Object[] {e.getKey(), d, e.getValue()}));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("sorts")
    @SuppressWarnings("rawtypes")
    void issue9_everySortOrdersAsStashWithTheIdBreakingTies(String sort, SortDirection direction,
                                                            Function<Map<String, Object>, Comparable> key) {
        PeopleOracle.assertSort(groups(), G, sort, direction, key);
    }

    @Test
    void issue9_randomSeedsOrderAsStashsHash() {
        assertThat(PeopleOracle.run(groups(), null, null, "random_31", SortDirection.ASC),
                equalTo(PeopleOracle.randomOrder(G, 31)));
    }

    static Stream<String> queries() {
        Map<String, Object> withAlias = all(G).stream().filter(g -> g.get("aliases") != null).findFirst()
                .orElseThrow();
        String name = (String) all(G).getFirst().get("name");
        return Stream.of(name, name.split(" ")[0].substring(0, 3), (String) withAlias.get("aliases"));
    }

    @ParameterizedTest
    @MethodSource("queries")
    void issue9_qSearchesNamesAndAliases(String q) {
        PeopleOracle.assertQ(groups(), G, q, g -> Stream.of((String) g.get("name"), (String) g.get("aliases"))
                .filter(Objects::nonNull).toList());
    }

    @Test
    void issue9_anItemShowsItsStudioSceneCountAndBothImages() {
        Map<String, Object> g = all(G).stream().filter(x -> x.get("studio") != null)
                .max(Comparator.comparingInt(x -> scenes(x).size())).orElseThrow();
        var item = groups().find(new FindFilter(null, null, 1, "scenes_count", SortDirection.DESC),
                groups().filter("{\"studios\":{\"modifier\":\"NOT_NULL\"}}")).items().getFirst().tree();
        assertThat(item.get("id").asInt(), equalTo(id(g)));
        assertThat(item.get("studio").get("name").asText(),
                equalTo(get(EntityType.STUDIO, (Integer) g.get("studio")).get("name")));
        assertThat(item.get("scene_count").asInt(), equalTo(scenes(g).size()));
        assertThat(item.get("media").get("front_image").asText().startsWith("/media/groups/" + id(g)
                + "/front_image"), equalTo(true));
        assertThat(item.get("media").has("back_image"), equalTo(true));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"performers\":{\"value\":[\"1\"],\"modifier\":\"EQUALS\"}}|group_filter.performers.modifier",
            "{\"performers\":{\"value\":[\"1\"],\"excludes\":[\"2\"],\"modifier\":\"INCLUDES\"}}"
            + "|group_filter.performers.excludes",
            "{\"containing_groups\":{\"value\":[\"1\"],\"modifier\":\"EQUALS\"}}"
            + "|group_filter.containing_groups.modifier",
            "{\"sub_groups\":{\"value\":[\"x\"],\"modifier\":\"INCLUDES\"}}|group_filter.sub_groups.value[0]",
            "{\"is_missing\":\"synopsis\"}|group_filter.is_missing",
            "{\"studios\":{\"value\":[\"1\"],\"modifier\":\"MATCHES_REGEX\"}}|group_filter.studios.modifier",
            "{\"studios_filter\":{\"tags\":{\"value\":[\"1\"],\"modifier\":\"NOT_EQUALS\"}}}"
            + "|group_filter.studios_filter.tags.modifier"})
    void issue9_badInputIsA400NamingItsPath(String filter, String path) {
        PeopleOracle.assertRefused(groups(), filter, path);
    }
}
