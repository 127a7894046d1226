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
 * The studio family's query SQL: the criteria of Stash's {@code StudioFilterType} that Larder answers
 * ({@code pkg/sqlite/studio_filter.go}), the studio sorts ({@code studio.go}) and the compact studio item. A
 * studio's scene, image and gallery counts are its own (not its sub-studios'), from L2's tallies.
 */
final class StudioQueries {

    private static final Tally TALLY = new Tally("studio_tallies", "studio_id");
    private static final String CHILD_COUNT =
            "(SELECT count(*) FROM studios c WHERE c.parent_id = {t}.id AND c.deleted_at IS NULL)";

    static final QuerySpec SPEC = QuerySpec.builder(EntityType.STUDIO, "studios", "StudioFilterType")
            .criterion("name", Criteria.text("{t}.name"))
            .criterion("details", Criteria.text("{t}.details"))
            .criterion("parents", Criteria.idColumn("{t}.parent_id"))
            .criterion("stash_id_endpoint", Criteria.stashIds("{t}.stash_ids"))
            .criterion("tags", Criteria.hierarchical("studio_tags", "studio_id", "tag_id", "tag_closure",
                    EntityType.TAG))
            .criterion("is_missing", Criteria.isMissing(missing()))
            .criterion("rating100", Criteria.integer("{t}.rating100"))
            .criterion("favorite", Criteria.bool("{t}.favorite"))
            .criterion("scene_count", Criteria.integer(TALLY.sum("scene_count"), EntityType.SCENE))
            .criterion("image_count", Criteria.integer(TALLY.sum("image_count"), EntityType.IMAGE))
            .criterion("gallery_count", Criteria.integer(TALLY.sum("gallery_count"), EntityType.GALLERY))
            .criterion("tag_count", Criteria.count("studio_tags", "studio_id"))
            .criterion("url", Criteria.textList("{t}.urls"))
            .criterion("aliases", Criteria.textList("{t}.aliases"))
            .criterion("child_count", Criteria.integer(CHILD_COUNT))
            .criterion("ignore_auto_tag", Criteria.bool("{t}.ignore_auto_tag"))
            .criterion("scenes_filter", Criteria.relatedFilterReferencing(EntityType.SCENE, "studio_id"))
            .criterion("images_filter", Criteria.relatedFilterReferencing(EntityType.IMAGE, "studio_id"))
            .criterion("galleries_filter", Criteria.relatedFilterReferencing(EntityType.GALLERY, "studio_id"))
            .criterion("created_at", Criteria.timestamp("{t}.created_at"))
            .criterion("updated_at", Criteria.timestamp("{t}.updated_at"))
            .sort("id", "{t}.id")
            .sort("name", "coalesce({t}.name, '') COLLATE NOCASE")
            .sort("rating", "coalesce({t}.rating100, -1)")
            .sort("created_at", "coalesce({t}.created_at, '')")
            .sort("updated_at", "coalesce({t}.updated_at, '')")
            .sort("child_count", CHILD_COUNT)
            .sort("tag_count", "(SELECT count(*) FROM studio_tags s WHERE s.studio_id = {t}.id)")
            .sort("scenes_count", TALLY.sum("scene_count"), EntityType.SCENE)
            .sort("images_count", TALLY.sum("image_count"), EntityType.IMAGE)
            .sort("galleries_count", TALLY.sum("gallery_count"), EntityType.GALLERY)
            .sort("scenes_duration", TALLY.sum("scenes_duration"), EntityType.SCENE)
            .defaultSort("name")
            .fullText("studios_fts")
            .item(new ItemShape("",
                    List.of(new Field("name", "{t}.name", Kind.TEXT),
                            new Field("favorite", "{t}.favorite", Kind.BOOL),
                            new Field("rating100", "{t}.rating100", Kind.INT),
                            new Field("scene_count", TALLY.sum("scene_count"), Kind.INT, Set.of(EntityType.SCENE)),
                            new Field("image_count", TALLY.sum("image_count"), Kind.INT, Set.of(EntityType.IMAGE)),
                            new Field("gallery_count", TALLY.sum("gallery_count"), Kind.INT,
                                    Set.of(EntityType.GALLERY))),
                    List.of(ItemShape.single("parent_studio", EntityType.STUDIO, "studios", "parent_id", "studios",
                            "name")),
                    List.of(new Media("image", "image_path"))))
            .build();

    private StudioQueries() {
    }

    /** Stash's {@code is_missing} names for studios: its special ones, then the columns it tests for blanks. */
    private static Map<String, String> missing() {
        Map<String, String> missing = new LinkedHashMap<>();
        missing.put("url", Criteria.emptyList("{t}.urls"));
        missing.put("image", Criteria.noImage("{t}.image_path"));
        missing.put("stash_id", Criteria.emptyList("{t}.stash_ids"));
        missing.put("name", Criteria.blank("{t}.name"));
        missing.put("details", Criteria.blank("{t}.details"));
        missing.put("parent_id", Criteria.blank("{t}.parent_id"));
        missing.put("rating", Criteria.blank("{t}.rating100"));
        return missing;
    }
}
