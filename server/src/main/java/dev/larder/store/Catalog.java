package dev.larder.store;

import dev.larder.model.EntityType;
import dev.larder.store.Shape.Kind;
import dev.larder.store.Shape.Leaf;
import dev.larder.store.Shape.Obj;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mapping of every entity type's sync fragment ({@code dev/larder/stash/sync-fields.graphql}) to L2's tables,
 * with the hierarchies, full-text indexes and delete cascades over them. Must agree with the migrations' DDL.
 */
final class Catalog {

    private static final Map<EntityType, EntityTable> TABLES = new EnumMap<>(EntityType.class);

    /** Tag, studio and group hierarchies, each with its ancestor/descendant closure. */
    static final List<Hierarchy> HIERARCHIES = List.of(
            new Hierarchy(EntityType.TAG, "tags", "tag_closure", "SELECT tag_id, parent_id FROM tag_parents"),
            new Hierarchy(EntityType.STUDIO, "studios", "studio_closure",
                    "SELECT id, parent_id FROM studios WHERE parent_id IS NOT NULL"),
            new Hierarchy(EntityType.GROUP, "groups", "group_closure",
                    "SELECT group_id, parent_id FROM group_parents"));

    private static final String ALIASES = "(SELECT group_concat(value, ' ') FROM json_each(t.%s))";

    /** Full-text indexes: their columns and each column's source expression over the entity table {@code t}. */
    static final List<FullText> FULL_TEXT = List.of(
            new FullText(EntityType.SCENE, "scenes", "scenes_fts",
                    List.of("title", "details", "code", "director", "path"),
                    List.of("t.title", "t.details", "t.code", "t.director",
                            "(SELECT group_concat(f.path, ' ') FROM scene_files f WHERE f.scene_id = t.id)")),
            new FullText(EntityType.PERFORMER, "performers", "performers_fts", List.of("name", "aliases"),
                    List.of("t.name", ALIASES.formatted("alias_list"))),
            new FullText(EntityType.TAG, "tags", "tags_fts", List.of("name", "aliases", "sort_name"),
                    List.of("t.name", ALIASES.formatted("aliases"), "t.sort_name")),
            nameAndAliases(EntityType.STUDIO, "studios"),
            nameAndAliases(EntityType.GROUP, "groups"),
            new FullText(EntityType.GALLERY, "galleries", "galleries_fts", List.of("title"), List.of("t.title")),
            new FullText(EntityType.IMAGE, "images", "images_fts", List.of("title"), List.of("t.title")));

    /** A live scene's duration in whole milliseconds: the sum over its files, as Stash sums every file's. */
    private static final String SCENE_DURATION_MS =
            "coalesce((SELECT CAST(round(sum(f.duration) * 1000) AS INTEGER) FROM scene_files f"
            + " WHERE f.scene_id = s.id), 0)";
    private static final String LIVE = "s.deleted_at IS NULL";

