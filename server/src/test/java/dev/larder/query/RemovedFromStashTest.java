package dev.larder.query;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.larder.EntityQueries;
import dev.larder.Larder;
import dev.larder.TestLarders;
import dev.larder.emulator.StashEmulator;
import dev.larder.model.EntityType;
import dev.larder.model.query.FindFilter;
import dev.larder.model.query.FindResult;
import dev.larder.model.query.InvalidInputException;
import dev.larder.model.query.Item;
import dev.larder.model.stats.Breakdown;
import dev.larder.model.stats.Breakdowns;
import dev.larder.model.stats.LibraryStats;
import dev.larder.model.stats.RemovedPage;
import dev.larder.model.stats.Totals;
import dev.larder.sync.SyncMode;
import dev.larder.sync.SyncOutcome;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Entities destroyed in Stash and found gone by a sweep: listed by {@code removed} with when, a page at a time, and
 * absent from every view, including views computed before the deletion (their L1 entries must not be served).
 * One Larder of its own, since it destroys entities.
 */
class RemovedFromStashTest {

    private static final List<Integer> SCENES = List.of(5, 6, 7);
    private static StashEmulator emulator;
    private static Larder larder;

    @BeforeAll
    static void start() throws Exception {
        emulator = StashEmulator.builder().scenes(5, 300).start();
        larder = Larder.start(TestLarders.config(emulator));
        assertThat(sync(SyncMode.FULL).ok(), is(true));
    }

    @AfterAll
    static void stop() {
        larder.close();
        emulator.close();
    }

    @Test
    void issue9_destroyedEntitiesAreListedAsRemovedAndLeftOutOfEveryView() throws Exception {
        EntityQueries scenes = larder.scenes();
        // computed before the deletion, so that a stale L1 entry would show
        Totals totalsBefore = scenes.totals(null, null);
        Breakdowns facetsBefore = scenes.facets(null, null, null, 200);
        LibraryStats statsBefore = larder.stats();
        Instant destroyed = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertThat(scenes.removed(destroyed, null, null).count(), is(0L));

        SCENES.forEach(id -> emulator.library().destroy(EntityType.SCENE, id));
        int tag = destroyMostUsed(facetsBefore, "tags", EntityType.TAG);
        int performer = destroyMostUsed(facetsBefore, "performers", EntityType.PERFORMER);
        SyncOutcome outcome = sync(SyncMode.SWEEP);
        assertThat(outcome.errors().toString(), outcome.ok(), is(true));

        RemovedPage removed = scenes.removed(destroyed, null, null);
        assertThat(removed.count(), is(3L));
        assertThat(removed.removed().stream().map(RemovedPage.Removed::id).toList(), contains(SCENES.toArray()));
        assertThat(removed.more(), is(false));
        for (RemovedPage.Removed r : removed.removed()) {
            assertThat(Instant.parse(r.deletedAt()), greaterThanOrEqualTo(destroyed));
        }

        List<Map<String, Object>> live = live(EntityType.SCENE);
        List<Integer> liveIds = live.stream().map(s -> (Integer) s.get("id")).toList();
        assertThat(everyId(scenes), is(liveIds));

        var early = scenes.filter("{\"id\":{\"value\":1,\"value2\":20,\"modifier\":\"BETWEEN\"}}");
        assertThat(scenes.random(early, null, 20, false).items().stream().map(Item::id).sorted().toList(),
                is(liveIds.stream().filter(id -> id <= 20).toList()));
        assertThat(scenes.random(null, null, 100, false).items().stream().map(Item::id).toList(),
                everyItem(is(in(liveIds))));

        Breakdowns facets = scenes.facets(null, null, List.of("tags", "performers"), 200);
        assertThat(values(facets.breakdowns().get(0)), not(hasItem(String.valueOf(tag))));
        assertThat(values(facets.breakdowns().get(0)), is(SceneOracle.ranked(
                SceneOracle.group(live, s -> SceneOracle.ids(s, "tags")), "count", 200)));
        assertThat(values(facets.breakdowns().get(1)), is(SceneOracle.ranked(
                SceneOracle.group(live, s -> SceneOracle.ids(s, "performers")), "count", 200)));
        assertThat(values(scenes.top(null, null, List.of("performers"), List.of("play_count"), 200)
                .breakdowns().get(0)), not(hasItem(String.valueOf(performer))));

        Totals totals = scenes.totals(null, null);
        assertThat(totals.count(), is((long) live.size()));
        assertThat(totals.sums().get("size"), is((long) SceneOracle.fileSum(live, "files", "size")));
        assertThat(totals.sums().get("play_count"), is((long) SceneOracle.sum(live, "play_count")));
        assertThat(totals.count(), is(totalsBefore.count() - 3));
        assertThat(scenes.dates(null, null, "created_at", null).count(), is((long) live.size()));

        LibraryStats stats = larder.stats();
        assertThat(stats.sceneCount(), is(statsBefore.sceneCount() - 3));
        assertThat(stats.tagCount(), is(statsBefore.tagCount() - 1));
        assertThat(stats.performerCount(), is(statsBefore.performerCount() - 1));
        assertThat(stats.totalPlayCount(), is((long) SceneOracle.sum(live, "play_count")));
    }

