package dev.larder.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.larder.emulator.StashEmulator;
import dev.larder.model.EntityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Measures (prints, asserts nothing about time) a first full load of 100,000 scenes fetched from the emulator in
 * GraphQL pages of 1,000 (after the tags, studios, performers and groups they refer to; galleries, images and
 * markers are left out), in bulk-load mode. Only the store's time counts towards its rows/s; fetching from the
 * emulator is timed apart.
 */
class BulkLoadMeasurementTest {

    private static final int SCENES = 100_000;
    private static final int PAGE = 1_000;

    @TempDir
    Path dir;

    @Test
    void load100kScenesInBulkMode() throws Exception {
        try (StashEmulator emulator = StashEmulator.builder().scenes(3, SCENES).start();
             Store store = Store.open(StoreConfig.defaults(dir.resolve("l2.db")))) {
            long fetchNanos = 0;
            long storeNanos = 0;
            long started = System.nanoTime();
            store.beginBulkLoad().join();
            storeNanos += System.nanoTime() - started;
            for (EntityType type : List.of(EntityType.TAG, EntityType.STUDIO, EntityType.PERFORMER,
                    EntityType.GROUP)) {
                long t0 = System.nanoTime();
                List<ObjectNode> all = StashPages.all(emulator, type);
                long t1 = System.nanoTime();
                WriteBatch.Builder batch = WriteBatch.builder();
                all.forEach(e -> batch.upsert(type, e));
                store.write(batch.build()).join();
                fetchNanos += t1 - t0;
                storeNanos += System.nanoTime() - t1;
            }
            int scenes = 0;
            for (int page = 1; scenes < SCENES; page++) {
                long t0 = System.nanoTime();
                List<ObjectNode> entities = StashPages.page(emulator, EntityType.SCENE, page, PAGE);
                long t1 = System.nanoTime();
                WriteBatch.Builder batch = WriteBatch.builder();
                entities.forEach(e -> batch.upsert(EntityType.SCENE, e));
                batch.putSyncState("scenes.checkpoint", entities.getLast().get("id").asText());
                store.write(batch.build()).join();
                fetchNanos += t1 - t0;
                storeNanos += System.nanoTime() - t1;
                scenes += entities.size();
            }
            long loaded = System.nanoTime();
            store.endBulkLoad().join();
            long indexNanos = System.nanoTime() - loaded;
            storeNanos += indexNanos;
            assertThat(store.count(EntityType.SCENE), equalTo((long) SCENES));
            assertThat(store.integrityCheck(), equalTo("ok"));
            long links = store.read(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery("SELECT (SELECT count(*) FROM scene_tags)"
                        + " + (SELECT count(*) FROM scene_performers) + (SELECT count(*) FROM scene_files)")) {
                    return rs.getLong(1);
                }
            });
            System.out.printf(Locale.ROOT, "L2 bulk load of %,d scenes (%,d tag/performer/file rows): store %.1f s"
                                           + " = %,.0f scenes/s (of which index/FTS/closure build %.1f s);"
                                           + " emulator fetch %.1f s; file %,d MB%n",
                    SCENES, links, storeNanos / 1e9,
                    SCENES / (storeNanos / 1e9), indexNanos / 1e9, fetchNanos / 1e9,
                    (Files.size(dir.resolve("l2.db")) + walSize()) / 1_000_000);
        }
    }

    private long walSize() throws Exception {
        Path wal = dir.resolve("l2.db-wal");
        return Files.exists(wal) ? Files.size(wal) : 0;
    }
}