    /**
     * The tallies of performers, studios, tags and groups: Stash's counts and sums over the entities that point at
     * them, live ones only (Stash deletes what L2 soft-deletes, links and all). A performer's play_count sums its
     * scenes' play counts where Stash counts the distinct view times among them (L2 keeps no view times): the two
     * differ only for plays of two of its scenes in the same second.
     */
    static final List<Tallies> TALLIES = List.of(
            new Tallies("performer_tallies", "performer_id", withMax(sums("scene_count", "image_count",
                    "gallery_count", "o_counter", "play_count", "scenes_duration"), "last_played_at"),
                    List.of(new Tallies.Feed(EntityType.SCENE, "scene_performers j JOIN scenes s ON s.id = j.scene_id",
                                    LIVE, "j.performer_id", "s.id", Map.of("scene_count", "1",
                                    "o_counter", "coalesce(s.o_counter, 0)", "play_count", "coalesce(s.play_count, 0)",
                                    "scenes_duration", SCENE_DURATION_MS, "last_played_at", "s.last_played_at")),
                            new Tallies.Feed(EntityType.IMAGE, "image_performers j JOIN images s ON s.id = j.image_id",
                                    LIVE, "j.performer_id", "s.id", Map.of("image_count", "1",
                                    "o_counter", "coalesce(s.o_counter, 0)")),
                            joined(EntityType.GALLERY, "gallery_performers", "performer_id", "gallery_id", "galleries",
                                    "gallery_count"))),
            new Tallies("studio_tallies", "studio_id", sums("scene_count", "image_count", "gallery_count",
                    "scenes_duration"),
                    List.of(new Tallies.Feed(EntityType.SCENE, "scenes s", LIVE, "s.studio_id", "s.id",
                                    Map.of("scene_count", "1", "scenes_duration", SCENE_DURATION_MS)),
                            new Tallies.Feed(EntityType.IMAGE, "images s", LIVE, "s.studio_id", "s.id",
                                    Map.of("image_count", "1")),
                            new Tallies.Feed(EntityType.GALLERY, "galleries s", LIVE, "s.studio_id", "s.id",
                                    Map.of("gallery_count", "1")))),
            new Tallies("tag_tallies", "tag_id", sums("scene_count", "image_count", "gallery_count",
                    "performer_count", "studio_count", "group_count", "marker_count", "marker_links",
                    "scenes_duration"),
                    List.of(new Tallies.Feed(EntityType.SCENE, "scene_tags j JOIN scenes s ON s.id = j.scene_id",
                                    LIVE, "j.tag_id", "s.id", Map.of("scene_count", "1",
                                    "scenes_duration", SCENE_DURATION_MS)),
                            joined(EntityType.IMAGE, "image_tags", "tag_id", "image_id", "images", "image_count"),
                            joined(EntityType.GALLERY, "gallery_tags", "tag_id", "gallery_id", "galleries",
                                    "gallery_count"),
                            joined(EntityType.PERFORMER, "performer_tags", "tag_id", "performer_id", "performers",
                                    "performer_count"),
                            joined(EntityType.STUDIO, "studio_tags", "tag_id", "studio_id", "studios",
                                    "studio_count"),
                            joined(EntityType.GROUP, "group_tags", "tag_id", "group_id", "groups", "group_count"),
                            // a marker counts once per tag, whether among its tags, its primary tag or both;
                            // marker_links counts both, as Stash's scene_markers_count sort adds the two counts
                            new Tallies.Feed(EntityType.SCENE_MARKER,
                                    "marker_tags j JOIN scene_markers s ON s.id = j.marker_id", LIVE, "j.tag_id",
                                    "s.id", Map.of("marker_count", "CASE WHEN j.tag_id IS s.primary_tag_id THEN 0"
                                                   + " ELSE 1 END", "marker_links", "1")),
                            new Tallies.Feed(EntityType.SCENE_MARKER, "scene_markers s", LIVE, "s.primary_tag_id",
                                    "s.id", Map.of("marker_count", "1", "marker_links", "1")))),
            new Tallies("group_tallies", "group_id", sums("scene_count", "o_counter"),
                    List.of(new Tallies.Feed(EntityType.SCENE, "scene_groups j JOIN scenes s ON s.id = j.scene_id",
                            LIVE, "j.group_id", "s.id", Map.of("scene_count", "1",
                            "o_counter", "coalesce(s.o_counter, 0)")))));

    /**
     * What Stash deletes with an entity (its foreign keys cascade) and the store therefore soft-deletes with it.
     *
     * @param parent the deleted type
     * @param child  the type deleted with it
     * @param column the child's column holding the parent's id
     */
    record Cascade(EntityType parent, EntityType child, String column) {
    }

    static final List<Cascade> CASCADES = List.of(
            new Cascade(EntityType.SCENE, EntityType.SCENE_MARKER, "scene_id"),
            new Cascade(EntityType.GALLERY, EntityType.GALLERY_CHAPTER, "gallery_id"));

