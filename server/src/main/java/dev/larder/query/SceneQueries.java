package dev.larder.query;

import dev.larder.model.EntityType;
import dev.larder.query.ItemShape.Field;
import dev.larder.query.ItemShape.Kind;
import dev.larder.query.ItemShape.Media;

import java.util.List;

/**
 * The scene family's query SQL: the criteria of Stash's {@code SceneFilterType} that Larder answers, the scene
 * sorts, the compact scene item, and the facets, measures (Stash's statistics) and date fields of scene sets. A
 * criterion on files matches when any of the scene's files matches, as Stash joins every file; sorts, items and
 * the resolution facet use the primary file (position 0).
 */
final class SceneQueries {

    /** The primary file's value of a column, for sorts. */
    private static String primary(String column) {
        return "(SELECT f." + column + " FROM scene_files f WHERE f.scene_id = {t}.id AND f.position = 0)";
    }

    static final QuerySpec SPEC = QuerySpec.builder(EntityType.SCENE, "scenes", "SceneFilterType")
            .criterion("id", Criteria.integer("{t}.id"))
            .criterion("title", Criteria.text("{t}.title"))
            .criterion("code", Criteria.text("{t}.code"))
            .criterion("details", Criteria.text("{t}.details"))
            .criterion("director", Criteria.text("{t}.director"))
            .criterion("rating100", Criteria.integer("{t}.rating100"))
            .criterion("organized", Criteria.bool("{t}.organized"))
            .criterion("o_counter", Criteria.integer("{t}.o_counter"))
            .criterion("play_count", Criteria.integer("{t}.play_count"))
            .criterion("date", Criteria.date("{t}.date"))
            .criterion("created_at", Criteria.timestamp("{t}.created_at"))
            .criterion("updated_at", Criteria.timestamp("{t}.updated_at"))
            .criterion("tags", Criteria.hierarchical("scene_tags", "scene_id", "tag_id", "tag_closure",
                    EntityType.TAG))
            .criterion("performers", Criteria.ids("scene_performers", "scene_id", "performer_id",
                    EntityType.PERFORMER))
            .criterion("galleries", Criteria.ids("scene_galleries", "scene_id", "gallery_id", EntityType.GALLERY))
            .criterion("studios", Criteria.hierarchicalColumn("{t}.studio_id", "studio_closure", EntityType.STUDIO))
            .criterion("tag_count", Criteria.count("scene_tags", "scene_id"))
            .criterion("performer_count", Criteria.count("scene_performers", "scene_id"))
            .criterion("performers_filter", Criteria.relatedFilter(EntityType.PERFORMER, "scene_performers",
                    "scene_id", "performer_id"))
            .sort("id", "{t}.id")
            .sort("title", "coalesce({t}.title, '') COLLATE NOCASE")
            .sort("date", "coalesce({t}.date, '')")
            .sort("rating", "coalesce({t}.rating100, -1)")
            .sort("created_at", "coalesce({t}.created_at, '')")
            .sort("updated_at", "coalesce({t}.updated_at, '')")
            .sort("o_counter", "coalesce({t}.o_counter, 0)")
            .sort("play_count", "coalesce({t}.play_count, 0)")
            .sort("play_duration", "coalesce({t}.play_duration, 0)")
            .sort("resume_time", "coalesce({t}.resume_time, 0)")
            .sort("last_played_at", "coalesce({t}.last_played_at, '')")
            .sort("duration", "coalesce(" + primary("duration") + ", 0)")
            .sort("filesize", "coalesce(" + primary("size") + ", 0)")
            .sort("tag_count", "(SELECT count(*) FROM scene_tags s WHERE s.scene_id = {t}.id)")
            .sort("performer_count", "(SELECT count(*) FROM scene_performers s WHERE s.scene_id = {t}.id)")
            .defaultSort("id")
            .fullText("scenes_fts")
            .facet(Facet.related("tags", EntityType.TAG, "scene_tags", "scene_id", "tag_id", "tags", "name"))
            .facet(Facet.reference("studios", EntityType.STUDIO, "{t}.studio_id", "studios", "name"))
            .facet(Facet.related("performers", EntityType.PERFORMER, "scene_performers", "scene_id", "performer_id",
                    "performers", "name"))
            .facet(Facet.related("groups", EntityType.GROUP, "scene_groups", "scene_id", "group_id", "groups",
                    "name"))
            .facet(Facet.resolution("resolution", "JOIN scene_files ff ON ff.scene_id = {t}.id AND ff.position = 0",
                    "ff.width", "ff.height"))
            .facet(Facet.year("year", "{t}.date"))
            .measures(StashStats.SCENE_MEASURES)
            .dateField("date", "{t}.date")
            .item(new ItemShape("LEFT JOIN scene_files pf ON pf.scene_id = {t}.id AND pf.position = 0",
                    List.of(new Field("title", "{t}.title", Kind.TEXT),
                            new Field("code", "{t}.code", Kind.TEXT),
                            new Field("date", "{t}.date", Kind.TEXT),
                            new Field("rating100", "{t}.rating100", Kind.INT),
                            new Field("organized", "{t}.organized", Kind.BOOL),
                            new Field("o_counter", "{t}.o_counter", Kind.INT),
                            new Field("play_count", "{t}.play_count", Kind.INT),
                            new Field("play_duration", "{t}.play_duration", Kind.REAL),
                            new Field("resume_time", "{t}.resume_time", Kind.REAL),
                            new Field("last_played_at", "{t}.last_played_at", Kind.TEXT),
                            new Field("interactive", "{t}.interactive", Kind.BOOL),
                            new Field("created_at", "{t}.created_at", Kind.TEXT),
                            new Field("updated_at", "{t}.updated_at", Kind.TEXT),
                            new Field("file.path", "pf.path", Kind.TEXT),
                            new Field("file.size", "pf.size", Kind.INT),
                            new Field("file.duration", "pf.duration", Kind.REAL),
                            new Field("file.width", "pf.width", Kind.INT),
                            new Field("file.height", "pf.height", Kind.INT),
                            new Field("file.frame_rate", "pf.frame_rate", Kind.REAL),
                            new Field("file.bit_rate", "pf.bit_rate", Kind.INT),
                            new Field("file.video_codec", "pf.video_codec", Kind.TEXT),
                            new Field("file.audio_codec", "pf.audio_codec", Kind.TEXT)),
                    List.of(ItemShape.single("studio", EntityType.STUDIO, "scenes", "studio_id", "studios", "name"),
                            ItemShape.list("performers", EntityType.PERFORMER, "scene_performers", "scene_id",
                                    "performer_id", "performers", "name"),
                            ItemShape.list("tags", EntityType.TAG, "scene_tags", "scene_id", "tag_id", "tags",
                                    "name"),
                            ItemShape.list("groups", EntityType.GROUP, "scene_groups", "scene_id", "group_id",
                                    "groups", "name"),
                            ItemShape.list("galleries", EntityType.GALLERY, "scene_galleries", "scene_id",
                                    "gallery_id", "galleries", "title")),
                    List.of(new Media("screenshot", "path_screenshot"), new Media("preview", "path_preview"),
                            new Media("webp", "path_webp"), new Media("stream", "path_stream"),
                            new Media("vtt", "path_vtt"), new Media("sprite", "path_sprite"),
                            new Media("funscript", "path_funscript"), new Media("caption", "path_caption"),
                            new Media("interactive_heatmap", "path_interactive_heatmap"))))
            .build();

    private SceneQueries() {
    }
}
