package dev.larder.emulator.library;

import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What has happened to one entity type since generation: which ids exist (1..{@link #maxId()} minus the destroyed
 * ones, since ids are never reused), the stored fields of every entity that was created or changed, and where
 * merged-away ids now point. Not thread-safe: the library guards it with its lock.
 */
final class TypeState {

    private final int baseCount;
    private int maxId;
    private final BitSet destroyed = new BitSet();
    private final Map<Integer, Map<String, Object>> stored = new HashMap<>();
    private final Map<Integer, Integer> mergedInto = new HashMap<>();
    private final Map<Integer, Set<Integer>> mergedFrom = new HashMap<>();

    TypeState(int baseCount) {
        this.baseCount = baseCount;
        this.maxId = baseCount;
    }

    int baseCount() {
        return baseCount;
    }

    /** The highest id ever allocated. */
    int maxId() {
        return maxId;
    }

    int allocate() {
        return ++maxId;
    }

    boolean live(int id) {
        return id >= 1 && id <= maxId && !destroyed.get(id);
    }

    int count() {
        return maxId - destroyed.cardinality();
    }

    void markDestroyed(int id) {
        destroyed.set(id);
        stored.remove(id);
    }

    /** The stored fields of a created or changed entity, or null for an untouched base entity. */
    Map<String, Object> stored(int id) {
        return stored.get(id);
    }

    void store(int id, Map<String, Object> fields) {
        stored.put(id, fields);
    }

    Iterable<Integer> storedIds() {
        return stored.keySet();
    }

    /** Records that {@code source} was merged into {@code destination}; the source must be destroyed too. */
    void merge(int source, int destination) {
        mergedInto.put(source, destination);
        Set<Integer> from = mergedFrom.computeIfAbsent(destination, k -> new HashSet<>());
        from.add(source);
        Set<Integer> transitive = mergedFrom.remove(source);
        if (transitive != null) {
            from.addAll(transitive);
        }
    }

    /** Where a reference to {@code id} points now: itself, its merge destination, or 0 when gone. */
    int resolve(int id) {
        Integer next;
        while ((next = mergedInto.get(id)) != null) {
            id = next;
        }
        return live(id) ? id : 0;
    }

    /** The ids that were merged into {@code id}, directly or through a chain. */
    Set<Integer> mergedInto(int id) {
        return mergedFrom.getOrDefault(id, Set.of());
    }

    // ---- arithmetic over live ids, so id-ordered pages need no scan ----

    /** Live ids in [lo, hi]. */
    int liveIn(int lo, int hi) {
        return lo > hi ? 0 : hi - lo + 1 - destroyedIn(lo, hi);
    }

    private int destroyedIn(int lo, int hi) {
        int n = 0;
        for (int i = destroyed.nextSetBit(lo); i >= 0 && i <= hi; i = destroyed.nextSetBit(i + 1)) {
            n++;
        }
        return n;
    }

    /** The k-th (0-based) live id in [lo, hi]; k must be below {@code liveIn(lo, hi)}. */
    int nthLive(int lo, int k) {
        // smallest x with liveIn(lo, x) == k + 1 is the least fixed point of x = lo + k + destroyedIn(lo, x)
        int x = lo + k;
        while (true) {
            int next = lo + k + destroyedIn(lo, x);
            if (next == x) {
                return x;
            }
            x = next;
        }
    }

    /** The next live id after {@code id}, ascending. */
    int nextLive(int id) {
        return destroyed.nextClearBit(id + 1);
    }

    /** The previous live id before {@code id}, or a value below 1 when there is none. */
    int previousLive(int id) {
        return destroyed.previousClearBit(id - 1);
    }
}
