package dev.larder.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.larder.model.EntityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static dev.larder.store.Entities.entity;
import static dev.larder.store.Entities.refs;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.anEmptyMap;

/**
 * The tallies kept by deltas through random writes, deletes (with their cascades) and restores of every source
 * type equal the tallies computed from scratch over the live entities; a bulk load and an upgrade from schema 1
 * build them too.
 */
class TalliesTest {

    private static final List<EntityType> WRITTEN = List.of(EntityType.SCENE, EntityType.IMAGE, EntityType.GALLERY,
            EntityType.SCENE_MARKER, EntityType.PERFORMER, EntityType.STUDIO, EntityType.GROUP);

    @TempDir
    Path dir;

    @Test
    void issue9_talliesFollowEveryWriteDeleteAndRestore() {
        Random random = new Random(9);
        Set<String> written = new HashSet<>();
        try (Store store = Store.open(StoreConfig.defaults(dir.resolve("l2.db")))) {
            for (int round = 0; round < 60; round++) {
                WriteBatch.Builder batch = WriteBatch.builder();
                for (int change = 0; change < 6; change++) {
                    EntityType type = WRITTEN.get(random.nextInt(WRITTEN.size()));
                    int id = 1 + random.nextInt(size(type));
                    int action = random.nextInt(6);
                    if (written.contains(type + "/" + id) && action == 0) {
                        batch.delete(type, id);
                    } else if (written.contains(type + "/" + id) && action == 1) {
                        batch.restore(type, id);
                    } else {
                        batch.upsert(type, random(type, id, random));
                        written.add(type + "/" + id);
                    }
                }
                store.write(batch.build()).join();
                for (Tallies tallies : Catalog.TALLIES) {
                    assertThat("round " + round + " " + tallies.table(), kept(store, tallies),
                            equalTo(fromScratch(store, tallies)));
                }
            }
            for (Tallies tallies : Catalog.TALLIES) {
                assertThat(tallies.table(), kept(store, tallies), not(anEmptyMap()));
            }
        }
    }

    @Test
    void issue9_aBulkLoadBuildsTheTalliesWhenItEnds() {
        Random random = new Random(10);
        try (Store store = Store.open(StoreConfig.defaults(dir.resolve("l2.db")))) {
            store.beginBulkLoad().join();
            WriteBatch.Builder batch = WriteBatch.builder();
            for (EntityType type : WRITTEN) {
                for (int id = 1; id <= size(type); id++) {
                    batch.upsert(type, random(type, id, random));
                }
            }
            store.write(batch.build()).join();
            store.endBulkLoad().join();
            for (Tallies tallies : Catalog.TALLIES) {
                assertThat(tallies.table(), kept(store, tallies), equalTo(fromScratch(store, tallies)));
                assertThat(tallies.table(), kept(store, tallies), not(anEmptyMap()));
            }
        }
    }

