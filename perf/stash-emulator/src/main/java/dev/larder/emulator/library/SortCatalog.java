package dev.larder.emulator.library;

import dev.larder.model.EntityType;

import java.util.Set;

/**
 * Which sort names Stash accepts for each type (its per-type whitelist, CVE-2024-32231), which of them the emulator
 * implements, and each type's default order.
 */
final class SortCatalog {

    private SortCatalog() {
    }

    /** Stash's whitelist for a type; chapters have no list query in Stash, so theirs is the emulator's own. */
    static Set<String> stashSorts(EntityType type) {
        return switch (type) {
            case SCENE -> Set.of("bitrate", "created_at", "code", "date", "file_count", "filesize", "duration",
                    "file_mod_time", "framerate", "group_scene_number", "id", "interactive", "interactive_speed",
                    "last_o_at", "last_played_at", "movie_scene_number", "o_counter", "organized",
                    "performer_count", "play_count", "play_duration", "resume_time", "path",
                    "perceptual_similarity", "random", "rating", "resolution", "studio", "tag_count", "title",
                    "updated_at", "performer_age");
            case PERFORMER -> Set.of("birthdate", "career_length", "created_at", "galleries_count", "height", "id",
                    "images_count", "last_o_at", "last_played_at", "measurements", "name", "o_counter",
                    "penis_length", "play_count", "random", "rating", "scenes_count", "scenes_duration",
                    "tag_count", "updated_at", "weight");
            case STUDIO -> Set.of("child_count", "created_at", "galleries_count", "id", "images_count", "name",
                    "scenes_count", "random", "rating", "updated_at");
            case TAG -> Set.of("created_at", "galleries_count", "id", "images_count", "name", "performers_count",
                    "random", "scene_markers_count", "scenes_count", "updated_at");
            case GROUP -> Set.of("created_at", "date", "duration", "id", "name", "random", "rating",
                    "scenes_count", "o_counter", "sub_group_order", "tag_count", "updated_at");
            case GALLERY -> Set.of("created_at", "date", "file_count", "file_mod_time", "id", "images_count",
                    "path", "performer_count", "random", "rating", "tag_count", "title", "updated_at");
            case IMAGE -> Set.of("created_at", "date", "file_count", "file_mod_time", "filesize", "id",
                    "o_counter", "path", "performer_count", "random", "rating", "resolution", "tag_count",
                    "title", "updated_at");
            case SCENE_MARKER -> Set.of("created_at", "id", "title", "random", "scene_id", "scenes_updated_at",
                    "seconds", "updated_at");
            case GALLERY_CHAPTER -> Set.of("created_at", "id", "title", "random", "updated_at");
        };
    }

    /** True when the emulator implements a sort that Stash accepts for the type. */
    static boolean implemented(EntityType type, String sort) {
        return switch (sort) {
            case "id", "created_at", "updated_at", "random" -> true;
            case "title" -> hasTitle(type);
            case "name" -> !hasTitle(type);
            case "date" -> type == EntityType.SCENE || type == EntityType.GALLERY || type == EntityType.IMAGE
                    || type == EntityType.GROUP;
            case "last_played_at", "last_o_at" -> type == EntityType.SCENE;
            case "rating" -> type != EntityType.TAG && type != EntityType.SCENE_MARKER
                    && type != EntityType.GALLERY_CHAPTER;
            default -> false;
        };
    }

    /** True when the type's default order is by id (Stash gives no ORDER BY, SQLite returns rowid order). */
    static boolean defaultsToId(EntityType type) {
        return hasTitle(type);
    }

    /** Types with a title; the others (performers, studios, tags, groups) have a name and sort by it by default. */
    static boolean hasTitle(EntityType type) {
        return switch (type) {
            case SCENE, GALLERY, IMAGE, SCENE_MARKER, GALLERY_CHAPTER -> true;
            case PERFORMER, STUDIO, TAG, GROUP -> false;
        };
    }

    /** The stored field a sort reads. */
    static String field(String sort) {
        return sort.equals("rating") ? "rating100" : sort;
    }
}
