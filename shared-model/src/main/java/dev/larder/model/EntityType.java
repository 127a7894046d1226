package dev.larder.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of Stash entity that Larder keeps, with the names Stash uses for each.
 *
 * <p>The order is the order of dependencies: an entity only refers to entities of kinds that come before it
 * (a scene refers to studios, tags, performers, groups and galleries), so a full sync that walks the kinds in
 * this order stores parents before children. Immutable and thread-safe.
 */
public enum EntityType {
    /** Tags; they form a hierarchy in which a tag may have several parents. */
    TAG("Tag", "tags"),
    /** Studios; each may have one parent studio. */
    STUDIO("Studio", "studios"),
    /** Performers. */
    PERFORMER("Performer", "performers"),
    /** Groups (called movies before Stash v0.27); groups contain sub-groups. */
    GROUP("Group", "groups"),
    /** Galleries of images. */
    GALLERY("Gallery", "galleries"),
    /** Chapters of a gallery; Stash lists them only through their gallery. */
    GALLERY_CHAPTER("GalleryChapter", "gallery_chapters"),
    /** Scenes (videos). */
    SCENE("Scene", "scenes"),
    /** Markers (time points with a primary tag) inside a scene. */
    SCENE_MARKER("SceneMarker", "scene_markers"),
    /** Images. */
    IMAGE("Image", "images");

    private final String graphqlName;
    private final String pluralName;

    EntityType(String graphqlName, String pluralName) {
        this.graphqlName = graphqlName;
        this.pluralName = pluralName;
    }

    /**
     * The GraphQL object type name, which is also the first part of a plugin hook trigger.
     *
     * @return for example {@code "SceneMarker"}
     */
    public String graphqlName() {
        return graphqlName;
    }

    /**
     * The plural, snake_case name used in Stash's result types and in Larder's URLs and tables.
     *
     * @return for example {@code "scene_markers"}
     */
    public String pluralName() {
        return pluralName;
    }

    /**
     * Finds a type by its GraphQL name. {@code "Movie"} (Stash's old name for groups) maps to {@link #GROUP}.
     *
     * @param graphqlName a name such as {@code "Scene"}
     * @return the type, or empty when Larder does not keep entities of that name
     */
    public static Optional<EntityType> fromGraphqlName(String graphqlName) {
        if ("Movie".equals(graphqlName)) {
            return Optional.of(GROUP);
        }
        return Arrays.stream(values()).filter(t -> t.graphqlName.equals(graphqlName)).findFirst();
    }

    /**
     * Finds a type by its plural name.
     *
     * @param pluralName a name such as {@code "scenes"}
     * @return the type, or empty when no type has that plural name
     */
    public static Optional<EntityType> fromPluralName(String pluralName) {
        return Arrays.stream(values()).filter(t -> t.pluralName.equals(pluralName)).findFirst();
    }
}
