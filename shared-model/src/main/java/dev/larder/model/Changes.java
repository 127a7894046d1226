package dev.larder.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one committed write to Larder's store changed, as an embedding program sees it: per type the ids written
 * (new, changed or restored) and the ids removed (soft-deleted because Stash no longer has them). Queries made
 * after a listener got this see the change. Immutable.
 *
 * @param written    per type, the ids written; types without any are absent
 * @param removed    per type, the ids removed; types without any are absent
 * @param everything true when the write touched too much to list (the end of a first full sync): treat every
 *                   entity of every type as changed
 */
public record Changes(Map<EntityType, SortedSet<Integer>> written, Map<EntityType, SortedSet<Integer>> removed,
                      boolean everything) {

    /** Copies the maps. */
    public Changes {
        written = freeze(written);
        removed = freeze(removed);
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

    /** @return the types with any id written or removed; every type when {@link #everything()} */
    public Set<EntityType> types() {
        if (everything) {
            return Collections.unmodifiableSet(EnumSet.allOf(EntityType.class));
        }
        Set<EntityType> types = EnumSet.noneOf(EntityType.class);
        types.addAll(written.keySet());
        types.addAll(removed.keySet());
        return Collections.unmodifiableSet(types);
    }
}
