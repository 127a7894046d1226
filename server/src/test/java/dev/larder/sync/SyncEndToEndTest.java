package dev.larder.sync;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;

import dev.larder.LarderConfig;
import dev.larder.TestLarders;
import dev.larder.emulator.StashEmulator;
import dev.larder.model.EntityType;
import dev.larder.stash.StashClient;
import dev.larder.store.Store;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sync engine against the Stash emulator: after each kind of sync the store must equal the emulator's library
 * (every count, every field of a sample of each type, every entity a mutation touched), and the database must pass
 * SQLite's integrity check.
 */
class SyncEndToEndTest {

    private StashEmulator emulator;
    private LarderConfig config;
    private Store store;
    private StashClient stash;
    private SyncEngine engine;

    @BeforeEach
    void start() {
        emulator = StashEmulator.builder().scenes(11, 1500).start();
        config = TestLarders.config(emulator);
        open();
    }

    private void open() {
        store = Store.open(config.store());
        stash = StashClient.builder(URI.create(emulator.graphqlUrl())).apiKey(emulator.apiKey()).build();
        engine = new SyncEngine(stash, store, config.sync(), Clock.systemUTC());
    }

    private void closeLarder() {
        engine.close();
        stash.close();
        store.close();
    }

    @AfterEach
    void stop() {
        closeLarder();
        emulator.close();
    }

    @Test
    void aFullSyncCopiesTheWholeLibrary() throws Exception {
        assertThat(engine.startMode(), is(SyncMode.FULL));
        SyncOutcome outcome = sync(SyncMode.FULL);
        assertThat(outcome.errors().toString(), outcome.ok(), is(true));
        assertEqual(List.of());
        assertThat(engine.startMode(), is(SyncMode.INCREMENTAL));
        assertThat(outcome.written(), is(libraryRows()));
    }

    @Test
    void aFullSyncKnowsEveryTypesTotalBeforeItsFirstPage() throws Exception {
        // slow pages, so that the run is seen while its types are under way
        emulator.faults().latency(Duration.ofMillis(5));
        var running = engine.request(SyncMode.FULL);
        int seenUnderWay = 0;
        long fetchedBefore = 0;
        while (!running.isDone()) {
            List<TypeProgress> snapshot = engine.status();
            if (snapshot.stream().anyMatch(p -> p.state() == TypeProgress.State.RUNNING)) {
                seenUnderWay++;
                assertThat(snapshot.toString(), snapshot.stream().allMatch(p -> p.total() >= 0), is(true));
                long fetched = snapshot.stream().mapToLong(TypeProgress::fetched).sum();
                assertThat(fetched, greaterThanOrEqualTo(fetchedBefore));
                fetchedBefore = fetched;
            }
            Thread.sleep(1);
        }
        assertThat(running.get().ok(), is(true));
        assertThat(seenUnderWay, greaterThan(0));
        for (TypeProgress p : engine.status()) {
            assertThat(p.type().pluralName(), p.total(), is((long) emulator.library().count(p.type())));
            assertThat(p.type().pluralName(), p.fetched(), is(p.total()));
        }
    }

    @Test
    void incrementalSyncAndSweepsCatchEveryKindOfChange() throws Exception {
        sync(SyncMode.FULL);
        List<Touched> touched = new ArrayList<>();
        mutate("mutation{sceneUpdate(input:{id:\"5\",title:\"Renamed\",tag_ids:[\"1\",\"2\"]}){id}}");
        touched.add(new Touched(EntityType.SCENE, 5));
        mutate("mutation{performerUpdate(input:{id:\"3\",name:\"Someone Else\"}){id}}");
        touched.add(new Touched(EntityType.PERFORMER, 3));
        int created = mutateId("mutation{tagCreate(input:{name:\"brand new\",parent_ids:[\"1\"]}){id}}", "tagCreate");
        touched.add(new Touched(EntityType.TAG, created));
        mutate("mutation{bulkSceneUpdate(input:{ids:[\"7\",\"8\"],rating100:55}){id}}");
        touched.add(new Touched(EntityType.SCENE, 7));
        mutate("mutation{sceneDestroy(input:{id:\"9\"})}");
        touched.add(new Touched(EntityType.SCENE, 9));
        // no updated_at bump for these, and no hook either
        mutate("mutation{sceneAddPlay(id:\"10\"){count}}");
        mutate("mutation{sceneAddO(id:\"11\"){count}}");
        mutate("mutation{sceneSaveActivity(id:\"12\",resume_time:33.5,playDuration:60)}");
        touched.add(new Touched(EntityType.SCENE, 10));
        touched.add(new Touched(EntityType.SCENE, 11));
        touched.add(new Touched(EntityType.SCENE, 12));
        // deletions without a hook, and re-pointed relations without a bump
        int tagged = sceneWithTag(4);
        mutate("mutation{tagsMerge(input:{source:[\"4\"],destination:\"6\"}){id}}");
        touched.add(new Touched(EntityType.TAG, 4));
        touched.add(new Touched(EntityType.SCENE, tagged));
        mutate("mutation{performerMerge(input:{source:[\"5\"],destination:\"6\"}){id}}");
        touched.add(new Touched(EntityType.PERFORMER, 5));
        mutate("mutation{sceneMerge(input:{source:[\"20\"],destination:\"21\"}){id}}");
        touched.add(new Touched(EntityType.SCENE, 20));
        touched.add(new Touched(EntityType.SCENE, 21));
        emulator.disk().removeSceneFiles(30);
        mutate("mutation{metadataClean(input:{dryRun:false})}");
        awaitJobs();
        touched.add(new Touched(EntityType.SCENE, 30));

        assertThat(sync(SyncMode.INCREMENTAL).ok(), is(true));
        assertThat(sync(SyncMode.SWEEP).ok(), is(true));
        assertEqual(touched);
    }

