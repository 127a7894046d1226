package dev.larder.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One L1 cache of views: values computed from L2 on a miss, kept while their key is reachable and the weight
 * budget allows. Concurrent misses of one key compute it once; the computation runs on the caller's thread, outside
 * any lock (it blocks on SQLite), and a failed one is not kept. A disabled cache computes every time.
 * Thread-safe.
 *
 * @param <K> the key: an immutable value with equals and hashCode that includes the generation stamp
 * @param <V> the value
 */
public final class ViewCache<K, V extends Weighed> {

    private final String name;
    private final AsyncCache<K, V> cache;
    // counted here: Caffeine records no statistics for the map view that get() goes through
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    ViewCache(String name, L1Settings.CacheSettings settings, Duration expireAfterAccess) {
        this.name = name;
        if (!settings.enabled()) {
            this.cache = null;
            return;
        }
        Caffeine<Object, Object> builder = Caffeine.newBuilder()
                .maximumWeight(settings.maxWeightBytes())
                .recordStats();
        if (!expireAfterAccess.isZero()) {
            builder.expireAfterAccess(expireAfterAccess);
        }
        this.cache = builder.<K, V>weigher((key, value) -> Math.max(1, value.weightBytes())).buildAsync();
    }

    /** @return the cache's name, as in configuration and metrics ({@code pages}, {@code items}, {@code stats}) */
    public String name() {
        return name;
    }

    /** @return whether it keeps anything */
    public boolean enabled() {
        return cache != null;
    }

    /**
     * @param key     the key
     * @param compute computes the value on a miss, on the calling thread
     * @return the value, cached or computed
     * @throws RuntimeException whatever {@code compute} threw
     */
    public V get(K key, Supplier<V> compute) {
        Objects.requireNonNull(key, "key");
        if (cache == null) {
            misses.increment();
            return compute.get();
        }
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> present = cache.asMap().putIfAbsent(key, mine);
        if (present != null) {
            hits.increment();
            return join(present);
        }
        misses.increment();
        try {
            V value = compute.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            cache.asMap().remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * Reads what is cached without computing anything.
     *
     * @param key the key
     * @return the value, or null when not cached (or still being computed)
     */
    public V peek(K key) {
        if (cache == null) {
            misses.increment();
            return null;
        }
        CompletableFuture<V> present = cache.asMap().get(key);
        if (present == null || !present.isDone() || present.isCompletedExceptionally()) {
            misses.increment();
            return null;
        }
        hits.increment();
        return present.join();
    }

    /**
     * Looks up many keys at once and computes the missing ones together (rendering a page of items in one query).
     *
     * @param keys    the keys
     * @param missing computes the values of the keys not cached, in one go; must return a value for each
     * @return the values, in the order of the keys
     */
    public List<V> getAll(List<K> keys,
                                     Function<List<K>, Map<K, V>> missing) {
        List<V> values = new ArrayList<>(keys.size());
        List<K> absent = new ArrayList<>();
        for (K key : keys) {
            V value = peek(key);
            values.add(value);
            if (value == null) {
                absent.add(key);
            }
        }
        if (absent.isEmpty()) {
            return values;
        }
        Map<K, V> computed = missing.apply(absent);
        for (int i = 0; i < keys.size(); i++) {
            if (values.get(i) == null) {
                V value = computed.get(keys.get(i));
                if (value == null) {
                    throw new IllegalStateException(name + ": no value computed for " + keys.get(i));
                }
                values.set(i, value);
                if (cache != null) {
                    cache.put(keys.get(i), CompletableFuture.completedFuture(value));
                }
            }
        }
        return values;
    }

    /** @return look-ups answered from the cache since start */
    public long hitCount() {
        return hits.sum();
    }

    /** @return look-ups that had to compute since start (every look-up of a disabled cache) */
    public long missCount() {
        return misses.sum();
    }

    /** @return entries evicted for weight or expiry since start */
    public long evictionCount() {
        return cache == null ? 0 : cache.synchronous().stats().evictionCount();
    }

    /** @return the current weight in bytes (estimated), 0 when disabled */
    public long weightBytes() {
        if (cache == null) {
            return 0;
        }
        return cache.synchronous().policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    private static <V> V join(CompletableFuture<V> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