    @Test
    void issue9_aStoreOfSchema1GetsItsTalliesAndNewFullTextWhenUpgraded() throws SQLException {
        StoreConfig config = StoreConfig.defaults(dir.resolve("l2.db"));
        Store.open(config, Migrations.ALL.subList(0, 1)).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + config.path());
             var s = c.createStatement()) {
            s.executeUpdate("INSERT INTO tags (id, name, sort_name, synced_at) VALUES (1, 'Plain', 'zebra', 'x')");
            s.executeUpdate("INSERT INTO performers (id, name, disambiguation, synced_at)"
                            + " VALUES (1, 'Anna', 'Kitten', 'x')");
            s.executeUpdate("INSERT INTO scenes (id, o_counter, synced_at, deleted_at) VALUES (1, 2, 'x', NULL),"
                            + " (2, 5, 'x', 'gone')");
            s.executeUpdate("INSERT INTO scene_performers (scene_id, position, performer_id) VALUES (1, 0, 1),"
                            + " (2, 0, 1)");
        }
        try (Store store = Store.open(config)) {
            assertThat(store.schemaVersion(), equalTo(Store.newestSchemaVersion()));
            assertThat(kept(store, Catalog.TALLIES.getFirst()), equalTo(Map.of(1, Map.of("scene_count", "1",
                    "o_counter", "2"))));
            assertThat(store.read(c -> single(c, "SELECT count(*) FROM tags_fts WHERE tags_fts MATCH 'zebra'")),
                    equalTo(1L));
            assertThat(store.read(c -> single(c, "SELECT count(*) FROM performers_fts"
                                                 + " WHERE performers_fts MATCH 'anna'")), equalTo(1L));
            assertThat(store.read(c -> single(c, "SELECT count(*) FROM performers_fts"
                                                 + " WHERE performers_fts MATCH 'kitten'")), equalTo(0L));
        }
    }

    private static int size(EntityType type) {
        return switch (type) {
            case SCENE -> 40;
            case IMAGE, SCENE_MARKER -> 30;
            default -> 12;
        };
    }

    /** An entity of the type with random links among the first few ids of each type. */
    private static ObjectNode random(EntityType type, int id, Random random) {
        ObjectNode node = entity(id);
        switch (type) {
            case SCENE -> {
                node.set("performers", someRefs(random, 3, 12));
                node.set("tags", someRefs(random, 4, 12));
                ArrayNode groups = node.putArray("groups");
                for (int group : someIds(random, 2, 12)) {
                    groups.addObject().putNull("scene_index").putObject("group").put("id", Integer.toString(group));
                }
                studio(node, random);
                node.put("o_counter", random.nextInt(4));
                node.put("play_count", random.nextInt(5));
                if (random.nextBoolean()) {
                    node.put("last_played_at", "2025-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10)
                            + "T10:00:00Z");
                }
                ArrayNode files = node.putArray("files");
                for (int f = random.nextInt(3); f > 0; f--) {
                    files.addObject().put("id", Integer.toString(1000 * id + f)).put("path", "/f/" + id + "/" + f)
                            .put("duration", random.nextInt(100_000) / 100.0);
                }
            }
            case IMAGE -> {
                node.set("performers", someRefs(random, 2, 12));
                node.set("tags", someRefs(random, 3, 12));
                studio(node, random);
                node.put("o_counter", random.nextInt(4));
            }
            case GALLERY -> {
                node.set("performers", someRefs(random, 2, 12));
                node.set("tags", someRefs(random, 3, 12));
                studio(node, random);
            }
            case SCENE_MARKER -> {
                node.putObject("scene").put("id", Integer.toString(1 + random.nextInt(size(EntityType.SCENE))));
                node.putObject("primary_tag").put("id", Integer.toString(1 + random.nextInt(12)));
                node.set("tags", someRefs(random, 3, 12));
            }
            case PERFORMER, STUDIO, GROUP -> node.put("name", type + " " + id).set("tags", someRefs(random, 3, 12));
            default -> throw new IllegalArgumentException(type.toString());
        }
        return node;
    }

    private static void studio(ObjectNode node, Random random) {
        if (random.nextInt(4) == 0) {
            node.putNull("studio");
        } else {
            node.putObject("studio").put("id", Integer.toString(1 + random.nextInt(size(EntityType.STUDIO))));
        }
    }

    private static List<Integer> someIds(Random random, int most, int of) {
        List<Integer> ids = new ArrayList<>();
        for (int i = random.nextInt(most + 1); i > 0; i--) {
            int id = 1 + random.nextInt(of);
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static ArrayNode someRefs(Random random, int most, int of) {
        return refs(someIds(random, most, of).stream().mapToInt(Integer::intValue).toArray());
    }

    /** @return per target, its non-zero, non-null columns as the table holds them */
    private static Map<Integer, Map<String, String>> kept(Store store, Tallies tallies) {
        return store.read(c -> {
            Map<Integer, Map<String, String>> rows = new TreeMap<>();
            try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + tallies.table())) {
                while (rs.next()) {
                    for (String column : tallies.columns().keySet()) {
                        put(rows, rs.getInt(tallies.idColumn()), column, rs.getObject(column));
                    }
                }
            }
            return rows;
        });
    }

    /** @return per target, its non-zero, non-null columns computed from every live source */
    private static Map<Integer, Map<String, String>> fromScratch(Store store, Tallies tallies) {
        return store.read(c -> {
            Map<Integer, Map<String, Object>> totals = new TreeMap<>();
            for (Tallies.Feed feed : tallies.feeds()) {
                try (var s = c.createStatement(); ResultSet rs = s.executeQuery(tallies.totalsSql(feed))) {
                    while (rs.next()) {
                        int i = 2;
                        for (String column : feed.values().keySet()) {
                            Object value = rs.getObject(i++);
                            totals.computeIfAbsent(rs.getInt(1), k -> new TreeMap<>()).merge(column, value == null
                                    ? "" : value, (a, b) -> tallies.columns().get(column) == Tallies.Aggregate.SUM
                                    ? ((Number) a).longValue() + ((Number) b).longValue()
                                    : a.toString().compareTo(b.toString()) >= 0 ? a : b);
                        }
                    }
                }
            }
            Map<Integer, Map<String, String>> rows = new TreeMap<>();
            totals.forEach((id, columns) -> columns.forEach((column, value) -> put(rows, id, column,
                    "".equals(value) ? null : value)));
            return rows;
        });
    }

    private static void put(Map<Integer, Map<String, String>> rows, int id, String column, Object value) {
        if (value != null && !(value instanceof Number n && n.longValue() == 0)) {
            rows.computeIfAbsent(id, k -> new TreeMap<>()).put(column, value.toString());
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
