package dev.larder.query;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import dev.larder.Await;
import dev.larder.Larder;
import dev.larder.TestLarders;
import dev.larder.emulator.StashEmulator;
import dev.larder.model.ChangeEvent;
import dev.larder.model.EntityType;
import dev.larder.model.HookOperation;
import dev.larder.model.query.FindFilter;
import dev.larder.model.query.FindResult;
import dev.larder.model.query.InputObject;
import dev.larder.model.query.Item;
import dev.larder.model.query.SortDirection;
import dev.larder.sync.SyncMode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * L1 never serves a stale view: after a change arrives by a sync page, by an event or as a deletion, the very next
 * query, whose view L1 held, shows it. Each test first proves the view was served from L1, so that a pass cannot
 * come from a cache that was never used.
 */
class L1InvalidationTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final FindFilter BY_ID = new FindFilter(null, 1, 100, "id", SortDirection.ASC);

    private StashEmulator emulator;
    private Larder larder;

    @BeforeEach
    void start() throws Exception {
        emulator = StashEmulator.builder().scenes(21, 300).start();
        larder = Larder.start(TestLarders.config(emulator));
        larder.sync().request(SyncMode.FULL).get(2, TimeUnit.MINUTES);
    }

    @AfterEach
    void stop() {
        larder.close();
        emulator.close();
    }

    @Test
    void issue9_aSyncPageMakesTheCachedViewUnreachable() throws Exception {
        InputObject titled = titled("Renamed by sync");
        assertThat(ids(titled), is(List.of()));
        cachedNow(titled);
        mutate("mutation{sceneUpdate(input:{id:\"5\",title:\"Renamed by sync\"}){id}}");
        larder.sync().request(SyncMode.INCREMENTAL).get(1, TimeUnit.MINUTES);
        assertThat(ids(titled), is(List.of(5)));
        assertThat(larder.scenes().get(5).orElseThrow().json(), containsString("Renamed by sync"));
    }

    @Test
    void issue9_anEventMakesTheCachedViewUnreachable() {
        InputObject titled = titled("Renamed by event");
        assertThat(ids(titled), is(List.of()));
        cachedNow(titled);
        String before = larder.scenes().get(7).orElseThrow().json();
        mutate("mutation{sceneUpdate(input:{id:\"7\",title:\"Renamed by event\"}){id}}");
        long applied = larder.events().stats().applied();
        larder.events().submit(new ChangeEvent("Scene", HookOperation.UPDATE, 7, List.of("title"), List.of()));
        Await.until("the event applied", WITHIN, () -> larder.events().stats().applied() > applied);
        assertThat(ids(titled), is(List.of(7)));
        assertThat(larder.scenes().get(7).orElseThrow().json(), not(before));
    }

    @Test
    void issue9_aDeletionMakesTheCachedViewUnreachable() {
        FindResult all = larder.scenes().find(BY_ID, null);
        assertThat(all.items().stream().map(Item::id).toList(), hasItem(9));
        long count = all.count();
        cachedNow(null);
        mutate("mutation{sceneDestroy(input:{id:\"9\"})}");
        long applied = larder.events().stats().applied();
        larder.events().submit(new ChangeEvent("Scene", HookOperation.DESTROY, 9, List.of(), List.of()));
        Await.until("the event applied", WITHIN, () -> larder.events().stats().applied() > applied);
        FindResult after = larder.scenes().find(BY_ID, null);
        assertThat(after.count(), is(count - 1));
        assertThat(after.items().stream().map(Item::id).toList(), not(hasItem(9)));
        assertThat(larder.scenes().get(9).isPresent(), is(false));
    }

    /** Asks the same query again and checks L1 answered it. */
    private void cachedNow(InputObject filter) {
        long hits = larder.l1().pages().hitCount();
        larder.scenes().find(BY_ID, filter);
        assertThat("the repeated query was served from L1", larder.l1().pages().hitCount(), greaterThan(hits));
    }

    private List<Integer> ids(InputObject filter) {
        return larder.scenes().find(BY_ID, filter).items().stream().map(Item::id).toList();
    }

    private InputObject titled(String title) {
        return larder.scenes().filter("{\"title\":{\"value\":\"" + title + "\",\"modifier\":\"EQUALS\"}}");
    }

    private void mutate(String document) {
        var result = emulator.execute(document, Map.of());
        assertThat(result.getErrors().toString(), result.getErrors().isEmpty(), is(true));
    }
}
