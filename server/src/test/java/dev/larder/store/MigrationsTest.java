package dev.larder.store;

import dev.larder.model.EntityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;

import static dev.larder.store.Entities.scene;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Versioned, forward-only migrations: fresh, re-open, upgrade of an older file, refusal of a newer one. */
class MigrationsTest {

    @TempDir
    Path dir;

    private StoreConfig config() {
        return StoreConfig.defaults(dir.resolve("l2.db"));
    }

    @Test
    void aNewFileGetsTheNewestSchemaAndReopeningChangesNothing() {
        try (Store store = Store.open(config())) {
            assertThat(store.schemaVersion(), equalTo(Migrations.ALL.getLast().version()));
            store.write(WriteBatch.builder().upsert(EntityType.SCENE, scene(1, "kept")).build()).join();
        }
        try (Store store = Store.open(config())) {
            assertThat(store.schemaVersion(), equalTo(Migrations.ALL.getLast().version()));
            assertThat(store.count(EntityType.SCENE), equalTo(1L));
            assertThat(store.read(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM schema_migrations")) {
                    return rs.getInt(1);
                }
            }), equalTo(Migrations.ALL.size()));
        }
    }

    @Test
    void anOlderFileIsMigratedKeepingItsData() {
        try (Store store = Store.open(config())) {
            store.write(WriteBatch.builder().upsert(EntityType.SCENE, scene(1, "kept")).build()).join();
        }
        List<Migration> next = new ArrayList<>(Migrations.ALL);
        int version = Migrations.ALL.getLast().version() + 1;
        next.add(new Migration(version, "a later column",
                "ALTER TABLE scenes ADD COLUMN later TEXT;\nUPDATE scenes SET later = 'x';\n"));
        try (Store store = Store.open(config(), next)) {
            assertThat(store.schemaVersion(), equalTo(version));
            assertThat(store.get(EntityType.SCENE, 1).orElseThrow().json().get("title").asText(), equalTo("kept"));
            assertThat(store.read(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery("SELECT later FROM scenes")) {
                    return rs.getString(1);
                }
            }), equalTo("x"));
        }
    }

    @Test
    void aFailingMigrationLeavesTheFileAtItsVersion() {
        Store.open(config()).close();
        List<Migration> next = new ArrayList<>(Migrations.ALL);
        int version = Migrations.ALL.getLast().version() + 1;
        next.add(new Migration(version, "broken", "CREATE TABLE half (x);\nINSERT INTO missing VALUES (1);\n"));
        StoreException e = assertThrows(StoreException.class, () -> Store.open(config(), next));
        assertThat(e.getMessage(), containsString("migration " + version));
        try (Store store = Store.open(config())) {
            assertThat(store.schemaVersion(), equalTo(version - 1));
            assertThat(store.read(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery(
                        "SELECT count(*) FROM sqlite_master WHERE name = 'half'")) {
                    return rs.getInt(1);
                }
            }), equalTo(0));
        }
    }

    @Test
    void aNewerFileIsRefusedWithAClearMessage() throws Exception {
        Store.open(config()).close();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("l2.db"));
             var s = c.createStatement()) {
            s.execute("INSERT INTO schema_migrations VALUES (99, 'from the future', '2030-01-01T00:00:00Z')");
        }
        StoreException e = assertThrows(StoreException.class, () -> Store.open(config()));
        assertThat(e.getMessage(), containsString("schema version 99, newer than "
                                                  + Migrations.ALL.getLast().version()));
    }
}
