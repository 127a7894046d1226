package dev.larder.emulator.graphql;

import dev.larder.emulator.library.FindQuery;
import dev.larder.emulator.library.Library;
import dev.larder.emulator.library.EntityFiles;
import dev.larder.model.EntityType;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Stash's {@code stats} query. Counts are cheap; the sums over every scene and image are computed only when one
 * of them is selected, since they touch the whole library (as in Stash).
 */
final class LibraryStats {

    private static final Set<String> SCENE_SUMS = Set.of("scenes_size", "scenes_duration", "total_o_count",
            "total_play_duration", "total_play_count", "scenes_played");

    private final Library library;

    LibraryStats(Library library) {
        this.library = library;
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("stats", this::stats));
    }

    private Map<String, Object> stats(DataFetchingEnvironment env) {
        Map<String, Object> stats = new HashMap<>();
        stats.put("scene_count", library.count(EntityType.SCENE));
        stats.put("image_count", library.count(EntityType.IMAGE));
        stats.put("gallery_count", library.count(EntityType.GALLERY));
        stats.put("performer_count", library.count(EntityType.PERFORMER));
        stats.put("studio_count", library.count(EntityType.STUDIO));
        stats.put("group_count", library.count(EntityType.GROUP));
        stats.put("movie_count", library.count(EntityType.GROUP));
        stats.put("tag_count", library.count(EntityType.TAG));
        if (SCENE_SUMS.stream().anyMatch(env.getSelectionSet()::contains)) {
            addSceneSums(stats);
        }
        if (env.getSelectionSet().contains("images_size")) {
            double size = 0;
            for (int id : library.find(EntityType.IMAGE, FindQuery.all()).ids()) {
                size += EntityFiles.number(EntityType.IMAGE, library.get(EntityType.IMAGE, id), "size");
            }
            stats.put("images_size", size);
        }
        return stats;
    }

    private void addSceneSums(Map<String, Object> stats) {
        double size = 0;
        double duration = 0;
        double playDuration = 0;
        long oCount = 0;
        long playCount = 0;
        int played = 0;
        for (int id : library.find(EntityType.SCENE, FindQuery.all()).ids()) {
            Map<String, Object> scene = library.get(EntityType.SCENE, id);
            size += EntityFiles.number(EntityType.SCENE, scene, "size");
            duration += EntityFiles.number(EntityType.SCENE, scene, "duration");
            playDuration += EntityFiles.number(scene.get("play_duration"));
            oCount += (long) EntityFiles.number(scene.get("o_counter"));
            long plays = (long) EntityFiles.number(scene.get("play_count"));
            playCount += plays;
            played += plays > 0 ? 1 : 0;
        }
        stats.put("scenes_size", size);
        stats.put("scenes_duration", duration);
        stats.put("total_play_duration", playDuration);
        stats.put("total_o_count", (int) oCount);
        stats.put("total_play_count", (int) playCount);
        stats.put("scenes_played", played);
    }
}
