package dev.larder.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.larder.EntityQueries;
import dev.larder.model.EntityType;
import dev.larder.model.query.FindFilter;
import dev.larder.model.query.SortDirection;
import dev.larder.query.PeopleOracle.Case;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
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
 * Every criterion and sort of tags that Larder answers, against an oracle computed from the emulator's entities with
 * Stash's semantics ({@code tag_filter.go}, {@code filter_hierarchical.go}, {@code tag.go}).
 */
class TagQueriesTest {

    private static final EntityType T = EntityType.TAG;

    private static EntityQueries tags() {
        return QueryLibrary.larder().tags();
    }

    static List<Map<String, Object>> tagged(EntityType type, Map<String, Object> tag) {
        return referring(type, "tags", id(tag));
    }

    /** The markers with the tag among their tags or as their primary tag, each once. */
    static long markerCount(Map<String, Object> tag) {
        return all(EntityType.SCENE_MARKER).stream().filter(m -> refs(m, "tags").contains(id(tag))
                || Objects.equals(m.get("primary_tag"), id(tag))).count();
    }

    /** Stash's scene_markers_count sort: marker links plus primary-tag markers, a marker with both twice. */
    static long markerLinks(Map<String, Object> tag) {
        return tagged(EntityType.SCENE_MARKER, tag).size() + all(EntityType.SCENE_MARKER).stream()
                .filter(m -> Objects.equals(m.get("primary_tag"), id(tag))).count();
    }

    /** @return whether {@code ancestor} is 1 to depth + 1 levels above {@code tag} (depth -1: any) */
    static boolean below(int tag, int ancestor, int depth) {
        return within(T, "parents", tag, ancestor, 1, depth < 0 ? -1 : depth + 1);
    }

    static Stream<Case> criteria() {
        int root = PerformerQueriesTest.tagWithGrandchildren();
        int otherRoot = all(T).stream().filter(t -> refs(t, "parents").isEmpty() && id(t) != root
                && !refs(t, "children").isEmpty()).map(PeopleOracle::id).findFirst().orElseThrow();
        int leaf = all(T).stream().filter(t -> refs(t, "children").isEmpty() && refs(t, "parents").stream()
                .anyMatch(p -> !refs(get(T, p), "parents").isEmpty())).map(PeopleOracle::id).findFirst()
                .orElseThrow();
        int twoParents = all(T).stream().filter(t -> refs(t, "parents").size() == 2).map(PeopleOracle::id)
                .findFirst().orElseThrow();
        List<Integer> both = refs(get(T, twoParents), "parents");
        return Stream.of(
                PeopleOracle.textCases(T, "name", "name"),
                PeopleOracle.textCases(T, "sort_name", "sort_name"),
                PeopleOracle.textCases(T, "description", "description"),
                PeopleOracle.textListCases(T, "aliases", "aliases"),
                PeopleOracle.boolCases("favorite", "favorite"),
                PeopleOracle.boolCases("ignore_auto_tag", "ignore_auto_tag"),
                PeopleOracle.numberCases(T, "scene_count", t -> tagged(EntityType.SCENE, t).size()),
                PeopleOracle.numberCases(T, "image_count", t -> tagged(EntityType.IMAGE, t).size()),
                PeopleOracle.numberCases(T, "gallery_count", t -> tagged(EntityType.GALLERY, t).size()),
                PeopleOracle.numberCases(T, "performer_count", t -> tagged(EntityType.PERFORMER, t).size()),
                PeopleOracle.numberCases(T, "studio_count", t -> tagged(EntityType.STUDIO, t).size()),
                PeopleOracle.numberCases(T, "group_count", t -> tagged(EntityType.GROUP, t).size()),
                PeopleOracle.numberCases(T, "movie_count", t -> tagged(EntityType.GROUP, t).size()),
                PeopleOracle.numberCases(T, "marker_count", TagQueriesTest::markerCount),
                PeopleOracle.numberCases(T, "parent_count", t -> refs(t, "parents").size()),
                PeopleOracle.numberCases(T, "child_count", t -> refs(t, "children").size()),
                PeopleOracle.textualCases(T, "created_at", "created_at"),
                PeopleOracle.textualCases(T, "updated_at", "updated_at"),
                Stream.of(0, 1, -1).flatMap(depth -> Stream.of(
                        when("{\"parents\":{\"value\":[\"" + root + "\"],\"modifier\":\"INCLUDES\",\"depth\":" + depth
                             + "}}", t -> below(id(t), root, depth)),
                        when("{\"parents\":{\"value\":[\"" + root + "\",\"" + otherRoot + "\"],\"modifier\":"
                             + "\"INCLUDES\",\"depth\":" + depth + "}}",
                                t -> below(id(t), root, depth) || below(id(t), otherRoot, depth)),
                        when("{\"parents\":{\"value\":[" + ids(both) + "],\"modifier\":\"INCLUDES_ALL\",\"depth\":"
                             + depth + "}}", t -> both.stream().allMatch(p -> below(id(t), p, depth))),
                        when("{\"parents\":{\"value\":[\"" + root + "\"],\"modifier\":\"EXCLUDES\",\"depth\":" + depth
                             + "}}", t -> !below(id(t), root, depth)),
                        when("{\"parents\":{\"value\":[\"" + root + "\"],\"excludes\":[\"" + otherRoot + "\"],"
                             + "\"modifier\":\"INCLUDES\",\"depth\":" + depth + "}}",
                                t -> below(id(t), root, depth) && !below(id(t), otherRoot, depth)),
                        when("{\"children\":{\"value\":[\"" + leaf + "\"],\"modifier\":\"INCLUDES\",\"depth\":" + depth
                             + "}}", t -> below(leaf, id(t), depth)),
                        when("{\"children\":{\"value\":[\"" + leaf + "\",\"" + twoParents + "\"],\"modifier\":"
                             + "\"INCLUDES_ALL\",\"depth\":" + depth + "}}",
                                t -> below(leaf, id(t), depth) && below(twoParents, id(t), depth)),
                        when("{\"children\":{\"value\":[\"" + leaf + "\"],\"modifier\":\"EXCLUDES\",\"depth\":" + depth
                             + "}}", t -> !below(leaf, id(t), depth)))),
                Stream.of(
                        when("{\"parents\":{\"modifier\":\"IS_NULL\"}}", t -> refs(t, "parents").isEmpty()),
                        when("{\"parents\":{\"modifier\":\"NOT_NULL\"}}", t -> !refs(t, "parents").isEmpty()),
                        when("{\"children\":{\"modifier\":\"IS_NULL\"}}", t -> refs(t, "children").isEmpty()),
                        when("{\"children\":{\"excludes\":[\"" + leaf + "\"],\"modifier\":\"NOT_NULL\"}}",
                                t -> !refs(t, "children").isEmpty()),
                        when("{\"is_missing\":\"image\"}", t -> false),
                        when("{\"is_missing\":\"sort_name\"}", t -> PeopleOracle.blank(t.get("sort_name"))),
                        when("{\"is_missing\":\"description\"}", t -> PeopleOracle.blank(t.get("description"))),
                        when("{\"stash_id_endpoint\":{\"modifier\":\"NOT_NULL\"}}",
                                t -> !((List<?>) t.get("stash_ids")).isEmpty()),
                        when("{\"scenes_filter\":{\"o_counter\":{\"value\":10,\"modifier\":\"GREATER_THAN\"}}}",
                                t -> tagged(EntityType.SCENE, t).stream().anyMatch(s -> (Integer) s.get("o_counter")
                                        > 10)),
                        when("{\"scenes_filter\":{\"NOT\":{\"organized\":true}}}",
                                t -> tagged(EntityType.SCENE, t).stream().anyMatch(s -> !(Boolean) s.get("organized"))),
                        when("{\"scenes_filter\":{}}", t -> true))
        ).flatMap(Function.identity());
    }