    static {
        List<Shape> chapter = List.of(id(), text("title"), integer("image_index"), text("created_at"),
                text("updated_at"));

        table(EntityType.TAG, "tags",
                cols(text("name"), text("sort_name"), text("description"), json("aliases"),
                        bool("ignore_auto_tag"), bool("favorite"), url("image_path"), json("stash_ids")),
                ids("parents", "tag_parents", "tag_id", "parent_id"));
        table(EntityType.STUDIO, "studios",
                cols(text("name"), json("urls"), json("aliases"), ref("parent_studio", "parent_id"),
                        bool("ignore_auto_tag"), url("image_path"), integer("rating100"), bool("favorite"),
                        text("details"), json("stash_ids")),
                ids("tags", "studio_tags", "studio_id", "tag_id"));
        table(EntityType.PERFORMER, "performers",
                cols(text("name"), text("disambiguation"), json("urls"), text("gender"), text("birthdate"),
                        text("death_date"), text("ethnicity"), text("country"), text("eye_color"),
                        text("hair_color"), integer("height_cm"), integer("weight"), text("measurements"),
                        text("fake_tits"), real("penis_length"), text("circumcised"), text("career_length"),
                        text("tattoos"), text("piercings"), json("alias_list"), bool("favorite"),
                        bool("ignore_auto_tag"), integer("rating100"), text("details"), url("image_path"),
                        json("stash_ids")),
                ids("tags", "performer_tags", "performer_id", "tag_id"));
        table(EntityType.GROUP, "groups",
                cols(text("name"), json("aliases"), integer("duration"), text("date"), integer("rating100"),
                        ref("studio", "studio_id"), text("director"), text("synopsis"), json("urls"),
                        url("front_image_path"), url("back_image_path")),
                ids("tags", "group_tags", "group_id", "tag_id"),
                new Relation("containing_groups", "group_parents", "group_id",
                        List.of(new Obj("group", List.of(new Leaf("id", "parent_id", Kind.ID, false)), false),
                                text("description")), null));
        table(EntityType.GALLERY, "galleries",
                cols(text("title"), text("code"), json("urls"), text("date"), text("details"), text("photographer"),
                        integer("rating100"), bool("organized"), ref("studio", "studio_id"),
                        new Obj("folder", List.of(new Leaf("id", "folder_id", Kind.ID, false),
                                new Leaf("path", "folder_path", Kind.TEXT, false)), true),
                        paths("cover", "preview")),
                ids("tags", "gallery_tags", "gallery_id", "tag_id"),
                ids("performers", "gallery_performers", "gallery_id", "performer_id"),
                new Relation("files", "gallery_files", "gallery_id", file(), null),
                new Relation("chapters", "gallery_chapters", "gallery_id", chapter, EntityType.GALLERY_CHAPTER));
        table(EntityType.GALLERY_CHAPTER, "gallery_chapters",
                cols(text("title"), integer("image_index"), ref("gallery", "gallery_id")));
        table(EntityType.SCENE, "scenes",
                cols(text("title"), text("code"), text("details"), text("director"), json("urls"), text("date"),
                        integer("rating100"), bool("organized"), integer("o_counter"), bool("interactive"),
                        integer("interactive_speed"), real("resume_time"), real("play_duration"),
                        integer("play_count"), text("last_played_at"),
                        paths("screenshot", "preview", "stream", "webp", "vtt", "sprite", "funscript", "caption",
                                "interactive_heatmap"),
                        json("captions"), ref("studio", "studio_id"), json("stash_ids")),
                new Relation("files", "scene_files", "scene_id", file(real("duration"), integer("width"),
                        integer("height"), text("format"), text("video_codec"), text("audio_codec"),
                        real("frame_rate"), integer("bit_rate")), null),
                ids("performers", "scene_performers", "scene_id", "performer_id"),
                ids("tags", "scene_tags", "scene_id", "tag_id"),
                ids("galleries", "scene_galleries", "scene_id", "gallery_id"),
                new Relation("groups", "scene_groups", "scene_id",
                        List.of(new Obj("group", List.of(new Leaf("id", "group_id", Kind.ID, false)), false),
                                integer("scene_index")), null));
        table(EntityType.SCENE_MARKER, "scene_markers",
                cols(ref("scene", "scene_id"), text("title"), real("seconds"), real("end_seconds"),
                        ref("primary_tag", "primary_tag_id")),
                ids("tags", "marker_tags", "marker_id", "tag_id"));
        table(EntityType.IMAGE, "images",
                cols(text("title"), text("code"), integer("rating100"), json("urls"), text("date"), text("details"),
                        text("photographer"), integer("o_counter"), bool("organized"), ref("studio", "studio_id"),
                        paths("thumbnail", "preview", "image")),
                ids("tags", "image_tags", "image_id", "tag_id"),
                ids("performers", "image_performers", "image_id", "performer_id"),
                ids("galleries", "image_galleries", "image_id", "gallery_id"),
                new Relation("visual_files", "image_files", "image_id", file(integer("width"), integer("height"),
                        new Leaf("duration", "duration", Kind.REAL, true)), null));
    }

