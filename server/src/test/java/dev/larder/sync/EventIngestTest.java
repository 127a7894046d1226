package dev.larder.sync;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import dev.larder.TestLarders;
import dev.larder.emulator.StashEmulator;
import dev.larder.model.ChangeEvent;
import dev.larder.model.EntityType;
import dev.larder.model.HookOperation;
import dev.larder.stash.StashClient;
import dev.larder.store.Store;
import dev.larder.store.StoredEntity;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Coalescing and confirmed deletion in {@link EventIngest}, flushed by hand (the window is set long). */
class EventIngestTest {

    private StashEmulator emulator;
    private Store store;
    private StashClient stash;
    private EventIngest ingest;
    private final List<SyncMode> requested = new ArrayList<>();

    @BeforeEach
    void start() {
        emulator = StashEmulator.builder().scenes(2, 50).start();
        store = Store.open(TestLarders.config(emulator).store());
        stash = StashClient.builder(URI.create(emulator.graphqlUrl())).apiKey(emulator.apiKey()).build();
        ingest = new EventIngest(stash, store, requested::add,
                new EventSettings(Duration.ofSeconds(5), 10_000, 200));
    }

    @AfterEach
    void stop() {
        ingest.close();
        stash.close();
        store.close();
        emulator.close();
    }

    @Test
    void theMovieTwinOfAGroupEventIsDropped() throws Exception {
        ingest.submit(event("Group", HookOperation.UPDATE, 1));
        ingest.submit(event("Movie", HookOperation.UPDATE, 1));
        flush();
        assertThat(ingest.stats(), is(new EventStats(2, 0, 1, 1, 1)));
        assertThat(store.get(EntityType.GROUP, 1).map(StoredEntity::live).orElse(false), is(true));
    }

    @Test
    void manyUpdatesOfOneEntityAreOneFetch() throws Exception {
        for (int i = 0; i < 50; i++) {
            ingest.submit(event("Scene", HookOperation.UPDATE, 3));
        }
        flush();
        assertThat(ingest.stats(), is(new EventStats(50, 0, 49, 1, 1)));
        assertThat(store.get(EntityType.SCENE, 3).isPresent(), is(true));
    }

    @Test
    void aDestroyIsAppliedOnlyWhenStashNoLongerHasTheEntity() throws Exception {
        ingest.submit(event("Scene", HookOperation.UPDATE, 4));
        ingest.submit(event("Scene", HookOperation.UPDATE, 5));
        flush();
        emulator.execute("mutation{sceneDestroy(input:{id:\"5\"})}", Map.of());
        ingest.submit(event("Scene", HookOperation.DESTROY, 4));
        ingest.submit(event("Scene", HookOperation.DESTROY, 5));
        flush();
        assertThat("still in Stash: refetched, not deleted",
                store.get(EntityType.SCENE, 4).map(StoredEntity::live).orElse(false), is(true));
        assertThat("gone from Stash: deleted",
                store.get(EntityType.SCENE, 5).map(StoredEntity::live).orElse(true), is(false));
    }

    @Test
    void aTagMergeDeletesTheSourcesAndRefetchesWhatPointedAtThem() throws Exception {
        List<Integer> scenes = new ArrayList<>();
        for (int id = 1; id <= 50; id++) {
            scenes.add(id);
            ingest.submit(event("Scene", HookOperation.UPDATE, id));
        }
        ingest.submit(event("Tag", HookOperation.UPDATE, 1));
        ingest.submit(event("Tag", HookOperation.UPDATE, 2));
        flush();
        long pointing = scenes.stream().filter(id -> store.get(EntityType.SCENE, id).orElseThrow().json()
                .path("tags").toString().contains("\"id\":\"1\"")).count();
        assertThat("scenes tagged with the source before the merge", pointing > 0, is(true));
        var merged = emulator.execute("mutation{tagsMerge(input:{source:[\"1\"],destination:\"2\"}){id}}",
                Map.of());
        assertThat(merged.getErrors().toString(), merged.getErrors().isEmpty(), is(true));
        ingest.submit(new ChangeEvent("Tag", HookOperation.MERGE, 2, List.of(), List.of(1)));
        flush();
        assertThat(ingest.stats().toString(), store.get(EntityType.TAG, 1).map(StoredEntity::live).orElse(true),
                is(false));
        for (int id : scenes) {
            var stored = store.get(EntityType.SCENE, id).orElseThrow().json().path("tags").toString();
            assertThat("scene " + id + " " + stored, stored.contains("\"id\":\"1\""), is(false));
        }
    }

    private void flush() throws Exception {
        ingest.flush().get(30, TimeUnit.SECONDS);
    }

    private static ChangeEvent event(String type, HookOperation op, int id) {
        return new ChangeEvent(type, op, id, List.of(), List.of());
    }
}
