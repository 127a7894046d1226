package dev.larder.stash;

/** Which fields of each entity a page carries. */
public enum FieldSet {
    /** Every field of the type's fragment in {@code sync-fields.graphql}: what Larder stores. */
    FULL,
    /** Only {@code id}: for listings that find deletions. */
    IDS,
    /**
     * Scenes only: {@code id resume_time play_duration play_count o_counter last_played_at}, the fields that change
     * without bumping {@code updated_at} (STASH.md b.1).
     */
    COUNTERS
}
