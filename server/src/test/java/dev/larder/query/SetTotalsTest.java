package dev.larder.query;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import dev.larder.EntityQueries;
import dev.larder.Larder;
import dev.larder.model.EntityType;
import dev.larder.model.stats.LibraryStats;
import dev.larder.model.stats.Totals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Totals of filtered scene sets and Stash's library statistics, against sums over the emulator's maps. */
class SetTotalsTest {

    static List<SceneOracle.Case> cases() {
        return SceneOracle.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void issue9_totalsOfAFilteredSetAreTheSumsOverItsScenes(SceneOracle.Case c) {
        EntityQueries scenes = QueryLibrary.larder().scenes();
        List<Map<String, Object>> set = c.scenes();
        Totals totals = scenes.totals(c.filter() == null ? null : scenes.filter(c.filter()), null);
        assertThat(totals.count(), is((long) set.size()));
        assertThat(totals.sums().keySet(), contains("size", "duration", "o_counter", "play_count", "play_duration",
                "played"));
        assertThat(totals.sums().get("size"), is((long) SceneOracle.fileSum(set, "files", "size")));
        double duration = SceneOracle.fileSum(set, "files", "duration");
        assertThat(totals.sums().get("duration").doubleValue(), closeTo(duration, 1e-6 * (1 + duration)));
        assertThat(totals.sums().get("o_counter"), is((long) SceneOracle.sum(set, "o_counter")));
        assertThat(totals.sums().get("play_count"), is((long) SceneOracle.sum(set, "play_count")));
        double playDuration = SceneOracle.sum(set, "play_duration");
        assertThat(totals.sums().get("play_duration").doubleValue(),
                closeTo(playDuration, 1e-6 * (1 + playDuration)));
        assertThat(totals.sums().get("played"),
                is(set.stream().filter(s -> SceneOracle.number(s.get("play_count")) > 0).count()));
        assertThat(totals.count(), is(scenes.count(c.filter() == null ? null : scenes.filter(c.filter()), null)));
    }

    @Test
    void issue9_libraryStatsAreStashsDefinitionsOverEverythingSynced() {
        Larder larder = QueryLibrary.larder();
        LibraryStats stats = larder.stats();
        List<Map<String, Object>> scenes = QueryLibrary.entities(EntityType.SCENE);
        List<Map<String, Object>> images = QueryLibrary.entities(EntityType.IMAGE);
        assertThat(stats.sceneCount(), is((long) scenes.size()));
        assertThat(stats.scenesSize(), is(SceneOracle.fileSum(scenes, "files", "size")));
        assertThat(stats.scenesDuration(), closeTo(SceneOracle.fileSum(scenes, "files", "duration"), 1e-3));
        assertThat(stats.imageCount(), is((long) images.size()));
        assertThat(stats.imagesSize(), is(SceneOracle.fileSum(images, "visual_files", "size")));
        assertThat(stats.galleryCount(), is(count(EntityType.GALLERY)));
        assertThat(stats.performerCount(), is(count(EntityType.PERFORMER)));
        assertThat(stats.studioCount(), is(count(EntityType.STUDIO)));
        assertThat(stats.groupCount(), is(count(EntityType.GROUP)));
        assertThat(stats.tagCount(), is(count(EntityType.TAG)));
        // Stash adds the images' o's to the scenes'
        assertThat(stats.totalOCount(), is((long) (SceneOracle.sum(scenes, "o_counter")
                + SceneOracle.sum(images, "o_counter"))));
        assertThat(stats.totalPlayDuration(), closeTo(SceneOracle.sum(scenes, "play_duration"), 1e-3));
        assertThat(stats.totalPlayCount(), is((long) SceneOracle.sum(scenes, "play_count")));
        assertThat(stats.scenesPlayed(), is(scenes.stream()
                .filter(s -> SceneOracle.number(s.get("play_count")) > 0).count()));
        Totals all = larder.scenes().totals(null, null);
        assertThat(all.count(), is(stats.sceneCount()));
        assertThat(all.sums().get("play_count").longValue(), is(stats.totalPlayCount()));
    }

    private static long count(EntityType type) {
        return QueryLibrary.emulator().library().count(type);
    }
}
