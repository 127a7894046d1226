package dev.larder.emulator.library;

import dev.larder.model.EntityType;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The reverse of the references held by stored (created or changed) entities, per derived relation: parent id to
 * the stored children that name it. Together with the base relations this gives every derived field without a
 * scan. Not thread-safe: guarded by the library's lock.
 */
final class OverlayIndex {

    private final Map<DerivedRelation, Map<Integer, SortedSet<Integer>>> children =
            new EnumMap<>(DerivedRelation.class);

    OverlayIndex() {
        for (DerivedRelation relation : DerivedRelation.values()) {
            children.put(relation, new HashMap<>());
        }
    }

    void add(EntityType childType, int child, Map<String, Object> fields) {
        for (DerivedRelation relation : DerivedRelation.withChild(childType)) {
            Map<Integer, SortedSet<Integer>> byParent = children.get(relation);
            for (int parent : relation.parentsIn(fields.get(relation.childField()))) {
                byParent.computeIfAbsent(parent, p -> new TreeSet<>()).add(child);
            }
        }
    }

    void remove(EntityType childType, int child, Map<String, Object> fields) {
        for (DerivedRelation relation : DerivedRelation.withChild(childType)) {
            Map<Integer, SortedSet<Integer>> byParent = children.get(relation);
            for (int parent : relation.parentsIn(fields.get(relation.childField()))) {
                SortedSet<Integer> set = byParent.get(parent);
                if (set != null && set.remove(child) && set.isEmpty()) {
                    byParent.remove(parent);
                }
            }
        }
    }

    /** The stored children whose reference names {@code parent} as written. */
    SortedSet<Integer> children(DerivedRelation relation, int parent) {
        return children.get(relation).getOrDefault(parent, Collections.emptySortedSet());
    }
}
