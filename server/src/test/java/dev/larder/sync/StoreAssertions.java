package dev.larder.sync;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.larder.emulator.StashEmulator;
import dev.larder.model.EntityType;
import dev.larder.stash.MediaUrls;
import dev.larder.stash.StashClient;
import dev.larder.store.Store;
import dev.larder.store.StoredEntity;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a store with the emulator's library: every count, then every field of a sample of each type and of the
 * entities a test touched, as Stash returns them now (media URLs as Larder stores them); and SQLite's integrity.
 */
final class StoreAssertions {

    private StoreAssertions() {
    }

    /** Counts of every type, then every field of a sample of each type and of every touched entity. */
    static void assertEqualsLibrary(Store store, StashClient stash, StashEmulator emulator,
                                    List<Map.Entry<EntityType, Integer>> touched) {
        assertThat(store.integrityCheck(), is("ok"));
        for (EntityType type : SyncEngine.TYPES) {
            assertThat(type.pluralName() + " count", store.count(type), is((long) emulator.library().count(type)));
            TreeSet<Integer> sample = new TreeSet<>();
            int max = store.maxId(type).orElse(0);
            for (int i = 1; i <= 25 && max > 0; i++) {
                sample.add(1 + (int) ((long) i * 7919 % max));
            }
            touched.stream().filter(t -> t.getKey() == type).forEach(t -> sample.add(t.getValue()));
            Map<Integer, ObjectNode> remote = new HashMap<>();
            Set<Integer> gone = stash.fetchByIds(type, sample, e -> remote.put(e.get("id").asInt(), e));
            for (int id : sample) {
                Optional<StoredEntity> local = store.get(type, id);
                if (gone.contains(id)) {
                    assertThat(type.pluralName() + " " + id + " should be gone",
                            local.map(StoredEntity::live).orElse(false), is(false));
                } else {
                    assertThat(type.pluralName() + " " + id + " missing", local.isPresent(), is(true));
                    assertThat(type.pluralName() + " " + id, local.get().json(), is(withoutHosts(remote.get(id))));
                }
            }
        }
    }

    /** Stash's JSON as Larder stores it: media URLs as paths without host and key. */
    static JsonNode withoutHosts(JsonNode node) {
        if (node.isTextual() && node.asText().startsWith("http://")) {
            return TextNode.valueOf(MediaUrls.toPath(node.asText()));
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).deepCopy();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                copy.set(e.getKey(), withoutHosts(e.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            var copy = ((ArrayNode) node).deepCopy();
            copy.removeAll();
            node.forEach(n -> copy.add(withoutHosts(n)));
            return copy;
        }
        return node;
    }
}
