package dev.larder.cache;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of L1, validated on construction; messages name the configuration key ({@code l1.*}).
 *
 * @param pages             result pages and counts of queries ({@code l1.pages.*})
 * @param items             rendered items ({@code l1.items.*})
 * @param stats             statistics, facets, distributions and random-pick id sets ({@code l1.stats.*})
 * @param expireAfterAccess a view unused this long is dropped ({@code l1.expire-after-access}), 0 (never)..7 days;
 *                          generations already make stale views unreachable, so this only returns memory sooner
 */
public record L1Settings(CacheSettings pages, CacheSettings items, CacheSettings stats, Duration expireAfterAccess) {

    /** Defaults: 16 MiB of pages, 32 MiB of items, 16 MiB of statistics, no expiry. */
    public static final L1Settings DEFAULTS = new L1Settings(
            new CacheSettings("l1.pages", true, 16L << 20),
            new CacheSettings("l1.items", true, 32L << 20),
            new CacheSettings("l1.stats", true, 16L << 20),
            Duration.ZERO);

    /** Every cache off: each query reads L2 (what the benchmark's cold runs measure). */
    public static final L1Settings OFF = new L1Settings(DEFAULTS.pages.disabled(), DEFAULTS.items.disabled(),
            DEFAULTS.stats.disabled(), Duration.ZERO);

    /** Checks every setting. */
    public L1Settings {
        Objects.requireNonNull(pages, "l1.pages");
        Objects.requireNonNull(items, "l1.items");
        Objects.requireNonNull(stats, "l1.stats");
        Objects.requireNonNull(expireAfterAccess, "l1.expire-after-access");
        if (expireAfterAccess.isNegative() || expireAfterAccess.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("l1.expire-after-access must be 0s..7d, got " + expireAfterAccess);
        }
    }

    /**
     * One cache's settings.
     *
     * @param key            its configuration key, for messages
     * @param enabled        whether it keeps anything ({@code .enabled})
     * @param maxWeightBytes its budget in bytes of heap ({@code .max-weight}), 64 KiB..16 GiB; entries are weighed
     *                       by an estimate of their size
     */
    public record CacheSettings(String key, boolean enabled, long maxWeightBytes) {

        /** Checks the budget. */
        public CacheSettings {
            Objects.requireNonNull(key, "key");
            if (maxWeightBytes < (64L << 10) || maxWeightBytes > (16L << 30)) {
                throw new IllegalArgumentException(key + ".max-weight must be 64KiB..16GiB, got " + maxWeightBytes
                        + " bytes");
            }
        }

        /** @return the same budget, switched off */
        public CacheSettings disabled() {
            return new CacheSettings(key, false, maxWeightBytes);
        }
    }
}
