package dev.larder.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.larder.emulator.StashEmulator;
import dev.larder.model.EntityType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * A bulk load (indexes, full text and closures built at the end) gives the same database as incremental writes,
 * also when the process stops between begin and end.
 */
class BulkLoadTest {

    @TempDir
    static Path dir;
    static final Map<EntityType, List<ObjectNode>> stash = new EnumMap<>(EntityType.class);

    @BeforeAll
    static void fetch() {
        try (StashEmulator emulator = StashEmulator.builder().scenes(11, 600).start()) {
            for (EntityType type : StashPages.listedTypes()) {
                stash.put(type, StashPages.all(emulator, type));
            }
        }
    }

    @AfterAll
    static void clear() {
        stash.clear();
    }

    /** Writes every type, parents first, in pages of 100 as a sync would. */
    private static void writeAll(Store store) {
        stash.forEach((type, entities) -> {
            for (int from = 0; from < entities.size(); from += 100) {
                WriteBatch.Builder batch = WriteBatch.builder();
                entities.subList(from, Math.min(entities.size(), from + 100)).forEach(e -> batch.upsert(type, e));
                batch.putSyncState(type.pluralName() + ".checkpoint", Integer.toString(from));
                store.write(batch.build()).join();
            }
        });
    }

    private static TreeMap<String, List<String>> incremental() throws Exception {
        Path path = dir.resolve("incremental.db");
        try (Store store = Store.open(StoreConfig.defaults(path))) {
            writeAll(store);
        }
        return Dumps.content(path);
    }

    @Test
    void bulkLoadThenIndexBuildEqualsIncrementalWrites() throws Exception {
        Path path = dir.resolve("bulk.db");
        try (Store store = Store.open(StoreConfig.defaults(path))) {
            store.beginBulkLoad().join();
            assertThat(store.bulkLoading(), is(true));
            assertThat("secondary indexes are gone", indexCount(store), equalTo(0));
            writeAll(store);
            store.endBulkLoad().join();
            assertThat(store.bulkLoading(), is(false));
            assertThat(indexCount(store), greaterThan(40));
            assertThat(store.integrityCheck(), equalTo("ok"));
        }
        TreeMap<String, List<String>> bulk = Dumps.content(path);
        assertThat(bulk.get("tag_closure"), not(empty()));
        assertThat(bulk.get("scenes_fts"), not(empty()));
        assertThat(bulk, equalTo(incremental()));
    }

    @Test
    void aBulkLoadLeftUnfinishedIsFinishedByTheNextOpen() throws Exception {
        Path path = dir.resolve("killed.db");
        try (Store store = Store.open(StoreConfig.defaults(path))) {
            store.beginBulkLoad().join();
            writeAll(store);
        }
        try (Store store = Store.open(StoreConfig.defaults(path))) {
            assertThat(store.bulkLoading(), is(false));
            assertThat(store.integrityCheck(), equalTo("ok"));
        }
        assertThat(Dumps.content(path), equalTo(incremental()));
    }

    private static int indexCount(Store store) {
        return store.read(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix\\_%' ESCAPE '\\'")) {
                return rs.getInt(1);
            }
        });
    }
}
