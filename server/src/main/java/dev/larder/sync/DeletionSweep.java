package dev.larder.sync;

import dev.larder.model.EntityType;
import dev.larder.stash.FieldSet;
import dev.larder.stash.PageRequest;
import dev.larder.stash.PageResult;
import dev.larder.stash.StashClient;
import dev.larder.store.Store;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds what Stash removed without telling (merges, cleans, cascades) and what the store missed, and makes the
 * store agree: ids only the store has are deleted after a direct per-id probe says Stash has no such entity; ids
 * only Stash has are fetched and written, both by {@link ByIdRefresh}. A listing that fails or comes back short
 * never deletes anything: only the probe does.
 *
 * <p>For scenes, galleries and images (whose filter has an {@code id} criterion) the comparison is cheap: counts
 * of id ranges on both sides, bisected where they differ, since ids only grow and are never reused, a range whose
 * counts agree has lost nothing. The other types are small enough to list whole.
 */
final class DeletionSweep {

    private final StashClient stash;
    private final Store store;
    private final SyncSettings settings;
    private final ByIdRefresh refresh;

    DeletionSweep(StashClient stash, Store store, SyncSettings settings, ByIdRefresh refresh) {
        this.stash = stash;
        this.store = store;
        this.settings = settings;
        this.refresh = refresh;
    }

    /**
     * What one sweep of a type changed.
     *
     * @param deleted ids only the store had, confirmed gone from Stash and deleted
     * @param written ids whose two sides disagreed and that Stash has, fetched and written
     */
    record Outcome(Set<Integer> deleted, Set<Integer> written) {
    }

    Outcome run(EntityType type) {
        Set<Integer> deleted = new TreeSet<>();
        Set<Integer> written = new TreeSet<>();
        if (keyset(type)) {
            int top = Math.max(store.maxId(type).orElse(0), 1);
            // everything Stash has above the store's highest id is new to the store
            compare(type, top + 1, Integer.MAX_VALUE, deleted, written);
            bisect(type, 1, top, deleted, written);
        } else {
            compare(type, 1, Integer.MAX_VALUE, deleted, written);
        }
        return new Outcome(deleted, written);
    }

    private void bisect(EntityType type, int from, int to, Set<Integer> deleted, Set<Integer> written) {
        long local = store.countIdRange(type, from, to);
        long remote = stash.countIdRange(type, from, to);
        if (local == remote) {
            return;
        }
        if (Math.max(local, remote) <= settings.idsPageSize() || from == to) {
            compare(type, from, to, deleted, written);
            return;
        }
        int middle = (int) (((long) from + to) >>> 1);
        bisect(type, from, middle, deleted, written);
        bisect(type, middle + 1, to, deleted, written);
    }

    /** Lists both sides' ids within a range and refreshes the ids only one side has. */
    private void compare(EntityType type, int from, int to, Set<Integer> deleted, Set<Integer> written) {
        Set<Integer> remote = remoteIds(type, from, to);
        Set<Integer> local = new HashSet<>(store.ids(type, from, to));
        Set<Integer> differing = new TreeSet<>();
        for (int id : local) {
            if (!remote.contains(id)) {
                differing.add(id);
            }
        }
        for (int id : remote) {
            if (!local.contains(id)) {
                differing.add(id);
            }
        }
        if (differing.isEmpty()) {
            return;
        }
        ByIdRefresh.Outcome outcome = refresh.refresh(type, differing);
        deleted.addAll(outcome.deleted().getOrDefault(type, Set.of()));
        written.addAll(outcome.written().getOrDefault(type, Set.of()));
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

    private static boolean keyset(EntityType type) {
        return PageRequest.first(type, 1).paging() == PageRequest.Paging.KEYSET;
    }
}
