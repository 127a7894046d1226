package dev.larder.query;

import dev.larder.cache.L1;
import dev.larder.cache.Weighed;
import dev.larder.model.EntityType;
import dev.larder.store.SqlWork;
import dev.larder.store.Store;

import java.util.List;
import java.util.Set;

/**
 * L1's {@code stats} cache as the set views use it: a view read from L2 in one read transaction, kept under its SQL,
 * its parameters and the generation stamp of the types it reads, so that a write to any of them makes it
 * unreachable. Thread-safe.
 */
final class StatsCache {

    private final Store store;
    private final L1 l1;

    StatsCache(Store store, L1 l1) {
        this.store = store;
        this.l1 = l1;
    }

    /**
     * A view kept with its weight in bytes.
     *
     * @param value       the view
     * @param weightBytes an estimate of the heap it holds
     * @param <T>         its type
     */
    record Entry<T>(T value, int weightBytes) implements Weighed {
    }

    /**
     * @param sql    every statement the view runs, which with the parameters identifies it
     * @param params their parameters
     * @param reads  the types the statements read
     * @param read   reads the view on a miss
     * @param <T>    the view's type
     * @return the view, cached or read
     */
    @SuppressWarnings("unchecked")
    <T> T get(String sql, List<Object> params, Set<EntityType> reads, SqlWork<Entry<T>> read) {
        // the stamp is taken before the read: what is read afterwards is at least as new as the stamp says
        SqlKey key = new SqlKey(sql, params, l1.generations().stamp(reads));
        return ((Entry<T>) l1.stats().get(key, () -> store.read(read))).value();
    }

    /** @return a rough count of the heap bytes a string holds */
    static int weigh(String s) {
        return s == null ? 0 : 40 + 2 * s.length();
    }
}
