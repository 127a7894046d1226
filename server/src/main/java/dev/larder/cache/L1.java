package dev.larder.cache;

import dev.larder.store.Store;
import io.helidon.metrics.api.FunctionalCounter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Larder's L1: the hot views of the query engine in the server's heap, in three Caffeine caches bounded by bytes
 * (result pages and counts, rendered items, statistics), with the per-type {@link Generations} that keep them
 * from ever serving a stale view. Keys are the query engine's; L1 only keeps them.
 *
 * <p>Figures per cache are meters at {@code /observe/metrics}: {@code larder.l1.hits}, {@code larder.l1.misses},
 * {@code larder.l1.evictions} (counters) and {@code larder.l1.weight} (bytes), each tagged {@code cache}.
 * Thread-safe.
 */
public final class L1 {

    private final Generations generations = new Generations();
    private final ViewCache<Object, Weighed> pages;
    private final ViewCache<Object, Weighed> items;
    private final ViewCache<Object, Weighed> stats;

    /**
     * @param settings the caches' budgets and switches
     */
    public L1(L1Settings settings) {
        this.pages = new ViewCache<>("pages", settings.pages(), settings.expireAfterAccess());
        this.items = new ViewCache<>("items", settings.items(), settings.expireAfterAccess());
        this.stats = new ViewCache<>("stats", settings.stats(), settings.expireAfterAccess());
    }

    /**
     * Keeps the generations in step with a store: each commit moves the generations of the types it touched before
     * the write is reported done.
     *
     * @param store the store whose views this caches
     * @return this
     */
    public L1 follow(Store store) {
        store.addCommitListener(generations::advance);
        return this;
    }

    /** @return the generations of the entity types */
    public Generations generations() {
        return generations;
    }

    /** @return result pages (ids) and counts of queries */
    public ViewCache<Object, Weighed> pages() {
        return pages;
    }

    /** @return rendered items */
    public ViewCache<Object, Weighed> items() {
        return items;
    }

    /** @return statistics, facets, date distributions and random-pick id sets */
    public ViewCache<Object, Weighed> stats() {
        return stats;
    }

    /** @return the three caches */
    public List<ViewCache<Object, Weighed>> caches() {
        return List.of(pages, items, stats);
    }

    /**
     * Registers the caches' figures in Helidon's global meter registry; registering again is harmless.
     *
     * @return this
     */
    public L1 registerMetrics() {
        MeterRegistry registry = Metrics.globalRegistry();
        for (ViewCache<Object, Weighed> cache : caches()) {
            counter(registry, "larder.l1.hits", "Views served from L1", cache, ViewCache::hitCount);
            counter(registry, "larder.l1.misses", "Views computed from L2", cache, ViewCache::missCount);
            counter(registry, "larder.l1.evictions", "Views evicted for weight or expiry", cache,
                    ViewCache::evictionCount);
            registry.getOrCreate(Gauge.builder("larder.l1.weight", cache, c -> (double) c.weightBytes())
                    .addTag(Metrics.tag("cache", cache.name()))
                    .description("Estimated heap bytes held").baseUnit("bytes"));
        }
        return this;
    }

    private static void counter(MeterRegistry registry, String name, String description,
                                ViewCache<Object, Weighed> cache, ToLongFunction<ViewCache<Object, Weighed>> value) {
        registry.getOrCreate(FunctionalCounter.builder(name, cache, value::applyAsLong)
                .addTag(Metrics.tag("cache", cache.name())).description(description));
    }
}
