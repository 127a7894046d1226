package dev.larder.query;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.larder.EntityQueries;
import dev.larder.model.EntityType;
import dev.larder.model.query.FindFilter;
import dev.larder.model.query.InvalidInputException;
import dev.larder.model.query.Item;
import dev.larder.model.stats.RandomPicks;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random picks of filtered scene sets: members only, no repeats, as many as asked, and every member of a small set
 * turning up over many draws, whether the set is dense in its id range (probed) or sparse (drawn from its ids).
 * The statistical checks use bounds far wider than chance would need.
 */
class RandomPicksTest {

    static List<SceneOracle.Case> cases() {
        return SceneOracle.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void issue9_picksAreDistinctMembersOfTheFilteredSet(SceneOracle.Case c) {
        EntityQueries scenes = QueryLibrary.larder().scenes();
        Set<Integer> members = ids(c.scenes());
        for (int count : new int[] {1, 12, 100}) {
            RandomPicks picks = scenes.random(c.filter() == null ? null : scenes.filter(c.filter()), null, count,
                    false);
            List<Integer> ids = picks.items().stream().map(Item::id).toList();
            assertThat(picks.count(), is((long) members.size()));
            assertThat(ids.size(), is(Math.min(count, members.size())));
            assertThat(new HashSet<>(ids).size(), is(ids.size()));
            assertThat(ids, everyItem(is(in(members))));
        }
    }

    @Test
    void issue9_aSetSmallerThanTheCountComesWhole() {
        EntityQueries scenes = QueryLibrary.larder().scenes();
        RandomPicks picks = scenes.random(scenes.filter(
                "{\"id\":{\"value\":1,\"value2\":7,\"modifier\":\"BETWEEN\"}}"), null, 12, true);
        assertThat(Set.copyOf(picks.items().stream().map(Item::id).toList()), is(Set.of(1, 2, 3, 4, 5, 6, 7)));
        assertThat(picks.items().get(0).tree().has("files"), is(true));
        assertThat(scenes.random(scenes.filter("{\"id\":{\"value\":0,\"modifier\":\"LESS_THAN\"}}"), null, 5, false)
                .items(), is(empty()));
    }

    /** A dense set (organized scenes, about 30% of the ids) is probed, a sparse one (a tag's scenes) read. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "dense | {\"organized\":true} | 100 | 200",
            "sparse | {\"tags\":{\"value\":[\"3\"],\"modifier\":\"INCLUDES\"}} | 5 | 300"})
    void issue9_everyMemberOfASetTurnsUpAlike(String kind, String filter, int count, int draws) {
        EntityQueries scenes = QueryLibrary.larder().scenes();
        long size = scenes.count(scenes.filter(filter), null);
        List<Map<String, Object>> all = QueryLibrary.entities(EntityType.SCENE);
        double density = (double) size / ((Integer) all.getLast().get("id") - (Integer) all.getFirst().get("id") + 1);
        assertThat(kind, density >= RandomPicker.DENSE, is(kind.equals("dense")));
        Map<Integer, Integer> seen = new HashMap<>();
        for (int i = 0; i < draws; i++) {
            for (Item item : scenes.random(scenes.filter(filter), null, count, false).items()) {
                seen.merge(item.id(), 1, Integer::sum);
            }
        }
        // each member is in a draw with chance count/size; over the draws it turns up that often, give or take
        // a few standard deviations, far inside a factor of 4
        double expected = (double) draws * count / size;
        assertThat(kind, (long) seen.size(), is(size));
        for (int times : seen.values()) {
            assertThat(kind, (double) times, is(lessThanOrEqualTo(4 * expected)));
            assertThat(kind, (double) times * 4, is(greaterThanOrEqualTo(expected)));
        }
    }

    @Test
    void issue9_floydsDrawTakesEveryIdAlikeAndNeverTwice() {
        int[] ids = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
        Random random = new Random(9);
        Map<Integer, Integer> seen = new HashMap<>();
        Map<Integer, Integer> first = new HashMap<>();
        int rounds = 20_000;
        for (int i = 0; i < rounds; i++) {
            int[] picks = RandomPicker.draw(ids, 3, random);
            assertThat(Set.of(picks[0], picks[1], picks[2]).size(), is(3));
            for (int id : picks) {
                seen.merge(id, 1, Integer::sum);
            }
            first.merge(picks[0], 1, Integer::sum);
        }
        for (int id : ids) {
            // 6,000 expected in the picks and 2,000 first: chance alone stays within a few percent
            assertThat((double) seen.get(id), closeTo(6_000, 600));
            assertThat((double) first.get(id), closeTo(2_000, 300));
        }
    }

    @Test
    void issue9_picksFollowTheTextSearchLikeAQuery() {
        EntityQueries scenes = QueryLibrary.larder().scenes();
        String word = ((String) QueryLibrary.entities(EntityType.SCENE).get(0).get("title")).split(" ")[0];
        Set<Integer> matches = ids(scenes.find(new FindFilter(word, 1, 1000, null, null), null).items());
        RandomPicks picks = scenes.random(null, word, 10, false);
        assertThat(picks.count(), is((long) matches.size()));
        assertThat(picks.items().stream().map(Item::id).toList(), everyItem(is(in(matches))));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101, 1000})
    void issue9_aCountOutOfRangeIsRefusedByPath(int count) {
        EntityQueries scenes = QueryLibrary.larder().scenes();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> scenes.random(null, null, count, false));
        assertThat(e.path(), is("count"));
    }

    private static Set<Integer> ids(List<?> entities) {
        Set<Integer> ids = new HashSet<>();
        for (Object e : entities) {
            ids.add(e instanceof Item item ? item.id() : (Integer) ((Map<?, ?>) e).get("id"));
        }
        return ids;
    }
}
