package dev.larder.store;

import dev.larder.model.EntityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static dev.larder.store.Entities.scene;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

/**
 * Readers never wait for a writer (WAL). The readers' busy timeout is 0 here, so a read that had to wait for a lock
 * would fail at once instead of being slow.
 */
class ReadWhileWritingTest {

    @TempDir
    Path dir;

    @Test
    void readsSeeTheLastCommitWhileAWriteTransactionIsOpen() throws Exception {
        StoreConfig config = new StoreConfig(dir.resolve("l2.db"), 2, StoreConfig.DEFAULT_CACHE_SIZE_KIB,
                StoreConfig.DEFAULT_MMAP_SIZE_BYTES, Duration.ZERO, StoreConfig.DEFAULT_WRITE_BATCH_ROWS);
        try (Store store = Store.open(config)) {
            store.write(WriteBatch.builder().upsert(EntityType.SCENE, scene(1, "committed")).build()).join();
            assertThat(store.read(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery("PRAGMA journal_mode")) {
                    return rs.getString(1);
                }
            }), equalTo("wal"));
            try (var other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("l2.db"));
                 var s = other.createStatement()) {
                s.execute("PRAGMA busy_timeout = 0");
                other.setAutoCommit(false);
                s.executeUpdate("UPDATE scenes SET title = 'uncommitted'");
                s.executeUpdate("INSERT INTO scenes (id, title, synced_at) VALUES (2, 'x', 'now')");
                // the database's write lock is held now: the store's own writer would have to wait for it
                assertThat(store.count(EntityType.SCENE), equalTo(1L));
                assertThat(store.get(EntityType.SCENE, 1).orElseThrow().json().get("title").asText(),
                        equalTo("committed"));
                assertThat(store.integrityCheck(), equalTo("ok"));
                other.rollback();
            }
        }
    }

    @Test
    void readsCompleteWhileTheWriterWorksThroughALongQueue() {
        try (Store store = Store.open(StoreConfig.defaults(dir.resolve("l2.db")))) {
            CompletableFuture<ChangeSet> last = null;
            for (int batch = 0; batch < 20; batch++) {
                WriteBatch.Builder builder = WriteBatch.builder();
                for (int i = 1; i <= 2_000; i++) {
                    builder.upsert(EntityType.SCENE, scene(batch * 2_000 + i, "scene " + i, 1, 2, 3));
                }
                last = store.write(builder.build());
            }
            int reads = 0;
            long previous = 0;
            while (!last.isDone()) {
                long count = store.count(EntityType.SCENE);
                assertThat("counts only grow, batch by batch", count % 2_000 == 0 && count >= previous, is(true));
                previous = count;
                reads++;
            }
            last.join();
            assertThat(store.count(EntityType.SCENE), equalTo(40_000L));
            System.out.println("reads completed while 40,000 scenes were being written: " + reads);
        }
    }
}
