package dev.larder.sync;

import java.time.Duration;
import java.util.Objects;

/**
 * How the sync engine pages and paces itself.
 *
 * @param pageSize      full entities per page, 50 to 5,000 (Stash's cost grows faster than linearly past that)
 * @param idsPageSize   ids per page for listings, 100 to 10,000
 * @param overlap       how far back from a watermark an incremental sync asks again, 0 to 24 h; at least an hour
 *                      covers a daylight-saving change of Stash's offset (STASH.md b.1)
 * @param retryInitial  first wait after a failed run, at least 100 ms
 * @param retryMax      longest wait between retries, at least {@code retryInitial}
 */
public record SyncSettings(int pageSize, int idsPageSize, Duration overlap, Duration retryInitial, Duration retryMax) {

    /** The defaults: 1,000 a page, 5,000 ids a page, two hours of overlap, retries 1 s to 5 min. */
    public static final SyncSettings DEFAULTS = new SyncSettings(1000, 5000, Duration.ofHours(2),
            Duration.ofSeconds(1), Duration.ofMinutes(5));

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException naming the setting that is out of range
     */
    public SyncSettings {
        Objects.requireNonNull(overlap, "overlap");
        Objects.requireNonNull(retryInitial, "retryInitial");
        Objects.requireNonNull(retryMax, "retryMax");
        check(pageSize >= 50 && pageSize <= 5000, "stash.page-size must be 50..5000, got " + pageSize);
        check(idsPageSize >= 100 && idsPageSize <= 10_000, "sync.ids-page-size must be 100..10000, got " + idsPageSize);
        check(!overlap.isNegative() && overlap.compareTo(Duration.ofHours(24)) <= 0,
                "sync.overlap must be 0..24h, got " + overlap);
        check(retryInitial.compareTo(Duration.ofMillis(100)) >= 0,
                "sync.retry-initial must be at least 100ms, got " + retryInitial);
        check(retryMax.compareTo(retryInitial) >= 0, "sync.retry-max must be at least sync.retry-initial, got "
                + retryMax);
    }

    /**
     * These settings with another page size.
     *
     * @param size full entities per page
     * @return the settings
     */
    public SyncSettings withPageSize(int size) {
        return new SyncSettings(size, idsPageSize, overlap, retryInitial, retryMax);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
