package dev.larder.sync;

import dev.larder.model.EntityType;
import dev.larder.stash.StashClient;
import dev.larder.store.Store;
import dev.larder.store.WriteBatch;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes the store agree with Stash for some given ids, whatever the store held for them: an id Stash has is fetched
 * and written; an id the look-up did not find is deleted only after a direct probe confirms Stash no longer has it
 * (a look-up that comes back short is not proof), and fetched again when the probe finds it after all. Change
 * events and the deletion sweep both come here, so an entity is settled by the same rule whichever noticed it.
 *
 * <p>Stash re-points or clears what pointed at a merged-away or destroyed entity without moving its
 * {@code updated_at}, so after deletions the caller asks for {@link #referrers} and refreshes those too.
 *
 * <p>Writes go through the store's one writer in batches of at most {@code batchRows} rows. Stateless and
 * thread-safe.
 */
final class ByIdRefresh {

    private final StashClient stash;
    private final Store store;
    private final int batchRows;

    /**
     * @param stash     where entities are fetched and probed
     * @param store     where they are written
     * @param batchRows rows per write transaction, 1 or more
     */
    ByIdRefresh(StashClient stash, Store store, int batchRows) {
        this.stash = stash;
        this.store = store;
        this.batchRows = batchRows;
    }

    /**
     * What one refresh wrote.
     *
     * @param written the ids fetched and written, per type
     * @param deleted the ids whose deletion was confirmed and written, per type (no empty sets)
     */
    record Outcome(Map<EntityType, Set<Integer>> written, Map<EntityType, Set<Integer>> deleted) {

        /** @return entities written or deleted, all types together */
        int size() {
            return written.values().stream().mapToInt(Set::size).sum()
                    + deleted.values().stream().mapToInt(Set::size).sum();
        }
    }

    /**
     * Refreshes one type's ids.
     *
     * @param type a type with a list query (not gallery chapters, which are written inside their gallery)
     * @param ids  the ids; an empty collection does nothing
     * @return what was written
     * @throws dev.larder.stash.StashException when Stash fails; what was written before stays written
     */
    Outcome refresh(EntityType type, Collection<Integer> ids) {
        return refresh(Map.of(type, Set.copyOf(ids)));
    }

    /**
     * Refreshes several types' ids, parents before children.
     *
     * @param ids per type, the ids
     * @return what was written
     * @throws dev.larder.stash.StashException when Stash fails; what was written before stays written
     */
    Outcome refresh(Map<EntityType, ? extends Collection<Integer>> ids) {
        Map<EntityType, Set<Integer>> written = new EnumMap<>(EntityType.class);
        Map<EntityType, Set<Integer>> deleted = new EnumMap<>(EntityType.class);
        for (EntityType type : SyncEngine.TYPES) {
            Collection<Integer> wanted = ids.get(type);
            if (wanted == null || wanted.isEmpty()) {
                continue;
            }
            Set<Integer> fetched = new TreeSet<>(wanted);
            Set<Integer> absent = fetch(type, wanted);
            fetched.removeAll(absent);
            if (!absent.isEmpty()) {
                Set<Integer> gone = stash.missing(type, absent);
                if (!gone.isEmpty()) {
                    WriteBatch.Builder batch = WriteBatch.builder();
                    gone.forEach(id -> batch.delete(type, id));
                    store.write(batch.build()).join();
                    deleted.put(type, gone);
                }
                Set<Integer> back = new TreeSet<>(absent);
                back.removeAll(gone);
                if (!back.isEmpty()) {
                    Set<Integer> backFetched = new TreeSet<>(back);
                    backFetched.removeAll(fetch(type, back));
                    fetched.addAll(backFetched);
                }
            }
            if (!fetched.isEmpty()) {
                written.put(type, fetched);
            }
        }
        return new Outcome(written, deleted);
    }

    /**
     * The entities that point at deleted ones, which Stash changed without a hook or a new {@code updated_at}.
     * Gallery chapters are left out: they come with their gallery.
     *
     * @param deleted per type, deleted ids
     * @return per type, the ids to refresh; empty when nothing points at them
     */
    Map<EntityType, Set<Integer>> referrers(Map<EntityType, Set<Integer>> deleted) {
        Map<EntityType, Set<Integer>> referrers = new EnumMap<>(EntityType.class);
        deleted.forEach((type, ids) -> store.referencing(type, ids).forEach((referrer, referrerIds) ->
                referrers.computeIfAbsent(referrer, t -> new TreeSet<>()).addAll(referrerIds)));
        referrers.remove(EntityType.GALLERY_CHAPTER);
        return referrers;
    }

    /** Fetches and writes what Stash has; returns the ids it did not find. */
    private Set<Integer> fetch(EntityType type, Collection<Integer> ids) {
        EntitySink sink = new EntitySink(store, type, batchRows);
        Set<Integer> absent = stash.fetchByIds(type, ids, sink::upsert);
        sink.flush();
        return absent;
    }
}
