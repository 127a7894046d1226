package dev.larder.emulator.graphql;

import dev.larder.emulator.hooks.HookFirer;
import dev.larder.emulator.library.Library;
import dev.larder.emulator.library.NotFoundException;
import dev.larder.model.EntityType;
import dev.larder.model.HookOperation;
import dev.larder.model.HookTrigger;
import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code tagsMerge}, {@code performerMerge} and {@code sceneMerge}. Only {@code tagsMerge} fires a hook, and only
 * for the destination; the sources vanish without a {@code Destroy} hook and the entities that referred to them
 * are re-pointed without a bump of their {@code updated_at} (STASH.md b.3, d.2). A scene merge moves the sources'
 * files and markers to the destination, whose {@code updated_at} moves.
 */
final class MergeMutations {

    private final Library library;
    private final HookFirer hooks;

    MergeMutations(Library library, HookFirer hooks) {
        this.library = library;
        this.hooks = hooks;
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Mutation", t -> t
                .dataFetcher("tagsMerge", env -> {
                    Map<String, Object> input = env.getArgument("input");
                    int destination = FindArguments.parseId(input.get("destination"));
                    library.merge(EntityType.TAG, ids(input.get("source")), destination);
                    hooks.fire(HookTrigger.of(EntityType.TAG, HookOperation.MERGE), destination, input, null);
                    return library.get(EntityType.TAG, destination);
                })
                .dataFetcher("performerMerge", mergeWithValues(EntityType.PERFORMER))
                .dataFetcher("sceneMerge", this::mergeScenes));
    }

    private DataFetcher<Map<String, Object>> mergeWithValues(EntityType type) {
        return env -> {
            Map<String, Object> input = env.getArgument("input");
            int destination = FindArguments.parseId(input.get("destination"));
            library.merge(type, ids(input.get("source")), destination);
            applyValues(type, destination, input);
            return library.get(type, destination);
        };
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> mergeScenes(graphql.schema.DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        int destination = FindArguments.parseId(input.get("destination"));
        if (library.get(EntityType.SCENE, destination) == null) {
            throw new NotFoundException(EntityType.SCENE, destination);
        }
        List<Map<String, Object>> sources = new ArrayList<>();
        for (int id : ids(input.get("source"))) {
            if (id == destination) {
                continue;
            }
            Map<String, Object> source = library.get(EntityType.SCENE, id);
            if (source == null) {
                throw new NotFoundException(EntityType.SCENE, id);
            }
            sources.add(source);
        }
        boolean plays = Boolean.TRUE.equals(input.get("play_history"));
        boolean os = Boolean.TRUE.equals(input.get("o_history"));
        // Stash re-points the sources' markers (a plain UPDATE of their rows) and writes the destination through
        // UpdatePartial, which bumps its updated_at even when no values are given (pkg/scene/merge.go)
        for (Map<String, Object> source : sources) {
            for (Object marker : (List<?>) source.getOrDefault("scene_markers", List.of())) {
                library.updateQuietly(EntityType.SCENE_MARKER, (Integer) marker, m -> m.put("scene", destination));
            }
        }
        library.update(EntityType.SCENE, destination, f -> {
            List<Object> files = new ArrayList<>((List<Object>) f.getOrDefault("files", List.of()));
            for (Map<String, Object> source : sources) {
                files.addAll((List<Object>) source.get("files"));
                if (plays) {
                    mergeHistory(f, source, "play_history", "play_count", "last_played_at");
                }
                if (os) {
                    mergeHistory(f, source, "o_history", "o_counter", null);
                }
            }
            f.put("files", files);
        });
        for (Map<String, Object> source : sources) {
            library.destroy(EntityType.SCENE, (Integer) source.get("id"));
        }
        applyValues(EntityType.SCENE, destination, input);
        return library.get(EntityType.SCENE, destination);
    }

    @SuppressWarnings("unchecked")
    private static void mergeHistory(Map<String, Object> f, Map<String, Object> source, String history,
                                     String count, String last) {
        List<String> all = new ArrayList<>((List<String>) f.getOrDefault(history, List.of()));
        all.addAll((List<String>) source.getOrDefault(history, List.of()));
        HistoryMutations.store(f, history, count, last, all);
    }

    @SuppressWarnings("unchecked")
    private void applyValues(EntityType type, int destination, Map<String, Object> input) {
        Map<String, Object> values = (Map<String, Object>) input.get("values");
        if (values != null) {
            Map<String, Object> fields = InputFields.translate(type, values).fields();
            library.update(type, destination, f -> f.putAll(fields));
        }
    }

    private static List<Integer> ids(Object value) {
        List<Integer> ids = new ArrayList<>();
        for (Object id : (List<?>) value) {
            ids.add(FindArguments.parseId(id));
        }
        return ids;
    }
}
