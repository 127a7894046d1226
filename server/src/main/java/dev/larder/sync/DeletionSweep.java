package dev.larder.sync;

import dev.larder.model.EntityType;
import dev.larder.stash.FieldSet;
import dev.larder.stash.PageRequest;
import dev.larder.stash.PageResult;
import dev.larder.stash.StashClient;
import dev.larder.store.Store;
import dev.larder.store.WriteBatch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds what Stash removed without telling (merges, cleans, cascades) and what the store missed, and makes the
 * store agree: ids only the store has are deleted after a direct per-id probe says Stash has no such entity; ids
 * only Stash has are fetched and written. A listing that fails or comes back short never deletes anything: only
 * the probe does.
 *
 * <p>For scenes, galleries and images (whose filter has an {@code id} criterion) the comparison is cheap: counts
 * of id ranges on both sides, bisected where they differ, since ids only grow and are never reused, a range whose
 * counts agree has lost nothing. The other types are small enough to list whole.
 */
final class DeletionSweep {

    private final StashClient stash;
    private final Store store;
    private final SyncSettings settings;

    DeletionSweep(StashClient stash, Store store, SyncSettings settings) {
        this.stash = stash;
        this.store = store;
        this.settings = settings;
    }

    /** What one sweep of a type changed. */
    record Outcome(Set<Integer> deleted, Set<Integer> added) {
    }

    Outcome run(EntityType type) {
        Set<Integer> deleted = new TreeSet<>();
        Set<Integer> added = new TreeSet<>();
        if (keyset(type)) {
            int top = Math.max(store.maxId(type).orElse(0), 1);
            // everything Stash has above the store's highest id is new to the store
            compare(type, top + 1, Integer.MAX_VALUE, deleted, added);
            bisect(type, 1, top, deleted, added);
        } else {
            compare(type, 1, Integer.MAX_VALUE, deleted, added);
        }
        return new Outcome(deleted, added);
    }

    private void bisect(EntityType type, int from, int to, Set<Integer> deleted, Set<Integer> added) {
        long local = store.countIdRange(type, from, to);
        long remote = stash.countIdRange(type, from, to);
        if (local == remote) {
            return;
        }
        if (Math.max(local, remote) <= settings.idsPageSize() || from == to) {
            compare(type, from, to, deleted, added);
            return;
        }
        int middle = (int) (((long) from + to) >>> 1);
        bisect(type, from, middle, deleted, added);
        bisect(type, middle + 1, to, deleted, added);
    }

    /** Lists both sides' ids within a range and resolves the differences. */
    private void compare(EntityType type, int from, int to, Set<Integer> deleted, Set<Integer> added) {
        Set<Integer> remote = remoteIds(type, from, to);
        Set<Integer> local = new HashSet<>(store.ids(type, from, to));
        List<Integer> onlyLocal = new ArrayList<>();
        for (int id : local) {
            if (!remote.contains(id)) {
                onlyLocal.add(id);
            }
        }
        List<Integer> onlyRemote = new ArrayList<>();
        for (int id : remote) {
            if (!local.contains(id)) {
                onlyRemote.add(id);
            }
        }
        deleted.addAll(deleteConfirmed(type, onlyLocal));
        added.addAll(fetch(type, onlyRemote));
    }

    private Set<Integer> remoteIds(EntityType type, int from, int to) {
        Set<Integer> ids = new HashSet<>();
        PageRequest request = PageRequest.first(type, settings.idsPageSize()).fields(FieldSet.IDS);
        if (request.paging() == PageRequest.Paging.KEYSET) {
            request = new PageRequest(request.paging(), request.size(), from - 1, 1, FieldSet.IDS, null, null);
        }
        while (true) {
            PageResult result = stash.page(type, request, entity -> {
                int id = entity.get("id").asInt();
                if (id >= from && id <= to) {
                    ids.add(id);
                }
            });
            boolean pastRange = request.paging() == PageRequest.Paging.KEYSET && result.lastId() >= to;
            if (pastRange || !request.hasMore(result)) {
                return ids;
            }
            request = request.next(result);
        }
    }

    /** Deletes the ids a direct probe says Stash no longer has; returns them. The client batches the probes. */
    private Set<Integer> deleteConfirmed(EntityType type, Collection<Integer> candidates) {
        if (candidates.isEmpty()) {
            return Set.of();
        }
        Set<Integer> gone = new TreeSet<>(stash.missing(type, candidates));
        if (!gone.isEmpty()) {
            WriteBatch.Builder write = WriteBatch.builder();
            gone.forEach(id -> write.delete(type, id));
            store.write(write.build()).join();
        }
        return gone;
    }

    /**
     * Fetches and rewrites entities whose relations changed in Stash without their {@code updated_at} moving
     * (they pointed at something merged away or destroyed).
     *
     * @param type the type
     * @param ids  the entities
     * @return how many were rewritten
     */
    int refetch(EntityType type, Collection<Integer> ids) {
        return fetch(type, ids).size();
    }

    private Set<Integer> fetch(EntityType type, Collection<Integer> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        EntitySink sink = new EntitySink(store, type, settings.pageSize());
        Set<Integer> fetched = new TreeSet<>(ids);
        fetched.removeAll(stash.fetchByIds(type, ids, sink::upsert));
        sink.flush();
        return fetched;
    }

    private static boolean keyset(EntityType type) {
        return PageRequest.first(type, 1).paging() == PageRequest.Paging.KEYSET;
    }
}
