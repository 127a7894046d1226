package dev.larder.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.larder.model.EntityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static dev.larder.store.Entities.entity;
import static dev.larder.store.Entities.refs;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The tag, studio and group closures after random inserts, multi-parent links, re-parenting, deletes and restores
 * equal a closure computed here by breadth-first search over the live entities.
 */
class ClosureTest {

    @TempDir
    Path dir;

    /** The hierarchy-specific JSON of an entity with the given parents. */
    private static ObjectNode withParents(EntityType type, int id, List<Integer> parents) {
        ObjectNode node = entity(id).put("name", type.graphqlName() + " " + id);
        switch (type) {
            case TAG -> node.set("parents", refs(parents.stream().mapToInt(Integer::intValue).toArray()));
            case STUDIO -> {
                if (parents.isEmpty()) {
                    node.putNull("parent_studio");
                } else {
                    node.putObject("parent_studio").put("id", parents.getFirst().toString());
                }
            }
            case GROUP -> {
                var containing = node.putArray("containing_groups");
                parents.forEach(p -> containing.addObject().put("description", "in " + p)
                        .putObject("group").put("id", p.toString()));
            }
            default -> throw new IllegalArgumentException(type.toString());
        }
        return node;
    }

    private static String closureTable(EntityType type) {
        return type.name().toLowerCase() + "_closure";
    }

    @ParameterizedTest
    @EnumSource(value = EntityType.class, names = {"TAG", "STUDIO", "GROUP"})
    void closureFollowsEveryChange(EntityType type) {
        int maxParents = type == EntityType.STUDIO ? 1 : 3;
        Random random = new Random(42 + type.ordinal());
        Map<Integer, List<Integer>> parents = new HashMap<>();
        Set<Integer> deleted = new HashSet<>();
        try (Store store = Store.open(StoreConfig.defaults(dir.resolve(type + ".db")))) {
            for (int round = 0; round < 40; round++) {
                WriteBatch.Builder batch = WriteBatch.builder();
                for (int change = 0; change < 5; change++) {
                    int id = 1 + random.nextInt(30);
                    if (parents.containsKey(id) && random.nextInt(4) == 0) {
                        if (deleted.contains(id) && random.nextBoolean()) {
                            batch.restore(type, id);
                            deleted.remove(id);
                        } else {
                            batch.delete(type, id);
                            deleted.add(id);
                        }
                        continue;
                    }
                    List<Integer> chosen = new ArrayList<>();
                    int count = id == 1 ? 0 : random.nextInt(maxParents + 1);
                    for (int i = 0; i < count; i++) {
                        int parent = 1 + random.nextInt(id - 1);
                        if (!chosen.contains(parent)) {
                            chosen.add(parent);
                        }
                    }
                    parents.put(id, chosen);
                    deleted.remove(id);
                    batch.upsert(type, withParents(type, id, chosen));
                }
                store.write(batch.build()).join();
                assertThat("round " + round, stored(store, type), equalTo(expected(parents, deleted)));
            }
            assertThat(store.integrityCheck(), equalTo("ok"));
        }
    }

    @Test
    void aTagWithTwoParentsHasBothAncestorLinesAtTheirShortestDepth() {
        try (Store store = Store.open(StoreConfig.defaults(dir.resolve("tags.db")))) {
            store.write(WriteBatch.builder().upsert(EntityType.TAG, Entities.tag(1, "root"))
                    .upsert(EntityType.TAG, Entities.tag(2, "mid", 1)).upsert(EntityType.TAG, Entities.tag(3, "b"))
                    .upsert(EntityType.TAG, Entities.tag(4, "leaf", 2, 3, 1)).build()).join();
            assertThat(stored(store, EntityType.TAG), equalTo(new TreeSet<>(List.of(
                    "1>1@0", "2>2@0", "3>3@0", "4>4@0", "1>2@1", "2>4@1", "3>4@1", "1>4@1"))));
            store.write(WriteBatch.builder().delete(EntityType.TAG, 2).build()).join();
            assertThat(stored(store, EntityType.TAG), equalTo(new TreeSet<>(List.of(
                    "1>1@0", "3>3@0", "4>4@0", "3>4@1", "1>4@1"))));
        }
    }

    /** @return rows as "ancestor>descendant@depth" */
    private static TreeSet<String> stored(Store store, EntityType type) {
        return store.read(c -> {
            TreeSet<String> rows = new TreeSet<>();
            try (var s = c.createStatement(); var rs = s.executeQuery(
                    "SELECT ancestor_id, descendant_id, depth FROM " + closureTable(type))) {
                while (rs.next()) {
                    rows.add(rs.getInt(1) + ">" + rs.getInt(2) + "@" + rs.getInt(3));
                }
            }
            return rows;
        });
    }

    private static TreeSet<String> expected(Map<Integer, List<Integer>> parents, Set<Integer> deleted) {
        TreeSet<String> rows = new TreeSet<>();
        for (int start : parents.keySet()) {
            if (deleted.contains(start)) {
                continue;
            }
            Map<Integer, Integer> depth = new HashMap<>(Map.of(start, 0));
            ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(start));
            while (!queue.isEmpty()) {
                int node = queue.poll();
                for (int parent : parents.getOrDefault(node, List.of())) {
                    if (parents.containsKey(parent) && !deleted.contains(parent) && !depth.containsKey(parent)) {
                        depth.put(parent, depth.get(node) + 1);
                        queue.add(parent);
                    }
                }
            }
            depth.forEach((ancestor, d) -> rows.add(ancestor + ">" + start + "@" + d));
        }
        return rows;
    }
}
