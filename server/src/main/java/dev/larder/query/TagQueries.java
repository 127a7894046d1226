package dev.larder.query;

import dev.larder.model.EntityType;
import dev.larder.query.ItemShape.Field;
import dev.larder.query.ItemShape.Kind;
import dev.larder.query.ItemShape.Media;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tag family's query SQL: the criteria of Stash's {@code TagFilterType} that Larder answers
 * ({@code pkg/sqlite/tag_filter.go}, {@code filter_hierarchical.go}), the tag sorts ({@code tag.go}) and the compact
 * tag item. A tag's counts are of the entities tagged with it directly (Stash's criteria and sorts take no depth),
 * from L2's tallies; parents and children are the live ones, from the closure.
 */
final class TagQueries {

    private static final Tally TALLY = new Tally("tag_tallies", "tag_id");
    private static final String PARENT_COUNT =
            "(SELECT count(*) FROM tag_closure c WHERE c.descendant_id = {t}.id AND c.depth = 1)";
    private static final String CHILD_COUNT =
            "(SELECT count(*) FROM tag_closure c WHERE c.ancestor_id = {t}.id AND c.depth = 1)";

    static final QuerySpec SPEC = QuerySpec.builder(EntityType.TAG, "tags", "TagFilterType")
            .criterion("name", Criteria.text("{t}.name"))
            .criterion("sort_name", Criteria.text("{t}.sort_name"))
            .criterion("aliases", Criteria.textList("{t}.aliases"))
            .criterion("favorite", Criteria.bool("{t}.favorite"))
            .criterion("description", Criteria.text("{t}.description"))
            .criterion("is_missing", Criteria.isMissing(missing()))
            .criterion("scene_count", Criteria.integer(TALLY.sum("scene_count"), EntityType.SCENE))
            .criterion("image_count", Criteria.integer(TALLY.sum("image_count"), EntityType.IMAGE))
            .criterion("gallery_count", Criteria.integer(TALLY.sum("gallery_count"), EntityType.GALLERY))
            .criterion("performer_count", Criteria.integer(TALLY.sum("performer_count"), EntityType.PERFORMER))
            .criterion("studio_count", Criteria.integer(TALLY.sum("studio_count"), EntityType.STUDIO))
            .criterion("movie_count", Criteria.integer(TALLY.sum("group_count"), EntityType.GROUP))
            .criterion("group_count", Criteria.integer(TALLY.sum("group_count"), EntityType.GROUP))
            .criterion("marker_count", Criteria.integer(TALLY.sum("marker_count"), EntityType.SCENE_MARKER))
            .criterion("parents", Criteria.hierarchy("tag_closure", true))
            .criterion("children", Criteria.hierarchy("tag_closure", false))
            .criterion("parent_count", Criteria.integer(PARENT_COUNT))
            .criterion("child_count", Criteria.integer(CHILD_COUNT))
            .criterion("ignore_auto_tag", Criteria.bool("{t}.ignore_auto_tag"))
            .criterion("stash_id_endpoint", Criteria.stashIds("{t}.stash_ids"))
            .criterion("scenes_filter", Criteria.relatedFilter(EntityType.SCENE, "scene_tags", "tag_id", "scene_id"))
            .criterion("images_filter", Criteria.relatedFilter(EntityType.IMAGE, "image_tags", "tag_id", "image_id"))
            .criterion("galleries_filter", Criteria.relatedFilter(EntityType.GALLERY, "gallery_tags", "tag_id",
                    "gallery_id"))
            .criterion("created_at", Criteria.timestamp("{t}.created_at"))
            .criterion("updated_at", Criteria.timestamp("{t}.updated_at"))
            .sort("id", "{t}.id")
            .sort("name", "coalesce({t}.sort_name, {t}.name, '') COLLATE NOCASE")
            .sort("created_at", "coalesce({t}.created_at, '')")
            .sort("updated_at", "coalesce({t}.updated_at, '')")
            .sort("scenes_count", TALLY.sum("scene_count"), EntityType.SCENE)
            .sort("images_count", TALLY.sum("image_count"), EntityType.IMAGE)
            .sort("galleries_count", TALLY.sum("gallery_count"), EntityType.GALLERY)
            .sort("performers_count", TALLY.sum("performer_count"), EntityType.PERFORMER)
            .sort("studios_count", TALLY.sum("studio_count"), EntityType.STUDIO)
            .sort("groups_count", TALLY.sum("group_count"), EntityType.GROUP)
            .sort("movies_count", TALLY.sum("group_count"), EntityType.GROUP)
            // Stash adds the tag's marker links and primary-tag markers, so a marker with both counts twice
            .sort("scene_markers_count", TALLY.sum("marker_links"), EntityType.SCENE_MARKER)
            .sort("scenes_duration", TALLY.sum("scenes_duration"), EntityType.SCENE)
            .defaultSort("name")
            .fullText("tags_fts")
            .item(new ItemShape("",
                    List.of(new Field("name", "{t}.name", Kind.TEXT),
                            new Field("sort_name", "{t}.sort_name", Kind.TEXT),
                            new Field("favorite", "{t}.favorite", Kind.BOOL),
                            new Field("scene_count", TALLY.sum("scene_count"), Kind.INT, Set.of(EntityType.SCENE)),
                            new Field("scene_marker_count", TALLY.sum("marker_count"), Kind.INT,
                                    Set.of(EntityType.SCENE_MARKER)),
                            new Field("image_count", TALLY.sum("image_count"), Kind.INT, Set.of(EntityType.IMAGE)),
                            new Field("gallery_count", TALLY.sum("gallery_count"), Kind.INT,
                                    Set.of(EntityType.GALLERY)),
                            new Field("performer_count", TALLY.sum("performer_count"), Kind.INT,
                                    Set.of(EntityType.PERFORMER))),
                    List.of(ItemShape.list("parents", EntityType.TAG, "tag_parents", "tag_id", "parent_id", "tags",
                                    "name"),
                            ItemShape.listByName("children", EntityType.TAG, "tag_parents", "parent_id", "tag_id",
                                    "tags", "name")),
                    List.of(new Media("image", "image_path"))))
            .build();

    private TagQueries() {
    }

    /** Stash's {@code is_missing} names for tags: the image, then the columns it tests for blanks. */
    private static Map<String, String> missing() {
        Map<String, String> missing = new LinkedHashMap<>();
        missing.put("image", Criteria.noImage("{t}.image_path"));
        for (String column : List.of("name", "sort_name", "description")) {
            missing.put(column, Criteria.blank("{t}." + column));
        }
        return missing;
    }
}
