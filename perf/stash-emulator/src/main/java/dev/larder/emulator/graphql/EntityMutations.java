package dev.larder.emulator.graphql;

import dev.larder.emulator.hooks.HookFirer;
import dev.larder.emulator.library.EntityFiles;
import dev.larder.emulator.library.Library;
import dev.larder.emulator.library.NotFoundException;
import dev.larder.model.EntityType;
import dev.larder.model.HookOperation;
import dev.larder.model.HookTrigger;
import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Create, update, bulk update and destroy mutations of every entity type, with Stash's rules for which hooks fire
 * and with what input (STASH.md d.2): creates and updates bump {@code updated_at}; a bulk update fires one
 * {@code Update} hook per entity with the whole bulk input; group mutations fire both {@code Group.*} and the old
 * {@code Movie.*} hooks; {@code sceneCreate} hands the hook a null input.
 */
final class EntityMutations {

    private final Library library;
    private final HookFirer hooks;

    EntityMutations(Library library, HookFirer hooks) {
        this.library = library;
        this.hooks = hooks;
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Mutation", t -> {
            entity(t, EntityType.SCENE, "scene", "scenes");
            entity(t, EntityType.PERFORMER, "performer", "performers");
            entity(t, EntityType.STUDIO, "studio", "studios");
            entity(t, EntityType.TAG, "tag", "tags");
            entity(t, EntityType.GROUP, "group", "groups");
            entity(t, EntityType.GROUP, "movie", "movies");
            entity(t, EntityType.GALLERY, "gallery", "galleries");
            entity(t, EntityType.IMAGE, "image", "images");
            entity(t, EntityType.SCENE_MARKER, "sceneMarker", "sceneMarkers");
            t.dataFetcher("galleryChapterCreate", create(EntityType.GALLERY_CHAPTER));
            t.dataFetcher("galleryChapterUpdate", update(EntityType.GALLERY_CHAPTER));
            t.dataFetcher("galleryChapterDestroy", destroy(EntityType.GALLERY_CHAPTER, false));
            return t;
        });
    }

    /** Wires the mutations whose names follow Stash's pattern for one type; absent names are skipped. */
    private void entity(TypeRuntimeWiring.Builder t, EntityType type, String singular, String plural) {
        String capital = Character.toUpperCase(singular.charAt(0)) + singular.substring(1);
        t.dataFetcher(singular + "Create", create(type));
        t.dataFetcher(singular + "Update", update(type));
        t.dataFetcher(plural + "Update", updateEach(type));
        t.dataFetcher("bulk" + capital + "Update", bulkUpdate(type));
        t.dataFetcher(singular + "Destroy", destroy(type, false));
        t.dataFetcher(plural + "Destroy", destroy(type, true));
    }

    private DataFetcher<Map<String, Object>> create(EntityType type) {
        return env -> {
            Map<String, Object> input = env.getArgument("input");
            InputFields.Translated t = InputFields.translate(type, input);
            Map<String, Object> created = library.create(type, t.fields());
            int id = (Integer) created.get("id");
            applyReverses(type, id, t.reverses());
            fire(type, HookOperation.CREATE, id, type == EntityType.SCENE ? null : input, null);
            return library.get(type, id);
        };
    }

    private DataFetcher<Map<String, Object>> update(EntityType type) {
        return env -> updateOne(type, env.getArgument("input"));
    }

    private DataFetcher<List<Map<String, Object>>> updateEach(EntityType type) {
        return env -> {
            List<Map<String, Object>> inputs = env.getArgument("input");
            List<Map<String, Object>> out = new ArrayList<>();
            for (Map<String, Object> input : inputs) {
                out.add(updateOne(type, input));
            }
            return out;
        };
    }

    private Map<String, Object> updateOne(EntityType type, Map<String, Object> input) {
        int id = FindArguments.parseId(input.get("id"));
        InputFields.Translated t = InputFields.translate(type, input);
        library.update(type, id, fields -> fields.putAll(t.fields()));
        applyReverses(type, id, t.reverses());
        fire(type, HookOperation.UPDATE, id, input, List.copyOf(input.keySet()));
        return library.get(type, id);
    }

    private DataFetcher<List<Map<String, Object>>> bulkUpdate(EntityType type) {
        return env -> {
            Map<String, Object> input = env.getArgument("input");
            List<Map<String, Object>> out = new ArrayList<>();
            for (Object rawId : listOrEmpty(input.get("ids"))) {
                int id = FindArguments.parseId(rawId);
                library.update(type, id, fields -> InputFields.applyBulk(type, input, fields));
                fire(type, HookOperation.UPDATE, id, input, List.copyOf(input.keySet()));
                out.add(library.get(type, id));
            }
            return out;
        };
    }

    /**
     * A destroy mutation. Stash's single destroys take {@code input: {id}} (or a bare {@code id} for markers and
     * chapters); the plural ones take {@code input: {ids}} or bare {@code ids}; galleries take {@code input: {ids}}
     * even in the singular.
     */
    private DataFetcher<Boolean> destroy(EntityType type, boolean many) {
        return env -> {
            Map<String, Object> input = env.getArgument("input");
            Map<String, Object> hookInput = input != null ? input : new LinkedHashMap<>(env.getArguments());
            List<Object> ids = new ArrayList<>();
            if (hookInput.get("ids") != null) {
                ids.addAll(listOrEmpty(hookInput.get("ids")));
            } else {
                ids.add(hookInput.get("id"));
            }
            for (Object rawId : ids) {
                int id = FindArguments.parseId(rawId);
                Map<String, Object> before = library.get(type, id);
                if (before == null) {
                    throw new NotFoundException(type, id);
                }
                Map<String, Object> perEntity = new LinkedHashMap<>(hookInput);
                if (type == EntityType.SCENE || type == EntityType.IMAGE || type == EntityType.GALLERY) {
                    perEntity.putAll(EntityFiles.identity(type, before));
                }
                library.destroy(type, id);
                fire(type, HookOperation.DESTROY, id, perEntity, null);
            }
            return true;
        };
    }

    /** Sets relations kept on the other side, without bumping those entities' {@code updated_at}, as Stash. */
    @SuppressWarnings("unchecked")
    private void applyReverses(EntityType type, int id, List<InputFields.Reverse> reverses) {
        for (InputFields.Reverse r : reverses) {
            for (int other : r.ids()) {
                if (library.get(r.type(), other) == null) {
                    throw new NotFoundException(r.type(), other);
                }
            }
            Set<Integer> affected = new LinkedHashSet<>(r.ids());
            for (Object o : (List<Object>) library.get(type, id).getOrDefault(r.derivedField(), List.of())) {
                affected.add((Integer) (o instanceof Map<?, ?> m ? ((Map<String, Object>) m).get("group") : o));
            }
            for (int other : affected) {
                Map<String, Object> entity = library.get(r.type(), other);
                boolean pointsHere = pointsAt(entity.get(r.field()), id);
                boolean shouldPoint = r.ids().contains(other);
                if (pointsHere == shouldPoint && !(shouldPoint && !r.payload().isEmpty())) {
                    continue;
                }
                library.updateQuietly(r.type(), other, fields -> {
                    List<Object> list = new ArrayList<>((List<Object>) fields.getOrDefault(r.field(), List.of()));
                    list.removeIf(v -> pointsAt(List.of(v), id));
                    if (shouldPoint) {
                        list.add(r.payload().isEmpty() ? id : descriptionEntry(id, r.payload().get(other)));
                    }
                    fields.put(r.field(), list);
                });
            }
        }
    }

    private static Map<String, Object> descriptionEntry(int groupId, Object description) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("group", groupId);
        entry.put("description", description);
        return entry;
    }

    @SuppressWarnings("unchecked")
    private static boolean pointsAt(Object value, int id) {
        if (!(value instanceof List<?> list)) {
            return false;
        }
        for (Object o : list) {
            Object target = o instanceof Map<?, ?> m ? ((Map<String, Object>) m).get("group") : o;
            if (target instanceof Integer i && i == id) {
                return true;
            }
        }
        return false;
    }

    private void fire(EntityType type, HookOperation op, int id, Object input, List<String> inputFields) {
        hooks.fire(HookTrigger.of(type, op), id, input, inputFields);
        if (type == EntityType.GROUP) {
            hooks.fire(new HookTrigger("Movie", op), id, input, inputFields);
        }
    }

    private static List<?> listOrEmpty(Object value) {
        return value == null ? List.of() : (List<?>) value;
    }
}
