package dev.larder.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.larder.model.EntityType;
import dev.larder.stash.PageRequest;
import dev.larder.stash.StashClient;
import dev.larder.store.Store;


/**
 * Brings one type up to date by Stash's {@code updated_at}: asks for everything updated after the watermark minus
 * the overlap (Stash compares the text, STASH.md b.1), writes only what differs from the store, and moves the
 * watermark to the highest text seen. With nothing changed it writes nothing at all.
 */
final class IncrementalSync {

    private final StashClient stash;
    private final Store store;
    private final SyncSettings settings;
    private final ProgressBoard board;

    IncrementalSync(StashClient stash, Store store, SyncSettings settings, ProgressBoard board) {
        this.stash = stash;
        this.store = store;
        this.settings = settings;
        this.board = board;
    }

    /**
     * Runs for one type that has a watermark.
     *
     * @param type      the type
     * @param watermark the type's watermark
     * @return the new watermark and the rows written
     */
    TypePass run(EntityType type, String watermark) {
        board.start(type, SyncMode.INCREMENTAL);
        EntitySink sink = new EntitySink(store, type, settings.pageSize());
        String[] highest = {watermark};
        long[] seen = {0};
        PageRequest request = PageRequest.first(type, settings.pageSize())
                .updatedAfter(StashTimestamps.minus(watermark, settings.overlap()));
        stash.walk(type, request, entity -> {
            seen[0]++;
            String updatedAt = FullSync.text(entity, "updated_at");
            highest[0] = StashTimestamps.textMax(highest[0], updatedAt);
            if (!unchanged(type, entity, updatedAt)) {
                sink.upsert(entity);
            }
        });
        board.fetched(type, seen[0]);
        if (highest[0].equals(watermark)) {
            sink.flush();
        } else {
            sink.flush(SyncStateKeys.watermark(type), highest[0]);
        }
        return new TypePass(highest[0], sink.written());
    }

    /** Whether the store already holds this version: live, with the same {@code updated_at} text. */
    private boolean unchanged(EntityType type, ObjectNode entity, String updatedAt) {
        return updatedAt != null
                && store.liveUpdatedAt(type, entity.get("id").asInt()).map(updatedAt::equals).orElse(false);
    }
}
