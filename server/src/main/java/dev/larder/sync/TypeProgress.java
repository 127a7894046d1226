package dev.larder.sync;

import dev.larder.model.EntityType;

/**
 * A snapshot of one entity type's sync, as {@code GET /api/v1/sync/status} shows it.
 *
 * @param type          the entity type
 * @param state         what it is doing
 * @param mode          the running or last sync mode, or null before the first
 * @param fetched       rows fetched from Stash in the current or last run
 * @param total         rows Stash reported for the current or last run (its {@code count}; a full sync asks every
 *                      type's before its first page), or -1 if unknown
 * @param rowsPerSecond fetch rate of the current or last run
 * @param etaSeconds    seconds left at that rate, or -1 when unknown or not running
 * @param watermark     Stash's own {@code updated_at} text up to which this type is known to be in sync, or null
 * @param lastError     the last failure's message (never a secret), or null
 * @param finishedAt    when the last run of this type finished (RFC3339, UTC), or null
 */
public record TypeProgress(EntityType type, State state, SyncMode mode, long fetched, long total,
                           double rowsPerSecond, long etaSeconds, String watermark, String lastError,
                           String finishedAt) {

    /** What a type's sync is doing. */
    public enum State {
        /** Never synced. */
        NEW,
        /** Waiting for its turn in the running sync. */
        QUEUED,
        /** Fetching and writing. */
        RUNNING,
        /** In sync as of {@code finishedAt}. */
        DONE,
        /** The last run failed; see {@code lastError}. It is retried. */
        FAILED
    }
}
