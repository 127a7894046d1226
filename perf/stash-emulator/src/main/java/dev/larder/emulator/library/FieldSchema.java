package dev.larder.emulator.library;

import dev.larder.model.EntityType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of one entity type as the library stores them: the writable fields in GraphQL order with Stash's
 * defaults for a new entity, the ones a create must give, the references to other entities, and the derived
 * fields that are computed on read. Immutable.
 */
final class FieldSchema {

    /** How a reference field holds its ids. */
    enum RefShape {
        /** one id or null */
        ONE,
        /** a list of ids */
        MANY,
        /** a list of maps whose {@code key} entry is an id, such as a scene's {@code groups} */
        NESTED
    }

    /**
     * A field that refers to entities of another (or the same) type.
     *
     * @param name   the field
     * @param target the referenced type
     * @param shape  how the ids are held
     * @param key    the id's key inside each map for {@link RefShape#NESTED}, else null
     */
    record Ref(String name, EntityType target, RefShape shape, String key) {
    }

    private static final Map<EntityType, FieldSchema> SCHEMAS = buildAll();

    private final Map<String, Object> defaults;
    private final Set<String> required;
    private final List<Ref> refs;
    private final Set<String> derived;

    private FieldSchema(Builder b) {
        this.defaults = Collections.unmodifiableMap(b.defaults);
        this.required = Set.copyOf(b.required);
        this.refs = List.copyOf(b.refs);
        this.derived = Collections.unmodifiableSet(b.derived);
    }

    static FieldSchema of(EntityType type) {
        return SCHEMAS.get(type);
    }

    /** Writable field names, in GraphQL order, with the value a new entity gets when the field is not given. */
    Map<String, Object> defaults() {
        return defaults;
    }

    boolean writable(String field) {
        return defaults.containsKey(field);
    }

    Set<String> required() {
        return required;
    }

    List<Ref> refs() {
        return refs;
    }

    Set<String> derived() {
        return derived;
    }

    private static Map<EntityType, FieldSchema> buildAll() {
        Map<EntityType, FieldSchema> all = new EnumMap<>(EntityType.class);
        all.put(EntityType.SCENE, new Builder()
                .scalars("title", "code", "details", "director").list("urls").scalars("date", "rating100")
                .value("organized", false).value("o_counter", 0).value("interactive", false)
                .scalars("interactive_speed").list("captions").scalars("last_played_at")
                .value("resume_time", 0.0).value("play_duration", 0.0).value("play_count", 0)
                .list("play_history").list("o_history").list("files")
                .one("studio", EntityType.STUDIO).many("performers", EntityType.PERFORMER)
                .many("tags", EntityType.TAG).many("galleries", EntityType.GALLERY)
                .nested("groups", EntityType.GROUP, "group").list("stash_ids")
                .derived("scene_markers").build());
        all.put(EntityType.PERFORMER, new Builder()
                .required("name").scalars("disambiguation").list("urls")
                .scalars("gender", "birthdate", "death_date", "ethnicity", "country", "eye_color", "hair_color",
                        "height_cm", "weight", "measurements", "fake_tits", "penis_length", "circumcised",
                        "career_length", "tattoos", "piercings").list("alias_list")
                .value("favorite", false).value("ignore_auto_tag", false).scalars("rating100", "details")
                .many("tags", EntityType.TAG).list("stash_ids").build());
        all.put(EntityType.STUDIO, new Builder()
                .required("name").list("urls").list("aliases").one("parent_studio", EntityType.STUDIO)
                .many("tags", EntityType.TAG).value("ignore_auto_tag", false).scalars("rating100")
                .value("favorite", false).scalars("details").list("stash_ids")
                .derived("child_studios").build());
        all.put(EntityType.TAG, new Builder()
                .required("name").scalars("sort_name", "description").list("aliases")
                .value("ignore_auto_tag", false).value("favorite", false).many("parents", EntityType.TAG)
                .list("stash_ids").derived("children").build());
        all.put(EntityType.GROUP, new Builder()
                .required("name").scalars("aliases", "duration", "date", "rating100")
                .one("studio", EntityType.STUDIO).scalars("director", "synopsis").list("urls")
                .many("tags", EntityType.TAG).nested("containing_groups", EntityType.GROUP, "group")
                .derived("sub_groups").build());
        all.put(EntityType.GALLERY, new Builder()
                .scalars("title", "code").list("urls").scalars("date", "details", "photographer", "rating100")
                .value("organized", false).one("studio", EntityType.STUDIO).many("tags", EntityType.TAG)
                .many("performers", EntityType.PERFORMER).list("files").scalars("folder")
                .derived("scenes").derived("chapters").derived("image_count").build());
        all.put(EntityType.GALLERY_CHAPTER, new Builder()
                .required("title").required("image_index").refRequired("gallery", EntityType.GALLERY).build());
        all.put(EntityType.IMAGE, new Builder()
                .scalars("title", "code", "rating100").list("urls")
                .scalars("date", "details", "photographer").value("o_counter", 0).value("organized", false)
                .one("studio", EntityType.STUDIO).many("tags", EntityType.TAG)
                .many("performers", EntityType.PERFORMER).many("galleries", EntityType.GALLERY)
                .list("visual_files").build());
        all.put(EntityType.SCENE_MARKER, new Builder()
                .refRequired("scene", EntityType.SCENE).required("title").required("seconds")
                .scalars("end_seconds").refRequired("primary_tag", EntityType.TAG)
                .many("tags", EntityType.TAG).build());
        return all;
    }

    private static final class Builder {
        private final Map<String, Object> defaults = new LinkedHashMap<>();
        private final Set<String> required = new LinkedHashSet<>();
        private final List<Ref> refs = new ArrayList<>();
        private final Set<String> derived = new LinkedHashSet<>();

        Builder scalars(String... names) {
            for (String name : names) {
                defaults.put(name, null);
            }
            return this;
        }

        Builder value(String name, Object value) {
            defaults.put(name, value);
            return this;
        }

        Builder list(String name) {
            defaults.put(name, List.of());
            return this;
        }

        Builder required(String name) {
            required.add(name);
            return scalars(name);
        }

        Builder one(String name, EntityType target) {
            refs.add(new Ref(name, target, RefShape.ONE, null));
            return scalars(name);
        }

        Builder refRequired(String name, EntityType target) {
            required.add(name);
            return one(name, target);
        }

        Builder many(String name, EntityType target) {
            refs.add(new Ref(name, target, RefShape.MANY, null));
            return list(name);
        }

        Builder nested(String name, EntityType target, String key) {
            refs.add(new Ref(name, target, RefShape.NESTED, key));
            return list(name);
        }

        Builder derived(String name) {
            derived.add(name);
            return this;
        }

        FieldSchema build() {
            return new FieldSchema(this);
        }
    }
}
