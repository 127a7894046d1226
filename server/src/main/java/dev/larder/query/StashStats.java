package dev.larder.query;

import dev.larder.model.EntityType;
import dev.larder.model.stats.LibraryStats;
import dev.larder.model.stats.Totals;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Stash's library statistics (its {@code stats} query, {@code internal/api/resolver.go}) over L2, and the measures
 * they sum, which the scene and image families declare as theirs, so that a filtered set's totals and the
 * library's are one definition. As in Stash: sizes and durations sum every file, not only the primary one;
 * {@code total_o_count} adds the o's of images to those of scenes; {@code scenes_played} counts the scenes
 * played at least once. What Stash no longer has is left out.
 */
final class StashStats {

    /** What a scene adds to its set's totals. */
    static final List<Measure> SCENE_MEASURES = List.of(
            new Measure("size", "(SELECT coalesce(sum(sf.size), 0) FROM scene_files sf WHERE sf.scene_id = {t}.id)",
                    false),
            new Measure("duration",
                    "(SELECT coalesce(sum(sf.duration), 0) FROM scene_files sf WHERE sf.scene_id = {t}.id)", true),
            new Measure("o_counter", "coalesce({t}.o_counter, 0)", false),
            new Measure("play_count", "coalesce({t}.play_count, 0)", false),
            new Measure("play_duration", "coalesce({t}.play_duration, 0)", true),
            new Measure("played", "(coalesce({t}.play_count, 0) > 0)", false));

    /** What an image adds to its set's totals. */
    static final List<Measure> IMAGE_MEASURES = List.of(
            new Measure("size", "(SELECT coalesce(sum(sf.size), 0) FROM image_files sf WHERE sf.image_id = {t}.id)",
                    false),
            new Measure("o_counter", "coalesce({t}.o_counter, 0)", false));

    /** The tables Stash's statistics count, with what they sum of each. */
    private static final Map<EntityType, SetTotals> PARTS = new EnumMap<>(Map.of(
            EntityType.SCENE, live("scenes", SCENE_MEASURES),
            EntityType.IMAGE, live("images", IMAGE_MEASURES),
            EntityType.GALLERY, live("galleries", List.of()),
            EntityType.PERFORMER, live("performers", List.of()),
            EntityType.STUDIO, live("studios", List.of()),
            EntityType.GROUP, live("groups", List.of()),
            EntityType.TAG, live("tags", List.of())));

    private static SetTotals live(String table, List<Measure> measures) {
        return new SetTotals(table, measures, Where.of("t.deleted_at IS NULL"));
    }

    private final StatsCache cache;

    StashStats(StatsCache cache) {
        this.cache = cache;
    }

    /** @return the statistics of everything Larder holds */
    LibraryStats library() {
        String sql = PARTS.values().stream().map(SetTotals::sql).collect(Collectors.joining(";\n"));
        return cache.get(sql, List.of(), PARTS.keySet(), c -> {
            Map<EntityType, Totals> totals = new EnumMap<>(EntityType.class);
            for (Map.Entry<EntityType, SetTotals> part : PARTS.entrySet()) {
                totals.put(part.getKey(), part.getValue().read(c));
            }
            Totals scenes = totals.get(EntityType.SCENE);
            Totals images = totals.get(EntityType.IMAGE);
            LibraryStats stats = new LibraryStats(scenes.count(), real(scenes, "size"), real(scenes, "duration"),
                    images.count(), real(images, "size"), totals.get(EntityType.GALLERY).count(),
                    totals.get(EntityType.PERFORMER).count(), totals.get(EntityType.STUDIO).count(),
                    totals.get(EntityType.GROUP).count(), totals.get(EntityType.TAG).count(),
                    whole(scenes, "o_counter") + whole(images, "o_counter"), real(scenes, "play_duration"),
                    whole(scenes, "play_count"), whole(scenes, "played"));
            return new StatsCache.Entry<>(stats, 160);
        });
    }

    private static double real(Totals totals, String measure) {
        return totals.sums().get(measure).doubleValue();
    }

    private static long whole(Totals totals, String measure) {
        return totals.sums().get(measure).longValue();
    }
}
