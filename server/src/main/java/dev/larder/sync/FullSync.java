package dev.larder.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.larder.model.EntityType;
import dev.larder.stash.PageRequest;
import dev.larder.stash.PageResult;
import dev.larder.stash.StashClient;
import dev.larder.store.Store;
import dev.larder.store.WriteBatch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Copies every entity of a type from Stash, page by page in id order (keyset where Stash allows, else offset),
 * writing each page with its checkpoint in one transaction: killed at any point, the next run continues after
 * the last page written, without duplicating or losing rows.
 */
final class FullSync {

    static final String DONE = "done";

    private final StashClient stash;
    private final Store store;
    private final SyncSettings settings;
    private final ProgressBoard board;

    FullSync(StashClient stash, Store store, SyncSettings settings, ProgressBoard board) {
        this.stash = stash;
        this.store = store;
        this.settings = settings;
        this.board = board;
    }

    /**
     * Walks the type from its checkpoint to the end.
     *
     * @param type the type
     * @return the highest {@code updated_at} text seen over the whole full sync of the type (its new watermark)
     */
    String run(EntityType type) {
        String checkpoint = store.syncState(SyncStateKeys.checkpoint(type)).filter(v -> !v.isEmpty()).orElse(null);
        String watermark = store.syncState(SyncStateKeys.fullWatermark(type)).filter(v -> !v.isEmpty()).orElse(null);
        if (DONE.equals(checkpoint)) {
            return watermark;
        }
        PageRequest request = resume(PageRequest.first(type, settings.pageSize()), checkpoint);
        board.start(type, SyncMode.FULL, -1);
        long fetched = 0;
        // the writer commits one page while the next is fetched; at most one write is in flight, so memory stays
        // bounded, and writes commit in order, so each checkpoint still follows the rows it describes
        CompletableFuture<?> inFlight = CompletableFuture.completedFuture(null);
        while (true) {
            List<ObjectNode> rows = new ArrayList<>(request.size());
            PageResult result = stash.page(type, request, rows::add);
            board.total(type, request.paging() == PageRequest.Paging.KEYSET ? fetched + result.count()
                    : result.count());
            WriteBatch.Builder batch = WriteBatch.builder();
            for (ObjectNode row : rows) {
                batch.upsert(type, row);
                watermark = StashTimestamps.textMax(watermark, text(row, "updated_at"));
            }
            boolean more = request.hasMore(result);
            PageRequest next = more ? request.next(result) : null;
            batch.putSyncState(SyncStateKeys.checkpoint(type), more ? position(next) : DONE);
            if (watermark != null) {
                batch.putSyncState(SyncStateKeys.fullWatermark(type), watermark);
            }
            inFlight.join();
            inFlight = store.write(batch.build());
            fetched += rows.size();
            board.fetched(type, rows.size());
            if (!more) {
                inFlight.join();
                return watermark;
            }
            request = next;
        }
    }

    /** Where a walk stands, in the text kept as its checkpoint. */
    static String position(PageRequest request) {
        return request.paging() == PageRequest.Paging.KEYSET
                ? "after:" + request.afterId()
                : "page:" + request.page() + ":" + request.size();
    }

    private static PageRequest resume(PageRequest first, String checkpoint) {
        if (checkpoint == null) {
            return first;
        }
        String[] parts = checkpoint.split(":");
        return switch (parts[0]) {
            case "after" -> new PageRequest(first.paging(), first.size(), Integer.parseInt(parts[1]), 1,
                    first.fields(), null, null);
            case "page" -> new PageRequest(first.paging(), Integer.parseInt(parts[2]), 0, Integer.parseInt(parts[1]),
                    first.fields(), null, null);
            default -> throw new IllegalStateException("unreadable full-sync checkpoint " + checkpoint);
        };
    }

    static String text(ObjectNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
