package dev.larder.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the L2 store, validated on construction; the messages name the configuration key
 * ({@code l2.*}) so that a bad value stops start-up with a clear reason.
 *
 * @param path          the database file ({@code l2.path}); its folder is created if missing
 * @param readPoolSize  read-only connections ({@code l2.read-pool-size}), 1..16, default 4
 * @param cacheSizeKib  page cache per connection in KiB ({@code l2.cache-size}), 1,024..16,777,216, default 16,384
 *                      (native memory outside the Java heap, once per connection: it counts in the RSS)
 * @param mmapSizeBytes memory-mapped I/O per connection in bytes ({@code l2.mmap-size}), 0 (off)..2^40,
 *                      default 0: mapped pages count in the RSS too, and WAL reads gain little from them
 * @param busyTimeout   how long a connection waits for a lock ({@code l2.busy-timeout}), 0..10 minutes,
 *                      default 5 seconds
 * @param writeBatchRows JDBC batch size, statements per {@code executeBatch} ({@code l2.write-batch-rows}),
 *                       100..100,000, default 5,000
 */
public record StoreConfig(Path path, int readPoolSize, long cacheSizeKib, long mmapSizeBytes, Duration busyTimeout,
                          int writeBatchRows) {

    /** Default {@link #readPoolSize()}. */
    public static final int DEFAULT_READ_POOL_SIZE = 4;
    /** Default {@link #cacheSizeKib()}: 16 MiB. */
    public static final long DEFAULT_CACHE_SIZE_KIB = 16 * 1024;
    /** Default {@link #mmapSizeBytes()}: off. */
    public static final long DEFAULT_MMAP_SIZE_BYTES = 0;
    /** Default {@link #busyTimeout()}. */
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);
    /** Default {@link #writeBatchRows()}. */
    public static final int DEFAULT_WRITE_BATCH_ROWS = 5_000;

    /** Validates every setting. */
    public StoreConfig {
        if (path == null) {
            throw new IllegalArgumentException("l2.path must be set");
        }
        check("l2.read-pool-size", readPoolSize, 1, 16);
        check("l2.cache-size", cacheSizeKib, 1024, 16L * 1024 * 1024);
        check("l2.mmap-size", mmapSizeBytes, 0, 1L << 40);
        Objects.requireNonNull(busyTimeout, "l2.busy-timeout must be set");
        if (busyTimeout.isNegative() || busyTimeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("l2.busy-timeout must be 0s..10m, got " + busyTimeout);
        }
        check("l2.write-batch-rows", writeBatchRows, 100, 100_000);
    }

    /**
     * @param path the database file
     * @return a configuration with every other setting at its default
     */
    public static StoreConfig defaults(Path path) {
        return new StoreConfig(path, DEFAULT_READ_POOL_SIZE, DEFAULT_CACHE_SIZE_KIB, DEFAULT_MMAP_SIZE_BYTES,
                DEFAULT_BUSY_TIMEOUT, DEFAULT_WRITE_BATCH_ROWS);
    }

    /**
     * @param size read-only connections, 1..16
     * @return a copy with that pool size
     */
    public StoreConfig withReadPoolSize(int size) {
        return new StoreConfig(path, size, cacheSizeKib, mmapSizeBytes, busyTimeout, writeBatchRows);
    }

    private static void check(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be " + min + ".." + max + ", got " + value);
        }
    }
}