    @ParameterizedTest
    @MethodSource("criteria")
    void issue9_everyCriterionAnswersWhatStashWould(Case c) {
        PeopleOracle.assertCase(tags(), T, c);
    }

    @SuppressWarnings("rawtypes")
    static Stream<Object[]> sorts() {
        Map<String, Function<Map<String, Object>, Comparable>> keys = new LinkedHashMap<>();
        keys.put("id", PeopleOracle::id);
        keys.put("name", t -> ((String) Objects.requireNonNullElse(t.get("sort_name"), t.get("name")))
                .toLowerCase(Locale.ROOT));
        keys.put("created_at", t -> (String) t.get("created_at"));
        keys.put("updated_at", t -> (String) t.get("updated_at"));
        keys.put("scenes_count", t -> tagged(EntityType.SCENE, t).size());
        keys.put("images_count", t -> tagged(EntityType.IMAGE, t).size());
        keys.put("galleries_count", t -> tagged(EntityType.GALLERY, t).size());
        keys.put("performers_count", t -> tagged(EntityType.PERFORMER, t).size());
        keys.put("studios_count", t -> tagged(EntityType.STUDIO, t).size());
        keys.put("groups_count", t -> tagged(EntityType.GROUP, t).size());
        keys.put("movies_count", t -> tagged(EntityType.GROUP, t).size());
        keys.put("scene_markers_count", TagQueriesTest::markerLinks);
        keys.put("scenes_duration", t -> tagged(EntityType.SCENE, t).stream()
                .flatMap(s -> ((List<?>) s.get("files")).stream())
                .mapToDouble(f -> ((Number) ((Map<?, ?>) f).get("duration")).doubleValue()).sum());
        return keys.entrySet().stream().flatMap(e -> Stream.of(SortDirection.ASC, SortDirection.DESC)
                .map(d -> new Object[] {e.getKey(), d, e.getValue()}));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("sorts")
    @SuppressWarnings("rawtypes")
    void issue9_everySortOrdersAsStashWithTheIdBreakingTies(String sort, SortDirection direction,
                                                            Function<Map<String, Object>, Comparable> key) {
        PeopleOracle.assertSort(tags(), T, sort, direction, key);
    }

    @Test
    void issue9_randomSeedsOrderAsStashsHash() {
        assertThat(PeopleOracle.run(tags(), null, null, "random_4242", SortDirection.ASC),
                equalTo(PeopleOracle.randomOrder(T, 4242)));
    }

    static Stream<String> queries() {
        Map<String, Object> withAlias = all(T).stream().filter(t -> !((List<?>) t.get("aliases")).isEmpty())
                .findFirst().orElseThrow();
        Map<String, Object> withSortName = all(T).stream().filter(t -> t.get("sort_name") != null).findFirst()
                .orElseThrow();
        String name = (String) all(T).getFirst().get("name");
        return Stream.of(name, name.split(" ")[1].substring(0, 2),
                ((List<?>) withAlias.get("aliases")).getFirst().toString(),
                ((String) withSortName.get("sort_name")).substring(1));
    }

    @ParameterizedTest
    @MethodSource("queries")
    void issue9_qSearchesNamesAliasesAndSortNames(String q) {
        PeopleOracle.assertQ(tags(), T, q, t -> {
            List<String> texts = new ArrayList<>(List.of((String) t.get("name")));
            texts.addAll(PeopleOracle.strings(t, "aliases"));
            texts.add((String) t.get("sort_name"));
            return texts;
        });
    }

    @Test
    void issue9_anItemShowsItsParentsChildrenAndCounts() {
        Map<String, Object> t = all(T).stream().filter(x -> !refs(x, "parents").isEmpty()
                && !refs(x, "children").isEmpty()).max(Comparator.comparingInt(x -> refs(x, "children").size()))
                .orElseThrow();
        var item = tags().get(id(t)).orElseThrow().tree();
        var compact = tags().find(new FindFilter(null, null, 1, "id", SortDirection.ASC),
                tags().filter("{\"children\":{\"value\":[\"" + refs(t, "children").getFirst()
                              + "\"],\"modifier\":\"INCLUDES\"},\"child_count\":{\"value\":"
                              + refs(t, "children").size() + ",\"modifier\":\"EQUALS\"},\"parent_count\":{\"value\":"
                              + refs(t, "parents").size() + ",\"modifier\":\"EQUALS\"}}")).items().getFirst().tree();
        assertThat(compact.get("id").asInt(), equalTo(id(t)));
        assertThat(refIds(compact.get("parents")), equalTo(refs(t, "parents")));
        List<Integer> childrenByName = refs(t, "children").stream().sorted(Comparator.comparing(
                (Integer c) -> ((String) get(T, c).get("name")).toLowerCase(Locale.ROOT)).thenComparing(c -> c))
                .toList();
        assertThat(refIds(compact.get("children")), equalTo(childrenByName));
        assertThat(compact.get("children").get(0).get("name").asText(),
                equalTo(get(T, childrenByName.getFirst()).get("name")));
        assertThat(compact.get("scene_count").asInt(), equalTo(tagged(EntityType.SCENE, t).size()));
        assertThat(compact.get("scene_marker_count").asLong(), equalTo(markerCount(t)));
        assertThat(item.get("description").isMissingNode(), equalTo(false));
    }

    private static List<Integer> refIds(JsonNode refs) {
        List<Integer> ids = new ArrayList<>();
        refs.forEach(r -> ids.add(r.get("id").asInt()));
        return ids;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"parents\":{\"value\":[\"1\"],\"modifier\":\"EQUALS\"}}|tag_filter.parents.modifier",
            "{\"children\":{\"value\":[\"1\"],\"modifier\":\"NOT_EQUALS\"}}|tag_filter.children.modifier",
            "{\"children\":{\"value\":[\"1\"],\"modifier\":\"INCLUDES\",\"depth\":-3}}|tag_filter.children.depth",
            "{\"parents\":{\"value\":[\"1\"],\"excludes\":[\"z\"],\"modifier\":\"INCLUDES\"}}"
            + "|tag_filter.parents.excludes[0]",
            "{\"is_missing\":\"parents\"}|tag_filter.is_missing",
            "{\"marker_count\":{\"value\":1,\"modifier\":\"INCLUDES_ALL\"}}|tag_filter.marker_count.modifier"})
    void issue9_badInputIsA400NamingItsPath(String filter, String path) {
        PeopleOracle.assertRefused(tags(), filter, path);
    }

    @Test
    @Disabled("needs ImageQueries from wt-scenes")
    void issue9_imagesFilterMatchesTagsOfAMatchingImage() {
        PeopleOracle.assertCase(tags(), T, when("{\"images_filter\":{\"organized\":true}}",
                t -> tagged(EntityType.IMAGE, t).stream().anyMatch(i -> (Boolean) i.get("organized"))));
    }

    @Test
    @Disabled("needs GalleryQueries from wt-scenes")
    void issue9_galleriesFilterMatchesTagsOfAMatchingGallery() {
        PeopleOracle.assertCase(tags(), T, when("{\"galleries_filter\":{\"organized\":true}}",
                t -> tagged(EntityType.GALLERY, t).stream().anyMatch(g -> (Boolean) g.get("organized"))));
    }
}