    private Catalog() {
    }

    /**
     * @param type any entity type
     * @return its table
     */
    static EntityTable table(EntityType type) {
        return TABLES.get(type);
    }

    /** @return every entity table, in {@link EntityType} order */
    static List<EntityTable> tables() {
        return Arrays.stream(EntityType.values()).map(TABLES::get).toList();
    }

    /** Every entity table lists id first, its own columns, then created_at and updated_at. */
    private static List<Shape> cols(Shape... own) {
        List<Shape> columns = new ArrayList<>();
        columns.add(id());
        columns.addAll(Arrays.asList(own));
        columns.add(text("created_at"));
        columns.add(text("updated_at"));
        return List.copyOf(columns);
    }

    private static void table(EntityType type, String name, List<Shape> columns, Relation... relations) {
        TABLES.put(type, new EntityTable(type, name, columns, List.of(relations)));
    }

    /** A file: Stash's BaseFile members around the type's own ones, fingerprints kept whole and as columns. */
    private static List<Shape> file(Shape... own) {
        List<Shape> shapes = new ArrayList<>(List.of(new Leaf("id", "file_id", Kind.ID, false), text("path"),
                text("basename"), integer("size")));
        shapes.addAll(Arrays.asList(own));
        shapes.addAll(List.of(text("mod_time"), json("fingerprints"), fingerprint("md5"), fingerprint("oshash"),
                fingerprint("phash")));
        return shapes;
    }

    private static FullText nameAndAliases(EntityType type, String table) {
        return new FullText(type, table, table + "_fts", List.of("name", "aliases"),
                List.of("t.name", ALIASES.formatted("aliases")));
    }

    /** @return SUM columns by name */
    private static Map<String, Tallies.Aggregate> sums(String... names) {
        Map<String, Tallies.Aggregate> columns = new LinkedHashMap<>();
        for (String name : names) {
            columns.put(name, Tallies.Aggregate.SUM);
        }
        return columns;
    }

    /** @return the columns with one MAX column added */
    private static Map<String, Tallies.Aggregate> withMax(Map<String, Tallies.Aggregate> columns, String name) {
        columns.put(name, Tallies.Aggregate.MAX);
        return columns;
    }

    /** A count of the live entities whose join table links them to the target. */
    private static Tallies.Feed joined(EntityType source, String joinTable, String targetColumn, String sourceColumn,
                                       String sourceTable, String countColumn) {
        return new Tallies.Feed(source, joinTable + " j JOIN " + sourceTable + " s ON s.id = j." + sourceColumn, LIVE,
                "j." + targetColumn, "s.id", Map.of(countColumn, "1"));
    }

    private static Relation ids(String json, String table, String owner, String column) {
        return new Relation(json, table, owner, List.of(new Leaf("id", column, Kind.ID, false)), null);
    }

    private static Obj ref(String json, String column) {
        return new Obj(json, List.of(new Leaf("id", column, Kind.ID, false)), true);
    }

    private static Obj paths(String... names) {
        return new Obj("paths", Arrays.stream(names).<Shape>map(n -> new Leaf(n, "path_" + n, Kind.URL, false))
                .toList(), false);
    }

    private static Leaf id() {
        return new Leaf("id", "id", Kind.ID, false);
    }

    private static Leaf text(String name) {
        return new Leaf(name, name, Kind.TEXT, false);
    }

    private static Leaf integer(String name) {
        return new Leaf(name, name, Kind.INT, false);
    }

    private static Leaf real(String name) {
        return new Leaf(name, name, Kind.REAL, false);
    }

    private static Leaf bool(String name) {
        return new Leaf(name, name, Kind.BOOL, false);
    }

    private static Leaf url(String name) {
        return new Leaf(name, name, Kind.URL, false);
    }

    private static Leaf json(String name) {
        return new Leaf(name, name, Kind.JSON, false);
    }

    private static Leaf fingerprint(String type) {
        return new Leaf("fingerprints", type, Kind.FINGERPRINT, false);
    }
}
