package dev.larder.store;

import dev.larder.model.EntityType;

import java.util.List;
import java.util.Map;

/**
 * Which rows point at an entity of each type: the join tables and reference columns that hold its id, with the
 * type of the entity that owns each row. The SQL that finds the owners lives here.
 */
final class References {

    /**
     * One place that holds ids of a referenced type.
     *
     * @param owner       the type of the entity the row belongs to
     * @param table       the table
     * @param ownerColumn the column holding the owner's id
     * @param column      the column holding the referenced id
     */
    record Reference(EntityType owner, String table, String ownerColumn, String column) {

        /** @return parameters: JSON array of referenced ids; yields distinct live-or-not owner ids */
        String ownersSql() {
            return "SELECT DISTINCT " + ownerColumn + " FROM " + table + " WHERE " + column
                   + " IN (SELECT value FROM json_each(?))";
        }
    }

    private static final Map<EntityType, List<Reference>> REFERENCES = Map.of(
            EntityType.TAG, List.of(
                    new Reference(EntityType.TAG, "tag_parents", "tag_id", "parent_id"),
                    new Reference(EntityType.STUDIO, "studio_tags", "studio_id", "tag_id"),
                    new Reference(EntityType.PERFORMER, "performer_tags", "performer_id", "tag_id"),
                    new Reference(EntityType.GROUP, "group_tags", "group_id", "tag_id"),
                    new Reference(EntityType.GALLERY, "gallery_tags", "gallery_id", "tag_id"),
                    new Reference(EntityType.SCENE, "scene_tags", "scene_id", "tag_id"),
                    new Reference(EntityType.SCENE_MARKER, "marker_tags", "marker_id", "tag_id"),
                    new Reference(EntityType.SCENE_MARKER, "scene_markers", "id", "primary_tag_id"),
                    new Reference(EntityType.IMAGE, "image_tags", "image_id", "tag_id")),
            EntityType.STUDIO, List.of(
                    new Reference(EntityType.STUDIO, "studios", "id", "parent_id"),
                    new Reference(EntityType.GROUP, "groups", "id", "studio_id"),
                    new Reference(EntityType.GALLERY, "galleries", "id", "studio_id"),
                    new Reference(EntityType.SCENE, "scenes", "id", "studio_id"),
                    new Reference(EntityType.IMAGE, "images", "id", "studio_id")),
            EntityType.PERFORMER, List.of(
                    new Reference(EntityType.SCENE, "scene_performers", "scene_id", "performer_id"),
                    new Reference(EntityType.GALLERY, "gallery_performers", "gallery_id", "performer_id"),
                    new Reference(EntityType.IMAGE, "image_performers", "image_id", "performer_id")),
            EntityType.GROUP, List.of(
                    new Reference(EntityType.GROUP, "group_parents", "group_id", "parent_id"),
                    new Reference(EntityType.SCENE, "scene_groups", "scene_id", "group_id")),
            EntityType.SCENE, List.of(
                    new Reference(EntityType.SCENE_MARKER, "scene_markers", "id", "scene_id")),
            EntityType.GALLERY, List.of(
                    new Reference(EntityType.SCENE, "scene_galleries", "scene_id", "gallery_id"),
                    new Reference(EntityType.IMAGE, "image_galleries", "image_id", "gallery_id")));

    private References() {
    }

    /**
     * @param type a referenced type
     * @return the places that hold its ids; empty for types nothing refers to
     */
    static List<Reference> to(EntityType type) {
        return REFERENCES.getOrDefault(type, List.of());
    }

    /** @return parameters: first id, last id; yields the counters of live scenes in the range, by id */
    static String sceneCountersSql() {
        return "SELECT id, resume_time, play_duration, play_count, o_counter, last_played_at FROM scenes"
               + " WHERE deleted_at IS NULL AND id BETWEEN ? AND ? ORDER BY id";
    }
}
