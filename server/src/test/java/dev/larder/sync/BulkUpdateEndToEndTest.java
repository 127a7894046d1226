package dev.larder.sync;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

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
 * A bulk edit of 5,000 scenes in Stash, through the shipped plugin: Stash fires one hook per scene as it saves it,
 * so 5,000 event lines stream to Larder while the mutation runs; Larder coalesces them into a few dozen batched
 * look-ups. The test never asks for a sync.
 */
class BulkUpdateEndToEndTest {

    private static final int SCENES = 5_000;
    private static final Duration WITHIN = Duration.ofSeconds(90);

    private StashEmulator emulator;
    private Larder larder;
    private StashClient stash;

    @BeforeEach
    void start() throws Exception {
        // the scenes the test edits, with a few of everything else so the full sync before it stays short
        LibrarySpec library = new LibrarySpec(5, SCENES, 50, 20, 5, 10, 20, 100, 100, LibrarySpec.DEFAULT_ZONE);
        emulator = ShippedPlugin.emulator(library).start();
        larder = Larder.start(TestLarders.config(emulator));
        stash = StashClient.builder(URI.create(emulator.graphqlUrl())).apiKey(emulator.apiKey()).build();
        larder.sync().request(SyncMode.FULL).get(120, TimeUnit.SECONDS);
        Await.until("subscribed", WITHIN, larder::subscribed);
    }

    @AfterEach
    void stop() {
        stash.close();
        larder.close();
        emulator.close();
    }

    @Test
    void aBulkUpdateOfFiveThousandScenesArrivesCoalesced() {
        EventStats before = larder.events().stats();
        String ids = IntStream.rangeClosed(1, SCENES).mapToObj(id -> "\"" + id + "\"")
                .collect(Collectors.joining(","));
        var result = emulator.execute("mutation{bulkSceneUpdate(input:{ids:[" + ids + "],"
                + "title:\"Bulk edited\",rating100:73}){id}}", Map.of());
        assertThat(result.getErrors().toString(), result.getErrors(), is(empty()));

        Await.until("every scene's event received", WITHIN,
                () -> larder.events().stats().received() - before.received() >= SCENES);
        Await.until("every scene edited in the store", WITHIN, () -> IntStream.rangeClosed(1, SCENES)
                .allMatch(id -> larder.store().get(EntityType.SCENE, id).orElseThrow().json()
                        .path("title").asText().equals("Bulk edited")));
        Await.until("syncs finished", WITHIN, () -> larder.sync().running() == null);

        EventStats after = larder.events().stats();
        assertThat("events received", after.received() - before.received(), greaterThanOrEqualTo((long) SCENES));
        assertThat("look-ups for the events, " + after + " (before the edit " + before + ")",
                after.fetches() - before.fetches(), lessThan(100L));
        List<Map.Entry<EntityType, Integer>> touched = IntStream.rangeClosed(1, SCENES)
                .mapToObj(id -> Map.entry(EntityType.SCENE, id)).toList();
        StoreAssertions.assertEqualsLibrary(larder.store(), stash, emulator, touched);
    }
}
