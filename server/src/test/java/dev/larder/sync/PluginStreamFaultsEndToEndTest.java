package dev.larder.sync;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import dev.larder.Await;
import dev.larder.Larder;
import dev.larder.ShippedPlugin;
import dev.larder.TestLarders;
import dev.larder.emulator.StashEmulator;
import dev.larder.emulator.library.LibrarySpec;
import dev.larder.model.EntityType;
import dev.larder.stash.StashClient;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stash's log stream losing events while the shipped plugin reports a burst of real hook calls: batches dropped by
 * Stash, or the websocket cut in the middle of the burst. Events make Larder fast; the catch-up syncs Larder asks for
 * itself make it correct, so the store ends equal to Stash without the test asking for a sync.
 */
class PluginStreamFaultsEndToEndTest {

    private static final int SCENES = 600;
    private static final Duration WITHIN = Duration.ofSeconds(60);

    private StashEmulator emulator;
    private Larder larder;
    private StashClient stash;

    @BeforeEach
    void start() throws Exception {
        emulator = ShippedPlugin.emulator(LibrarySpec.ofScenes(8, SCENES)).start();
        larder = Larder.start(TestLarders.config(emulator));
        stash = StashClient.builder(URI.create(emulator.graphqlUrl())).apiKey(emulator.apiKey()).build();
        larder.sync().request(SyncMode.FULL).get(60, TimeUnit.SECONDS);
        Await.until("subscribed", WITHIN, larder::subscribed);
    }

    @AfterEach
    void stop() {
        stash.close();
        larder.close();
        emulator.close();
    }

    /**
     * Dropped batches leave no trace Larder could see; without a reconnect they are caught up only when a later
     * batch that does arrive holds a burst ({@code events.burst-events}), which depends on how fast Stash runs the
     * hooks, or by the timed poll. So the test reconnects, which asks for a catch-up sync whatever the rates.
     */
    @Test
    void batchesDroppedDuringABurstAreCaughtUpAfterAReconnect() {
        emulator.logs().setDropShare(0.5);
        bulkRetitle("lossy");
        emulator.logs().setDropShare(0);
        assertThat("batches dropped", emulator.logs().batchesDropped(), greaterThan(0L));
        emulator.webSockets().disconnectAll();
        Await.until("resubscribed", WITHIN, larder::subscribed);
        awaitEqual("lossy");
    }

    @Test
    void aConnectionCutMidBurstIsCaughtUp() {
        for (int id = 1; id <= SCENES; id++) {
            if (id == SCENES / 2) {
                emulator.webSockets().disconnectAll();
            }
            mutate("sceneUpdate(input:{id:\"" + id + "\",title:\"cut\"}){id}");
        }
        Await.until("resubscribed", WITHIN, larder::subscribed);
        awaitEqual("cut");
    }

    /** Retitles every scene in one bulk edit, which fires the plugin's hook once per scene. */
    private void bulkRetitle(String title) {
        String ids = IntStream.rangeClosed(1, SCENES).mapToObj(id -> "\"" + id + "\"")
                .collect(Collectors.joining(","));
        mutate("bulkSceneUpdate(input:{ids:[" + ids + "],title:\"" + title + "\"}){id}");
    }

    private void mutate(String field) {
        var result = emulator.execute("mutation{" + field + "}", Map.of());
        assertThat(result.getErrors().toString(), result.getErrors(), is(empty()));
    }

    private void awaitEqual(String title) {
        Await.until("every scene titled " + title, WITHIN, () -> IntStream.rangeClosed(1, SCENES)
                .allMatch(id -> larder.store().get(EntityType.SCENE, id).orElseThrow().json()
                        .path("title").asText().equals(title)));
        Await.until("syncs finished", WITHIN, () -> larder.sync().running() == null);
        List<Map.Entry<EntityType, Integer>> touched = IntStream.rangeClosed(1, SCENES)
                .mapToObj(id -> Map.entry(EntityType.SCENE, id)).toList();
        StoreAssertions.assertEqualsLibrary(larder.store(), stash, emulator, touched);
    }
}
