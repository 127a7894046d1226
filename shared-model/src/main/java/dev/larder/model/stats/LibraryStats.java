package dev.larder.model.stats;

/**
 * Stash's library statistics ({@code StatsResultType}, its {@code stats} query), over what Larder holds, with
 * Stash's definitions ({@code internal/api/resolver.go}): sizes and durations sum every file of every scene (or
 * image), {@code total_o_count} is the o's of scenes and images together, {@code total_play_count} every play,
 * {@code scenes_played} the scenes played at least once. What Stash no longer has is left out.
 *
 * @param sceneCount        {@code scene_count}
 * @param scenesSize        {@code scenes_size}, bytes
 * @param scenesDuration    {@code scenes_duration}, seconds
 * @param imageCount        {@code image_count}
 * @param imagesSize        {@code images_size}, bytes
 * @param galleryCount      {@code gallery_count}
 * @param performerCount    {@code performer_count}
 * @param studioCount       {@code studio_count}
 * @param groupCount        {@code group_count} (and Stash's deprecated {@code movie_count})
 * @param tagCount          {@code tag_count}
 * @param totalOCount       {@code total_o_count}
 * @param totalPlayDuration {@code total_play_duration}, seconds
 * @param totalPlayCount    {@code total_play_count}
 * @param scenesPlayed      {@code scenes_played}
 */
public record LibraryStats(long sceneCount, double scenesSize, double scenesDuration, long imageCount,
                           double imagesSize, long galleryCount, long performerCount, long studioCount,
                           long groupCount, long tagCount, long totalOCount, double totalPlayDuration,
                           long totalPlayCount, long scenesPlayed) {
}
