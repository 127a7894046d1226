package dev.larder;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import dev.larder.emulator.StashEmulator;
import dev.larder.emulator.library.LibrarySpec;
import dev.larder.model.EntityType;
import dev.larder.store.StoredEntity;
import dev.larder.sync.SyncMode;
import dev.larder.sync.SyncOutcome;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole event path with the real plugin file: a mutation in the emulator fires Stash's hook, the emulator runs
 * {@code stash-plugin/src/main/plugin/larder.js}, its line travels the log stream, and Larder applies the change,
 * with no sync asked for by the test.
 */
class PluginEventsEndToEndTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    private StashEmulator emulator;
    private Larder larder;

    @BeforeEach
    void start() throws Exception {
        emulator = ShippedPlugin.emulator(LibrarySpec.ofScenes(21, 300)).start();
        larder = Larder.start(TestLarders.config(emulator));
        larder.sync().request(SyncMode.FULL).get(60, TimeUnit.SECONDS);
        Await.until("subscribed", WITHIN, larder::subscribed);
    }

    @AfterEach
    void stop() {
        larder.close();
        emulator.close();
    }

    @Test
    void aSceneSavedInStashIsVisibleInLarderWithoutASync() throws Exception {
        emulator.execute("mutation{sceneUpdate(input:{id:\"12\",title:\"Saved in Stash\"}){id}}", Map.of());
        Await.until("scene 12 retitled", WITHIN, () -> title(12).equals(Optional.of("Saved in Stash")));
    }

    @Test
    void aTagDestroyedInStashIsGoneFromLarder() throws Exception {
        int tag = emulator.library().count(EntityType.TAG);
        emulator.execute("mutation{tagDestroy(input:{id:\"" + tag + "\"})}", Map.of());
        Await.until("tag " + tag + " deleted", WITHIN, () -> larder.store().get(EntityType.TAG, tag)
                .map(StoredEntity::live).equals(Optional.of(false)));
    }

    @Test
    void thePluginsSyncTaskInStashStartsASyncInLarder() throws Exception {
        SyncOutcome before = larder.sync().lastOutcome();
        var result = emulator.execute("mutation{runPluginTask(plugin_id:\"larder\",task_name:\"Larder: full sync\")}",
                Map.of());
        assertThat(result.getErrors().toString(), result.getErrors().isEmpty(), is(true));
        Await.until("a full sync ran", WITHIN, () -> larder.sync().lastOutcome() != before
                && larder.sync().lastOutcome().mode() == SyncMode.FULL);
    }

    private Optional<String> title(int scene) {
        return larder.store().get(EntityType.SCENE, scene).map(e -> e.json().path("title").asText());
    }
}
