package dev.larder.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.larder.model.EntityType;
import dev.larder.store.Store;
import dev.larder.store.WriteBatch;

/**
 * Collects entities streamed from Stash into write batches of a bounded size, so a walk of any length holds at
 * most one batch in memory. Not thread-safe: one walk, one sink.
 */
final class EntitySink {

    private final Store store;
    private final EntityType type;
    private final int batchRows;
    private WriteBatch.Builder batch = WriteBatch.builder();
    private int pending;
    private int written;

    EntitySink(Store store, EntityType type, int batchRows) {
        this.store = store;
        this.type = type;
        this.batchRows = batchRows;
    }

    void upsert(ObjectNode entity) {
        batch.upsert(type, entity);
        if (++pending >= batchRows) {
            flush();
        }
    }

    /** Writes what is pending, with these sync-state entries in the same transaction. */
    void flush(String... keyValues) {
        for (int i = 0; i < keyValues.length; i += 2) {
            batch.putSyncState(keyValues[i], keyValues[i + 1]);
        }
        if (pending > 0 || keyValues.length > 0) {
            store.write(batch.build()).join();
        }
        written += pending;
        pending = 0;
        batch = WriteBatch.builder();
    }

    int written() {
        return written;
    }
}
