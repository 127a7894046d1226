package dev.larder.cache;

import dev.larder.model.EntityType;
import dev.larder.store.ChangeSet;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The generation of each entity type: a number that moves whenever a committed write touched that type. L1 keys
 * carry the generation of what a view read, so a view of a changed type can no longer be reached from the next
 * request on, and nothing has to be scanned to drop it (Caffeine evicts the unreachable entries in time).
 *
 * <p>Generations are drawn from one sequence shared by all types, so a view that read several types is stamped
 * with one number, the highest generation among them: if any of those types changes, it gets a number higher than
 * every earlier one, and the stamp moves. Thread-safe; {@link #advance} is called on the store's writer thread.
 */
public final class Generations {

    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLongArray byType = new AtomicLongArray(EntityType.values().length);

    /**
     * Moves the generation of every type a commit touched.
     *
     * @param changes what the commit changed
     */
    public void advance(ChangeSet changes) {
        for (EntityType type : changes.types()) {
            byType.set(type.ordinal(), sequence.incrementAndGet());
        }
    }

    /**
     * The stamp of a view that reads the given types. Take it before reading the store: a view read afterwards is
     * at least as new as the stamp says, never older.
     *
     * @param types the types the view reads
     * @return a number that changes whenever any of those types changed
     */
    public long stamp(Set<EntityType> types) {
        long stamp = 0;
        for (EntityType type : types) {
            stamp = Math.max(stamp, byType.get(type.ordinal()));
        }
        return stamp;
    }
}
