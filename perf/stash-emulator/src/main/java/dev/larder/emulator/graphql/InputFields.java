package dev.larder.emulator.graphql;

import dev.larder.model.EntityType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates a mutation's input object into entity fields, following Stash's naming: {@code studio_id} sets
 * {@code studio}, {@code tag_ids} sets {@code tags}, {@code groups: [{group_id, scene_index}]} sets
 * {@code groups: [{group, scene_index}]}, and so on.
 *
 * <p>Inputs that set a relation Stash keeps on the other side ({@code child_ids} of a tag, {@code scene_ids} of a
 * gallery, {@code sub_groups} of a group) are returned apart as {@link Reverse} changes, because they change the
 * other entities' rows and not this one's.
 */
final class InputFields {

    /** Keys that carry no data the emulator keeps (image uploads, file assignment, client bookkeeping). */
    private static final Set<String> IGNORED = Set.of("id", "ids", "clientMutationId", "cover_image", "image",
            "front_image", "back_image", "primary_file_id", "file_ids", "custom_fields", "o_counter", "play_count",
            "twitter", "instagram");

    private static final Map<String, String> SINGLE_REFERENCES = Map.of(
            "studio_id", "studio", "scene_id", "scene", "gallery_id", "gallery", "primary_tag_id", "primary_tag",
            "parent_id", "parent_studio");

    private static final Map<String, String> REFERENCE_LISTS = Map.of(
            "tag_ids", "tags", "performer_ids", "performers", "gallery_ids", "galleries", "parent_ids", "parents",
            "group_ids", "groups", "movie_ids", "groups");

    /**
     * A relation set from the other side.
     *
     * @param type         the type of the other entities
     * @param field        their field that points back at this entity
     * @param derivedField this entity's derived field that lists them
     * @param ids          the other entities that must point here, replacing the current set
     * @param payload      for relations with data (a group's sub-groups' descriptions), per id; else empty
     */
    record Reverse(EntityType type, String field, String derivedField, List<Integer> ids,
                   Map<Integer, Object> payload) {
    }

    /**
     * The translated input.
     *
     * @param fields   entity fields to write on this entity
     * @param reverses relations to set on other entities
     */
    record Translated(Map<String, Object> fields, List<Reverse> reverses) {
    }

    private InputFields() {
    }

    /**
     * Translates a create or update input.
     *
     * @param type  the entity type
     * @param input the input object as GraphQL coerced it
     * @return the fields and reverse relations
     */
    @SuppressWarnings("unchecked")
    static Translated translate(EntityType type, Map<String, Object> input) {
        Map<String, Object> fields = new LinkedHashMap<>();
        List<Reverse> reverses = new ArrayList<>();
        for (Map.Entry<String, Object> e : input.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            if (IGNORED.contains(key)) {
                continue;
            }
            switch (key) {
                case "url" -> {
                    if (!input.containsKey("urls")) {
                        fields.put("urls", value == null ? List.of() : List.of(value));
                    }
                }
                case "groups" -> fields.put("groups", sceneGroups((List<Map<String, Object>>) value, "group_id"));
                case "movies" -> {
                    if (!input.containsKey("groups")) {
                        fields.put("groups", sceneGroups((List<Map<String, Object>>) value, "movie_id"));
                    }
                }
                case "containing_groups" -> fields.put("containing_groups",
                        groupDescriptions((List<Map<String, Object>>) value));
                case "sub_groups" -> {
                    Map<Integer, Object> descriptions = new LinkedHashMap<>();
                    for (Map<String, Object> d : nonNull((List<Map<String, Object>>) value)) {
                        descriptions.put(FindArguments.parseId(d.get("group_id")), d.get("description"));
                    }
                    reverses.add(new Reverse(EntityType.GROUP, "containing_groups", "sub_groups",
                            List.copyOf(descriptions.keySet()), descriptions));
                }
                case "child_ids" -> reverses.add(new Reverse(EntityType.TAG, "parents", "children", ids(value), Map.of()));
                case "scene_ids" -> reverses.add(new Reverse(EntityType.SCENE, "galleries", "scenes", ids(value), Map.of()));
                default -> {
                    if (SINGLE_REFERENCES.containsKey(key)) {
                        fields.put(SINGLE_REFERENCES.get(key), value == null ? null : FindArguments.parseId(value));
                    } else if (REFERENCE_LISTS.containsKey(key)) {
                        fields.put(REFERENCE_LISTS.get(key), ids(value));
                    } else {
                        fields.put(key, value);
                    }
                }
            }
        }
        return new Translated(fields, reverses);
    }

