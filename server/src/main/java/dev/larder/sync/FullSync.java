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
     * Puts on the board how many rows the type's walk will fetch, as Stash counts them, so that the progress of the
     * whole sync has its total before the first page. A type this full sync has already walked, wholly or in part
     * (an earlier process was stopped), is left to its pages.
     *
     * @param type the type
     */
    void expect(EntityType type) {
        if (checkpoint(type) == null) {
            board.total(type, stash.count(type));
        }
    }

    /**
     * Walks the type from its checkpoint to the end.
     *
     * @param type the type
     * @return the highest {@code updated_at} text seen over the whole full sync of the type (its new watermark) and
     *         the rows this call wrote
     */
    TypePass run(EntityType type) {
        String checkpoint = checkpoint(type);
        String watermark = store.syncState(SyncStateKeys.fullWatermark(type)).filter(v -> !v.isEmpty()).orElse(null);
        if (DONE.equals(checkpoint)) {
            return new TypePass(watermark, 0);
        }
        PageRequest request = resume(PageRequest.first(type, settings.pageSize()), checkpoint);
        board.start(type, SyncMode.FULL);
        long fetched = 0;
        long written = 0;
        // the writer commits one page while the next is fetched; at most one write is in flight, so memory stays
        // bounded, and writes commit in order, so each checkpoint still follows the rows it describes
        CompletableFuture<Integer> inFlight = CompletableFuture.completedFuture(0);
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
            written += inFlight.join();
            inFlight = store.write(batch.build()).thenApply(changes -> changes.upserted(type).size());
            fetched += rows.size();
            board.fetched(type, rows.size());
            if (!more) {
                written += inFlight.join();
                return new TypePass(watermark, written);
            }
            request = next;
        }
    }

    /** @return the type's checkpoint in the full sync under way, or null when its walk has not begun */
    private String checkpoint(EntityType type) {
        return store.syncState(SyncStateKeys.checkpoint(type)).filter(v -> !v.isEmpty()).orElse(null);
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
