package dev.larder.emulator.library;

import dev.larder.model.EntityType;

import java.util.List;
import java.util.Map;

/**
 * A field that is the reverse of another entity type's reference: it is never stored, only computed on read from
 * the children whose {@code childField} refers to the parent.
 */
enum DerivedRelation {
    SCENE_MARKERS(EntityType.SCENE, "scene_markers", EntityType.SCENE_MARKER, "scene"),
    GALLERY_CHAPTERS(EntityType.GALLERY, "chapters", EntityType.GALLERY_CHAPTER, "gallery"),
    GALLERY_SCENES(EntityType.GALLERY, "scenes", EntityType.SCENE, "galleries"),
    GALLERY_IMAGES(EntityType.GALLERY, "image_count", EntityType.IMAGE, "galleries"),
    TAG_CHILDREN(EntityType.TAG, "children", EntityType.TAG, "parents"),
    STUDIO_CHILDREN(EntityType.STUDIO, "child_studios", EntityType.STUDIO, "parent_studio"),
    GROUP_SUB_GROUPS(EntityType.GROUP, "sub_groups", EntityType.GROUP, "containing_groups");

    private final EntityType parentType;
    private final String field;
    private final EntityType childType;
    private final String childField;

    DerivedRelation(EntityType parentType, String field, EntityType childType, String childField) {
        this.parentType = parentType;
        this.field = field;
        this.childType = childType;
        this.childField = childField;
    }

    EntityType parentType() {
        return parentType;
    }

    String field() {
        return field;
    }

    EntityType childType() {
        return childType;
    }

    String childField() {
        return childField;
    }

    /**
     * The parent ids a child's stored value of {@link #childField()} names, as written (not resolved).
     *
     * @param value an {@link Integer}, a list of them, or a list of maps with a {@code "group"} id; may be null
     * @return the ids, possibly empty
     */
    int[] parentsIn(Object value) {
        if (value == null) {
            return new int[0];
        }
        if (value instanceof Integer id) {
            return new int[] {id};
        }
        List<?> list = (List<?>) value;
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object item = list.get(i);
            out[i] = item instanceof Map<?, ?> map ? (Integer) map.get("group") : (Integer) item;
        }
        return out;
    }

    private static final Map<EntityType, List<DerivedRelation>> BY_CHILD = group(true);
    private static final Map<EntityType, List<DerivedRelation>> BY_PARENT = group(false);

    /** The relations whose children are of this type. */
    static List<DerivedRelation> withChild(EntityType childType) {
        return BY_CHILD.get(childType);
    }

    /** The derived fields of this type. */
    static List<DerivedRelation> withParent(EntityType parentType) {
        return BY_PARENT.get(parentType);
    }

    private static Map<EntityType, List<DerivedRelation>> group(boolean byChild) {
        Map<EntityType, List<DerivedRelation>> out = new java.util.EnumMap<>(EntityType.class);
        for (EntityType type : EntityType.values()) {
            out.put(type, java.util.Arrays.stream(values())
                    .filter(r -> (byChild ? r.childType : r.parentType) == type).toList());
        }
        return out;
    }
}