    @Test
    void typesThatWereEmptyAtTheFullSyncAreFoundByIncrementalSyncs() throws Exception {
        emulator.close();
        closeLarder();
        emulator = StashEmulator.builder().library(new dev.larder.emulator.library.LibrarySpec(2, 50, 10, 8, 3, 2, 0,
                0, 0, dev.larder.emulator.library.LibrarySpec.DEFAULT_ZONE)).start();
        config = TestLarders.config(emulator);
        open();
        assertThat(sync(SyncMode.FULL).ok(), is(true));
        mutate("mutation{galleryCreate(input:{title:\"first gallery\"}){id}}");
        SyncOutcome outcome = sync(SyncMode.INCREMENTAL);
        assertThat(outcome.errors().toString(), outcome.ok(), is(true));
        assertThat(store.count(EntityType.GALLERY), is(1L));
    }

    @Test
    void aNoChangeIncrementalSyncWritesNothing() throws Exception {
        sync(SyncMode.FULL);
        SyncOutcome outcome = sync(SyncMode.INCREMENTAL);
        assertThat(outcome.ok(), is(true));
        assertThat(outcome.written(), is(0L));
    }

    @Test
    void anIncrementalSyncCountsWhatItWrote() throws Exception {
        sync(SyncMode.FULL);
        mutate("mutation{bulkSceneUpdate(input:{ids:[\"7\",\"8\"],rating100:55}){id}}");
        mutate("mutation{performerUpdate(input:{id:\"3\",name:\"Someone Else\"}){id}}");
        SyncOutcome outcome = sync(SyncMode.INCREMENTAL);
        assertThat(outcome.errors().toString(), outcome.ok(), is(true));
        assertThat(outcome.written(), is(3L));
    }

    @Test
    void faultsNeverCauseAFalseDeletion() throws Exception {
        sync(SyncMode.FULL);
        emulator.faults().errorShare(0.3).perPageClamp(37);
        try {
            // a type whose requests keep failing may end the sweep with an error (it is retried later); what must
            // never happen is a deletion that Stash did not make
            sync(SyncMode.SWEEP);
            for (EntityType type : SyncEngine.TYPES) {
                assertThat(type.pluralName(), store.count(type), is((long) emulator.library().count(type)));
            }
        } finally {
            emulator.faults().clear();
        }
        assertThat(sync(SyncMode.SWEEP).ok(), is(true));
        assertEqual(List.of());
    }

    @Test
    void aFullSyncStoppedMidWayResumesToAnEqualStore() throws Exception {
        emulator.faults().pause();
        CompletableFutureHolder running = new CompletableFutureHolder(engine.request(SyncMode.FULL));
        // let a few pages through, then stop the engine and the store as a kill would
        emulator.faults().resume();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (store.count(EntityType.PERFORMER) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        closeLarder();
        running.ignore();
        open();
        assertThat(engine.startMode(), is(SyncMode.FULL));
        assertThat(sync(SyncMode.FULL).ok(), is(true));
        assertEqual(List.of());
    }

    /** The pending future of an interrupted run; its outcome does not matter. */
    private record CompletableFutureHolder(java.util.concurrent.CompletableFuture<SyncOutcome> future) {
        void ignore() {
            future.cancel(true);
        }
    }

    private record Touched(EntityType type, int id) {
    }

    private SyncOutcome sync(SyncMode mode) throws Exception {
        return engine.request(mode).get(120, TimeUnit.SECONDS);
    }

    private void mutate(String document) {
        var result = emulator.execute(document, Map.of());
        assertThat(result.getErrors().toString(), result.getErrors(), is(empty()));
    }

    private int mutateId(String document, String field) {
        var result = emulator.execute(document, Map.of());
        assertThat(result.getErrors().toString(), result.getErrors(), is(empty()));
        Map<String, Map<String, Object>> data = result.getData();
        return Integer.parseInt(String.valueOf(data.get(field).get("id")));
    }

    private void awaitJobs() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!emulator.jobs().queue().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @SuppressWarnings("unchecked")
    private int sceneWithTag(int tag) {
        for (int id = 1; ; id++) {
            Map<String, Object> scene = emulator.library().get(EntityType.SCENE, id);
            if (scene != null && ((List<Integer>) scene.get("tags")).contains(tag)) {
                return id;
            }
        }
    }

    /** @return the rows a full sync writes: every entity of every synced type (chapters come with galleries) */
    private long libraryRows() {
        return SyncEngine.TYPES.stream().mapToLong(t -> emulator.library().count(t)).sum();
    }

    private void assertEqual(List<Touched> touched) {
        StoreAssertions.assertEqualsLibrary(store, stash, emulator, touched.stream()
                .map(t -> Map.entry(t.type(), t.id())).toList());
    }
}
