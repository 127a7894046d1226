package dev.larder.sync;

import dev.larder.model.EntityType;

/**
 * The names under which the sync engine keeps its state in the store's sync-state table. Every key is written in
 * the same transaction as the rows it describes, so a crash never leaves a checkpoint ahead of its data.
 */
final class SyncStateKeys {

    /** {@code "running"} while a full sync is under way; a start that finds it resumes from the checkpoints. */
    static final String FULL_RUN = "full.run";
    /** UTC text of the latest play seen by the counter sweep. */
    static final String PLAYS_WATERMARK = "sweep.plays";
    /** UTC text of the latest o seen by the counter sweep. */
    static final String OS_WATERMARK = "sweep.os";

    private SyncStateKeys() {
    }

    /** Stash's own {@code updated_at} text up to which a type is in sync. */
    static String watermark(EntityType type) {
        return "watermark." + type.pluralName();
    }

    /** Where a full sync of a type continues: the last id (keyset) or page (offset) written; "done" when complete. */
    static String checkpoint(EntityType type) {
        return "full." + type.pluralName() + ".checkpoint";
    }

    /** The highest {@code updated_at} text a running full sync of a type has seen so far. */
    static String fullWatermark(EntityType type) {
        return "full." + type.pluralName() + ".watermark";
    }
}