    @Test
    void issue9_theRemovedListPagesBySinceAndTheLastIdWithoutOverlapOrGap() throws Exception {
        EntityQueries scenes = larder.scenes();
        Instant since = Instant.now();
        for (int id : List.of(30, 10, 20)) {
            emulator.library().destroy(EntityType.SCENE, id);
        }
        assertThat(sync(SyncMode.SWEEP).ok(), is(true));
        emulator.library().destroy(EntityType.SCENE, 9);
        assertThat(sync(SyncMode.SWEEP).ok(), is(true));
        RemovedPage all = scenes.removed(since, null, null);
        assertThat(all.count(), is(4L));
        assertThat(all.removed().getLast().id(), is(9));
        List<RemovedPage.Removed> paged = new ArrayList<>();
        RemovedPage page = scenes.removed(since, null, 3);
        paged.addAll(page.removed());
        assertThat(page.more(), is(true));
        RemovedPage.Removed last = page.removed().getLast();
        page = scenes.removed(Instant.parse(last.deletedAt()), last.id(), 3);
        paged.addAll(page.removed());
        assertThat(page.more(), is(false));
        assertThat(paged, is(all.removed()));
        // ordered by when, then by id
        for (int i = 1; i < paged.size(); i++) {
            RemovedPage.Removed a = paged.get(i - 1);
            RemovedPage.Removed b = paged.get(i);
            assertThat(a.deletedAt().compareTo(b.deletedAt()) < 0
                    || a.deletedAt().equals(b.deletedAt()) && a.id() < b.id(), is(true));
        }
        Instant after = Instant.parse(all.removed().getLast().deletedAt()).plusMillis(1);
        assertThat(scenes.removed(after, null, null).removed(), is(empty()));
        assertThat(scenes.removed(after, null, null).count(), is(0L));
        assertThat(scenes.removed(null, null, null).count(), is(greaterThanOrEqualTo(4L)));
        assertThat(assertThrows(InvalidInputException.class, () -> scenes.removed(null, 3, null)).path(),
                is("after"));
        assertThat(assertThrows(InvalidInputException.class, () -> scenes.removed(null, null, 0)).path(),
                is("limit"));
    }

    private static SyncOutcome sync(SyncMode mode) throws Exception {
        return larder.sync().request(mode).get(2, TimeUnit.MINUTES);
    }

    /** @return the id of the most used entity of a facet that Stash lets be destroyed, now destroyed */
    private static int destroyMostUsed(Breakdowns facets, String facet, EntityType type) {
        for (Breakdown.Entry entry : facets.breakdowns().stream().filter(b -> b.facet().equals(facet)).findFirst()
                .orElseThrow().entries()) {
            int id = Integer.parseInt(entry.value());
            try {
                emulator.library().destroy(type, id);
                return id;
            } catch (IllegalStateException e) {
                // as in Stash, a tag that is a marker's primary tag cannot be destroyed
            }
        }
        throw new IllegalStateException("no " + facet + " could be destroyed");
    }

    private static List<String> values(Breakdown breakdown) {
        return breakdown.entries().stream().map(Breakdown.Entry::value).toList();
    }

    private static List<Integer> everyId(EntityQueries queries) {
        List<Integer> ids = new ArrayList<>();
        String cursor = null;
        do {
            FindResult page = queries.find(new FindFilter(null, null, 100, "id", null), null, cursor, false);
            page.items().stream().map(Item::id).forEach(ids::add);
            cursor = page.nextCursor();
        } while (cursor != null);
        return ids;
    }

    private static List<Map<String, Object>> live(EntityType type) {
        var library = emulator.library();
        List<Map<String, Object>> all = new ArrayList<>();
        for (int id = 1; all.size() < library.count(type); id++) {
            Map<String, Object> entity = library.get(type, id);
            if (entity != null) {
                all.add(entity);
            }
        }
        return all;
    }
}
