package dev.larder.emulator.library;

import dev.larder.model.EntityType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FindTest {

    private static SyntheticLibrary library;
    private static final int SCENES = 2_000;
    /** Destroyed before the tests, so every rule is checked with gaps in the ids. */
    private static final List<Integer> DESTROYED = List.of(1, 2, 50, 51, 52, 999, 1500, 2000);

    @BeforeAll
    static void build() {
        library = TestLibraries.scenes(SCENES);
        DESTROYED.forEach(id -> library.destroy(EntityType.SCENE, id));
        library.create(EntityType.SCENE, Map.of("title", "created one"));
        library.create(EntityType.SCENE, Map.of("title", "created two"));
    }

    private static FindQuery query(IntCriterion id, TimestampCriterion created, TimestampCriterion updated,
                                   String sort, boolean descending, int page, int perPage) {
        return new FindQuery(null, id, created, updated, sort, descending, page, perPage);
    }

    private static List<Integer> live(IntPredicate keep) {
        return IntStream.rangeClosed(1, SCENES + 2).filter(id -> !DESTROYED.contains(id)).filter(keep).boxed()
                .toList();
    }

    // ---- ids ----

    @Test
    void idsComeBackInTheGivenOrderIgnoringFilterSortAndPage() {
        List<Integer> ids = List.of(30, 3, 1999, 2001);
        FindResult result = library.find(EntityType.SCENE, new FindQuery(ids,
                new IntCriterion(Modifier.EQUALS, 5, null), null, null, "title", true, 7, 1));
        assertThat(result.count(), is(4));
        assertThat(result.ids(), is(ids));
    }

    @Test
    void duplicateIdsFailValidation() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> library.find(EntityType.SCENE,
                new FindQuery(List.of(3, 4, 3), null, null, null, null, false, 1, 25)));
        assertThat(e.getMessage(), is("validating ids: duplicate id found: 3"));
    }

    @ParameterizedTest
    @CsvSource({"SCENE, 50, scene with id 50 not found", "SCENE, 99999, scene with id 99999 not found",
        "SCENE_MARKER, 99999, scene marker with id 99999 not found",
        "GALLERY, 99999, gallery with id 99999 not found", "TAG, 99999, tag with id 99999 not found"})
    void aMissingIdFailsTheWholeQuery(EntityType type, int missing, String message) {
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> library.find(type,
                new FindQuery(List.of(3, missing), null, null, null, null, false, 1, 25)));
        assertThat(e.getMessage(), is(message));
    }

    @Test
    void emptyIdsMeanNoIds() {
        FindResult result = library.find(EntityType.SCENE, new FindQuery(List.of(), null, null, null, "id", false,
                1, 25));
        assertThat(result.count(), is(SCENES + 2 - DESTROYED.size()));
        assertThat(result.ids(), is(live(id -> true).subList(0, 25)));
    }

    // ---- id criterion ----

    static Stream<Arguments> idCriteria() {
        return Stream.of(
                Arguments.of(new IntCriterion(Modifier.EQUALS, 10, null), (IntPredicate) id -> id == 10),
                Arguments.of(new IntCriterion(Modifier.EQUALS, 50, null), (IntPredicate) id -> id == 50),
                Arguments.of(new IntCriterion(Modifier.NOT_EQUALS, 10, null), (IntPredicate) id -> id != 10),
                Arguments.of(new IntCriterion(Modifier.GREATER_THAN, 1990, null), (IntPredicate) id -> id > 1990),
                Arguments.of(new IntCriterion(Modifier.LESS_THAN, 60, null), (IntPredicate) id -> id < 60),
                Arguments.of(new IntCriterion(Modifier.BETWEEN, 45, 55), (IntPredicate) id -> id >= 45 && id <= 55),
                Arguments.of(new IntCriterion(Modifier.NOT_BETWEEN, 45, 1995),
                        (IntPredicate) id -> id < 45 || id > 1995),
                Arguments.of(new IntCriterion(Modifier.NOT_BETWEEN, 9, 3), (IntPredicate) id -> true),
                Arguments.of(new IntCriterion(Modifier.IS_NULL, 0, null), (IntPredicate) id -> false),
                Arguments.of(new IntCriterion(Modifier.NOT_NULL, 0, null), (IntPredicate) id -> true),
                Arguments.of(new IntCriterion(Modifier.GREATER_THAN, -5, null), (IntPredicate) id -> true),
                Arguments.of(new IntCriterion(Modifier.GREATER_THAN, 5_000, null), (IntPredicate) id -> false));
    }

    @ParameterizedTest
    @MethodSource("idCriteria")
    void idCriterionSelectsLikeStash(IntCriterion criterion, IntPredicate expected) {
        List<Integer> want = live(expected);
        for (boolean descending : new boolean[] {false, true}) {
            FindResult all = library.find(EntityType.SCENE, query(criterion, null, null, "id", descending, 1, -1));
            List<Integer> ordered = new ArrayList<>(want);
            if (descending) {
                ordered.sort(Comparator.reverseOrder());
            }
            assertThat(all.count(), is(want.size()));
            assertThat(all.ids(), is(ordered));
            FindResult filtered = library.find(EntityType.SCENE, query(criterion,
                    new TimestampCriterion(Modifier.NOT_NULL, "", null), null, "id", descending, 1, -1));
            assertThat("same through the scanning path", filtered.ids(), is(ordered));
        }
    }

    // ---- paging ----

    @ParameterizedTest
    @CsvSource({"1, 25", "0, 25", "-3, 25", "2, 25", "80, 25", "79, 25", "1, 0", "3, 0", "1, -1", "2, -1",
        "1, 5000", "7, 300"})
    void pagesUseLimitAndOffset(int page, int perPage) {
        List<Integer> all = live(id -> true);
        for (String sort : new String[] {"id", "updated_at"}) {
            FindResult result = library.find(EntityType.SCENE, query(null, null, null, sort, false, page, perPage));
            List<Integer> ordered = sort.equals("id") ? all : library.find(EntityType.SCENE,
                    query(null, null, null, sort, false, 1, -1)).ids();
            int from = perPage < 0 ? 0 : (Math.max(1, page) - 1) * perPage;
            int to = perPage < 0 ? ordered.size() : Math.min(ordered.size(), from + perPage);
            assertThat(result.count(), is(all.size()));
            assertThat(result.ids(), is(from >= ordered.size() ? List.of() : ordered.subList(from, to)));
        }
    }

    // ---- timestamps ----

    static Stream<Arguments> timestampCriteria() {
        String mid = "2023-03-04T05:06:07+11:00";
        String later = "2024-06";
        return Stream.of(
                Arguments.of(Modifier.GREATER_THAN, mid, null, (java.util.function.Predicate<String>) s ->
                        s.compareTo(mid) > 0),
                Arguments.of(Modifier.LESS_THAN, "2021-01-01T00:00", null,
                        (java.util.function.Predicate<String>) s -> s.compareTo("2021-01-01T00:00") < 0),
                Arguments.of(Modifier.BETWEEN, mid, later, (java.util.function.Predicate<String>) s ->
                        s.compareTo(mid) >= 0 && s.compareTo(later) <= 0),
                Arguments.of(Modifier.NOT_BETWEEN, mid, later, (java.util.function.Predicate<String>) s ->
                        s.compareTo(mid) < 0 || s.compareTo(later) > 0),
                Arguments.of(Modifier.BETWEEN, "2026-05-01", null, (java.util.function.Predicate<String>) s ->
                        s.compareTo("2026-05-01") >= 0 && s.compareTo("2026-07-02T10:00:00+10:00") <= 0),
                Arguments.of(Modifier.IS_NULL, "", null, (java.util.function.Predicate<String>) s -> false),
                Arguments.of(Modifier.NOT_NULL, "", null, (java.util.function.Predicate<String>) s -> true));
    }

    @ParameterizedTest
    @MethodSource("timestampCriteria")
    void timestampCriteriaCompareTheStoredText(Modifier modifier, String value, String value2,
                                               java.util.function.Predicate<String> expected) {
        for (String field : new String[] {"created_at", "updated_at"}) {
            TimestampCriterion criterion = new TimestampCriterion(modifier, value, value2);
            FindQuery q = field.equals("created_at") ? query(null, criterion, null, null, false, 1, -1)
                    : query(null, null, criterion, null, false, 1, -1);
            List<Integer> want = live(id -> expected.test((String) library.get(EntityType.SCENE, id).get(field)));
            assertThat(library.find(EntityType.SCENE, q).ids(), is(want));
        }
    }

    @Test
    void equalityComparesTextNotInstants() {
        String stored = (String) library.get(EntityType.SCENE, 700).get("updated_at");
        FindResult same = library.find(EntityType.SCENE, query(null, null,
                new TimestampCriterion(Modifier.EQUALS, stored, null), null, false, 1, -1));
        assertThat(same.ids(), org.hamcrest.Matchers.hasItem(700));
        String utc = java.time.OffsetDateTime.parse(stored).withOffsetSameInstant(java.time.ZoneOffset.UTC)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX"));
        FindResult sameInstant = library.find(EntityType.SCENE, query(null, null,
                new TimestampCriterion(Modifier.EQUALS, utc, null), null, false, 1, -1));
        assertThat(sameInstant.ids(), empty());
    }

    @Test
    void criteriaCombineWithAnd() {
        TimestampCriterion after = new TimestampCriterion(Modifier.GREATER_THAN, "2022", null);
        TimestampCriterion updatedAfter = new TimestampCriterion(Modifier.GREATER_THAN, "2025", null);
        FindResult result = library.find(EntityType.SCENE, query(new IntCriterion(Modifier.LESS_THAN, 1500, null),
                after, updatedAfter, "id", false, 1, -1));
        List<Integer> want = live(id -> id < 1500
                && ((String) library.get(EntityType.SCENE, id).get("created_at")).compareTo("2022") > 0
                && ((String) library.get(EntityType.SCENE, id).get("updated_at")).compareTo("2025") > 0);
        assertThat(want.size(), greaterThan(0));
        assertThat(result.ids(), is(want));
    }

    // ---- sorts ----

    static Stream<Arguments> sorts() {
        return Stream.of(
                Arguments.of(EntityType.SCENE, "title", "title"), Arguments.of(EntityType.SCENE, "date", "date"),
                Arguments.of(EntityType.SCENE, "rating", "rating100"),
                Arguments.of(EntityType.SCENE, "created_at", "created_at"),
                Arguments.of(EntityType.SCENE, "updated_at", "updated_at"),
                Arguments.of(EntityType.PERFORMER, "name", "name"),
                Arguments.of(EntityType.PERFORMER, "rating", "rating100"),
                Arguments.of(EntityType.TAG, "name", "name"), Arguments.of(EntityType.STUDIO, "name", "name"),
                Arguments.of(EntityType.GROUP, "date", "date"), Arguments.of(EntityType.GALLERY, "title", "title"),
                Arguments.of(EntityType.IMAGE, "rating", "rating100"),
                Arguments.of(EntityType.SCENE_MARKER, "title", "title"),
                Arguments.of(EntityType.SCENE_MARKER, "updated_at", "updated_at"));
    }

    @ParameterizedTest
    @MethodSource("sorts")
    void sortsOrderByTheFieldWithNullsFirstAndIdTieBreak(EntityType type, String sort, String field) {
        for (boolean descending : new boolean[] {false, true}) {
            List<Integer> ids = library.find(type, query(null, null, null, sort, descending, 1, -1)).ids();
            assertThat(ids.size(), is(library.count(type)));
            Comparator<Integer> order = Comparator.comparing(
                    (Integer id) -> library.get(type, id).get(field),
                    Comparator.nullsFirst((a, b) -> a instanceof String s
                            ? String.CASE_INSENSITIVE_ORDER.compare(s, (String) b)
                            : ((Integer) a).compareTo((Integer) b)))
                    .thenComparing(Comparator.naturalOrder());
            List<Integer> expected = new ArrayList<>(ids);
            expected.sort(descending ? order.reversed() : order);
            assertThat(ids, is(expected));
        }
    }

    @ParameterizedTest
    @EnumSource(value = EntityType.class, names = {"PERFORMER", "STUDIO", "TAG", "GROUP"})
    void namedTypesDefaultToNameOrder(EntityType type) {
        assertThat(library.find(type, query(null, null, null, null, false, 1, -1)).ids(),
                is(library.find(type, query(null, null, null, "name", false, 1, -1)).ids()));
        assertThat(library.find(type, query(null, null, null, "", true, 1, -1)).ids(),
                is(library.find(type, query(null, null, null, "name", true, 1, -1)).ids()));
    }

    @ParameterizedTest
    @EnumSource(value = EntityType.class, names = {"SCENE", "IMAGE", "GALLERY", "SCENE_MARKER", "GALLERY_CHAPTER"})
    void otherTypesDefaultToIdOrder(EntityType type) {
        List<Integer> ids = library.find(type, query(null, null, null, null, false, 1, -1)).ids();
        assertThat(ids, is(ids.stream().sorted().toList()));
        assertThat(ids.size(), is(library.count(type)));
    }

    @Test
    void randomWithASeedIsAStablePermutationAcrossPages() {
        List<Integer> all = library.find(EntityType.SCENE, query(null, null, null, "random_12345", false, 1, -1))
                .ids();
        assertThat(new HashSet<>(all), is(new HashSet<>(live(id -> true))));
        assertThat(all, not(is(live(id -> true))));
        List<Integer> paged = new ArrayList<>();
        for (int page = 1; page <= 20; page++) {
            paged.addAll(library.find(EntityType.SCENE, query(null, null, null, "random_12345", false, page, 100))
                    .ids());
        }
        assertThat(paged, is(all));
        assertThat(library.find(EntityType.SCENE, query(null, null, null, "random_999", false, 1, -1)).ids(),
                not(is(all)));
        assertThat(library.find(EntityType.SCENE, query(null, null, null, "random", false, 1, -1)).count(),
                is(all.size()));
    }

    @ParameterizedTest
    @CsvSource({"SCENE, bogus, invalid sort: bogus", "SCENE, name, invalid sort: name",
        "TAG, title, invalid sort: title", "TAG, rating, invalid sort: rating",
        "SCENE, random_x, invalid sort: random_x",
        "SCENE, o_counter, emulator: sort o_counter is not implemented",
        "PERFORMER, birthdate, emulator: sort birthdate is not implemented",
        "GALLERY, images_count, emulator: sort images_count is not implemented"})
    void unknownAndUnimplementedSortsFail(EntityType type, String sort, String message) {
        InvalidQueryException e = assertThrows(InvalidQueryException.class,
                () -> library.find(type, query(null, null, null, sort, false, 1, 25)));
        assertThat(e.getMessage(), is(message));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 1997, 2002})
    void keysetPagingVisitsEveryIdOnce(int start) {
        List<Integer> seen = new ArrayList<>();
        int last = start;
        while (true) {
            FindResult page = library.find(EntityType.SCENE, query(new IntCriterion(Modifier.GREATER_THAN, last,
                    null), null, null, "id", false, 1, 97));
            assertThat(page.count(), is(live(id -> id > Objects.requireNonNull(seen.isEmpty() ? start
                    : seen.get(seen.size() - 1))).size()));
            if (page.ids().isEmpty()) {
                break;
            }
            seen.addAll(page.ids());
            last = page.ids().get(page.ids().size() - 1);
        }
        assertThat(seen, is(live(id -> id > start)));
    }

    @Test
    void perPageZeroCountsWithoutRows() {
        FindResult result = library.find(EntityType.SCENE, query(new IntCriterion(Modifier.BETWEEN, 40, 60),
                null, null, null, false, 1, 0));
        assertThat(result.ids(), empty());
        assertThat(result.count(), is(18));
        assertThat(library.find(EntityType.SCENE, query(new IntCriterion(Modifier.EQUALS, 3, null), null, null,
                null, false, 1, 25)).ids(), contains(3));
        assertThat(library.find(EntityType.TAG, FindQuery.all()).count(), equalTo(library.count(EntityType.TAG)));
    }
}
