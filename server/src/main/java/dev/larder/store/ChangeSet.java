package dev.larder.store;

import dev.larder.model.EntityType;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one committed {@link WriteBatch} changed, for cache invalidation and derived-data upkeep. Immutable.
 *
 * @param upserted      per type, the ids written or restored (including gallery chapters written with their
 *                      gallery); types without any are absent
 * @param deleted       per type, the ids that were live and are now soft-deleted (including cascades: a deleted
 *                      scene's markers, a deleted gallery's chapters, chapters that left their gallery's list)
 * @param syncStateKeys the sync-state keys written
 * @param everything    true for a change to every entity of every type that lists no ids: the end of a bulk load,
 *                      which builds full text, closures and indexes for everything loaded
 */
public record ChangeSet(Map<EntityType, SortedSet<Integer>> upserted, Map<EntityType, SortedSet<Integer>> deleted,
                        Set<String> syncStateKeys, boolean everything) {

    /** Copies the maps, leaving out empty id sets. */
    public ChangeSet {
        upserted = freeze(upserted);
        deleted = freeze(deleted);
        syncStateKeys = Set.copyOf(syncStateKeys);
    }

    private static Map<EntityType, SortedSet<Integer>> freeze(Map<EntityType, SortedSet<Integer>> byType) {
        Map<EntityType, SortedSet<Integer>> copy = new EnumMap<>(EntityType.class);
        byType.forEach((type, ids) -> {
            if (!ids.isEmpty()) {
                copy.put(type, Collections.unmodifiableSortedSet(new TreeSet<>(ids)));
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    /**
     * @param upserted      per type, the ids written or restored
     * @param deleted       per type, the ids soft-deleted
     * @param syncStateKeys the sync-state keys written
     * @return what one batch changed
     */
    public static ChangeSet of(Map<EntityType, SortedSet<Integer>> upserted,
                               Map<EntityType, SortedSet<Integer>> deleted, Set<String> syncStateKeys) {
        return new ChangeSet(upserted, deleted, syncStateKeys, false);
    }

    /** @return a change to every entity of every type, listing no ids (see {@link #everything()}) */
    public static ChangeSet ofEverything() {
        return new ChangeSet(Map.of(), Map.of(), Set.of(), true);
    }

    /** @return the entity types with any upserted or deleted id; every type for {@link #ofEverything()} */
    public Set<EntityType> types() {
        if (everything) {
            return Collections.unmodifiableSet(EnumSet.allOf(EntityType.class));
        }
        Set<EntityType> types = EnumSet.noneOf(EntityType.class);
        types.addAll(upserted.keySet());
        types.addAll(deleted.keySet());
        return Collections.unmodifiableSet(types);
    }

    /**
     * @param type a type
     * @return the ids of that type written or restored, empty if none
     */
    public SortedSet<Integer> upserted(EntityType type) {
        return upserted.getOrDefault(type, Collections.emptySortedSet());
    }

    /**
     * @param type a type
     * @return the ids of that type soft-deleted, empty if none
     */
    public SortedSet<Integer> deleted(EntityType type) {
        return deleted.getOrDefault(type, Collections.emptySortedSet());
    }

    /** @return whether nothing changed */
    public boolean isEmpty() {
        return !everything && upserted.isEmpty() && deleted.isEmpty() && syncStateKeys.isEmpty();
    }
}