    /**
     * Applies a bulk update's fields to one entity's current fields: plain values are set, and
     * {@code BulkUpdateIds}/{@code BulkUpdateStrings} values are applied with their mode (SET, ADD, REMOVE).
     *
     * @param type    the entity type
     * @param input   the bulk input
     * @param current the entity's writable fields, changed in place
     */
    @SuppressWarnings("unchecked")
    static void applyBulk(EntityType type, Map<String, Object> input, Map<String, Object> current) {
        for (Map.Entry<String, Object> e : input.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            if (IGNORED.contains(key)) {
                continue;
            }
            if (value instanceof Map<?, ?> bulk && bulk.containsKey("mode")) {
                String field = key.equals("urls") ? "urls" : REFERENCE_LISTS.get(key);
                if (field == null) {
                    throw new IllegalArgumentException("unknown bulk field " + key);
                }
                List<Object> given = new ArrayList<>();
                Object values = bulk.containsKey("ids") ? bulk.get("ids") : bulk.get("values");
                for (Object v : nonNull((List<Object>) values)) {
                    given.add(field.equals("urls") ? v : FindArguments.parseId(v));
                }
                current.put(field, applyMode(type, field, (String) bulk.get("mode"), current.get(field), given));
            } else {
                translate(type, Map.of(key, value)).fields().forEach(current::put);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> applyMode(EntityType type, String field, String mode, Object current,
                                          List<Object> given) {
        boolean sceneGroups = type == EntityType.SCENE && field.equals("groups");
        List<Object> existing = current == null ? List.of() : (List<Object>) current;
        List<Object> ids = new ArrayList<>();
        for (Object o : existing) {
            ids.add(sceneGroups ? ((Map<String, Object>) o).get("group") : o);
        }
        Set<Object> result = new LinkedHashSet<>(switch (mode) {
            case "SET" -> given;
            case "ADD" -> {
                List<Object> all = new ArrayList<>(ids);
                all.addAll(given);
                yield all;
            }
            case "REMOVE" -> {
                List<Object> kept = new ArrayList<>(ids);
                kept.removeAll(given);
                yield kept;
            }
            default -> throw new IllegalArgumentException("unknown bulk mode " + mode);
        });
        if (!sceneGroups) {
            return new ArrayList<>(result);
        }
        List<Object> groups = new ArrayList<>();
        for (Object id : result) {
            Object index = existing.stream().map(o -> (Map<String, Object>) o)
                    .filter(g -> id.equals(g.get("group"))).map(g -> g.get("scene_index")).findFirst().orElse(null);
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("group", id);
            g.put("scene_index", index);
            groups.add(g);
        }
        return groups;
    }

    private static List<Map<String, Object>> sceneGroups(List<Map<String, Object>> input, String idKey) {
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Map<String, Object> g : nonNull(input)) {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("group", FindArguments.parseId(g.get(idKey)));
            group.put("scene_index", g.get("scene_index"));
            groups.add(group);
        }
        return groups;
    }

    private static List<Map<String, Object>> groupDescriptions(List<Map<String, Object>> input) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> d : nonNull(input)) {
            Map<String, Object> desc = new LinkedHashMap<>();
            desc.put("group", FindArguments.parseId(d.get("group_id")));
            desc.put("description", d.get("description"));
            out.add(desc);
        }
        return out;
    }

    private static List<Integer> ids(Object value) {
        List<Integer> ids = new ArrayList<>();
        for (Object id : nonNull((List<?>) value)) {
            ids.add(FindArguments.parseId(id));
        }
        return ids;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
