package dev.larder.sync;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import dev.larder.Larder;
import dev.larder.TestLarders;
import dev.larder.emulator.StashEmulator;
import dev.larder.emulator.logs.LogLevel;
import dev.larder.model.ChangeEvent;
import dev.larder.model.ChangeEventCodec;
import dev.larder.model.EntityType;
import dev.larder.model.HookOperation;
import dev.larder.stash.StashClient;
import dev.larder.store.StoredEntity;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stash's log stream to the store: the test performs a mutation on the emulator and logs the line the plugin would
 * write, as Stash prefixes it; no sync is asked for by the test.
 */
class EventStreamEndToEndTest {

    private StashEmulator emulator;
    private Larder larder;
    private StashClient stash;

    @BeforeEach
    void start() throws Exception {
        emulator = StashEmulator.builder().scenes(3, 600).start();
        larder = Larder.start(TestLarders.config(emulator));
        stash = StashClient.builder(URI.create(emulator.graphqlUrl())).apiKey(emulator.apiKey()).build();
        larder.sync().request(SyncMode.FULL).get(120, TimeUnit.SECONDS);
        await("subscribed", larder::subscribed);
    }

    @AfterEach
    void stop() {
        stash.close();
        larder.close();
        emulator.close();
    }

    @Test
    void anUpdateReachesTheStoreThroughTheLogStream() {
        mutate("mutation{sceneUpdate(input:{id:\"5\",title:\"Seen through the log\"}){id}}");
        logEvent("Scene", HookOperation.UPDATE, 5);
        await("scene 5 renamed", () -> larder.store().get(EntityType.SCENE, 5).orElseThrow().json()
                .path("title").asText().equals("Seen through the log"));
    }

    @Test
    void aDestroyReachesTheStoreThroughTheLogStream() {
        mutate("mutation{sceneDestroy(input:{id:\"6\"})}");
        logEvent("Scene", HookOperation.DESTROY, 6);
        await("scene 6 deleted", () -> !larder.store().get(EntityType.SCENE, 6).map(StoredEntity::live)
                .orElse(true));
    }

    @Test
    void aBurstOfUpdatesArrivesCoalesced() {
        List<Map.Entry<EntityType, Integer>> touched = burst(1, 500, "burst");
        await("500 scenes renamed", () -> larder.store().get(EntityType.SCENE, 500).orElseThrow().json()
                .path("title").asText().equals("burst 500") && larder.events().stats().received() == 500);
        await("all applied", () -> larder.sync().running() == null && larder.events().stats().applied() >= 500);
        assertThat("one look-up per window, not per event", larder.events().stats().fetches(), lessThan(50L));
        StoreAssertions.assertEqualsLibrary(larder.store(), stash, emulator, touched);
    }

    @Test
    void droppedLinesAreCaughtUpByTheSyncAfterABurstOrAReconnect() throws Exception {
        emulator.logs().setDropShare(0.5);
        List<Map.Entry<EntityType, Integer>> touched = burst(1, 500, "lossy");
        emulator.webSockets().disconnectAll();
        await("resubscribed", larder::subscribed);
        awaitEqual(touched);
    }

    @Test
    void aConnectionCutMidBurstIsCaughtUp() throws Exception {
        List<Map.Entry<EntityType, Integer>> touched = new ArrayList<>(burst(1, 250, "cut"));
        emulator.webSockets().disconnectAll();
        touched.addAll(burst(251, 500, "cut"));
        await("resubscribed", larder::subscribed);
        awaitEqual(touched);
    }

    /** Renames scenes from..to, logging each one's event; returns what was touched. */
    private List<Map.Entry<EntityType, Integer>> burst(int from, int to, String title) {
        List<Map.Entry<EntityType, Integer>> touched = new ArrayList<>();
        for (int id = from; id <= to; id++) {
            mutate("mutation{sceneUpdate(input:{id:\"" + id + "\",title:\"" + title + " " + id + "\"}){id}}");
            logEvent("Scene", HookOperation.UPDATE, id);
            touched.add(Map.entry(EntityType.SCENE, id));
        }
        return touched;
    }

    private void awaitEqual(List<Map.Entry<EntityType, Integer>> touched) throws Exception {
        await("every scene renamed", () -> {
            for (var t : touched) {
                String stored = larder.store().get(EntityType.SCENE, t.getValue()).orElseThrow().json()
                        .path("title").asText();
                if (!stored.endsWith(" " + t.getValue())) {
                    return false;
                }
            }
            return true;
        });
        await("syncs finished", () -> larder.sync().running() == null);
        StoreAssertions.assertEqualsLibrary(larder.store(), stash, emulator, touched);
    }

    private void mutate(String document) {
        var result = emulator.execute(document, Map.of());
        assertThat(result.getErrors().toString(), result.getErrors(), is(empty()));
    }

    private void logEvent(String type, HookOperation op, int id) {
        emulator.logs().log(LogLevel.Trace, "[Plugin / Larder] "
                + ChangeEventCodec.format(new ChangeEvent(type, op, id, List.of("title"), List.of())));
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what);
            }
        }
    }
}
