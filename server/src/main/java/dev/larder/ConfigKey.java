package dev.larder;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every key a Larder configuration file may hold, declared once: {@link LarderConfig} reads its settings through
 * these constants, and {@link ConfigFile} refuses a file that holds any other key. To add a setting, add its constant
 * here, read it in {@link LarderConfig} (or wherever it is used) and document it in {@code application.yaml}; a test
 * checks that the file and this list agree.
 * <p>
 * The {@code server} section goes to Helidon's web server as it stands. Of Helidon's many server keys Larder accepts
 * those a Larder user may need: {@code port}, {@code host}, HTTPS ({@code tls.*}), forwarded headers behind a reverse
 * proxy ({@code requested-uri-discovery.*}) and the connection limits and timeouts below. Keys that would change what
 * Larder itself sets up (its features, its routing, extra sockets, its limit on request bodies) are refused.
 */
public enum ConfigKey {

    /** The HTTP API's port (Helidon). */
    SERVER_PORT("server.port"),
    /** The address the HTTP API binds (Helidon). */
    SERVER_HOST("server.host"),
    /** HTTPS: Helidon's TLS settings, a section of their own. */
    SERVER_TLS("server.tls", true),
    /** Behind a reverse proxy: which forwarded headers Helidon trusts, a section of its own. */
    SERVER_REQUESTED_URI_DISCOVERY("server.requested-uri-discovery", true),
    /** Requests Helidon serves at once. */
    SERVER_MAX_CONCURRENT_REQUESTS("server.max-concurrent-requests"),
    /** Connections Helidon keeps open at once. */
    SERVER_MAX_TCP_CONNECTIONS("server.max-tcp-connections"),
    /** How long Helidon keeps an idle connection. */
    SERVER_IDLE_CONNECTION_TIMEOUT("server.idle-connection-timeout"),
    /** How long Helidon lets requests finish when it stops. */
    SERVER_SHUTDOWN_GRACE_PERIOD("server.shutdown-grace-period"),
    /** Socket options of Helidon's connections (Larder turns TCP_NODELAY on), a section of its own. */
    SERVER_CONNECTION_OPTIONS("server.connection-options", true),

    STASH_URL("stash.url"),
    STASH_API_KEY("stash.api-key"),
    STASH_PAGE_SIZE("stash.page-size"),
    STASH_TIMEOUT("stash.timeout"),

    SYNC_ON_START("sync.on-start"),
    SYNC_POLL_INTERVAL("sync.poll-interval"),
    SYNC_SWEEP_INTERVAL("sync.sweep-interval"),
    SYNC_OVERLAP("sync.overlap"),
    SYNC_IDS_PAGE_SIZE("sync.ids-page-size"),
    SYNC_RETRY_INITIAL("sync.retry-initial"),
    SYNC_RETRY_MAX("sync.retry-max"),

    L2_PATH("l2.path"),
    L2_READ_POOL_SIZE("l2.read-pool-size"),
    L2_CACHE_SIZE("l2.cache-size"),
    L2_MMAP_SIZE("l2.mmap-size"),
    L2_BUSY_TIMEOUT("l2.busy-timeout"),
    L2_WRITE_BATCH_ROWS("l2.write-batch-rows"),

    ADMIN_TOKEN("admin.token"),

    EVENTS_WINDOW("events.window"),
    EVENTS_FLUSH_AT("events.flush-at"),
    EVENTS_BURST("events.burst"),
    EVENTS_SECRET("events.secret"),

    STASH_PLUGIN_SOURCE_URL("stash-plugin.source-url"),

    L1_PAGES_ENABLED("l1.pages.enabled"),
    L1_PAGES_MAX_WEIGHT("l1.pages.max-weight"),
    L1_ITEMS_ENABLED("l1.items.enabled"),
    L1_ITEMS_MAX_WEIGHT("l1.items.max-weight"),
    L1_STATS_ENABLED("l1.stats.enabled"),
    L1_STATS_MAX_WEIGHT("l1.stats.max-weight"),
    L1_EXPIRE_AFTER_ACCESS("l1.expire-after-access"),

    QUERY_MAX_PER_PAGE("query.max-per-page");

    private final String key;
    private final boolean section;

    ConfigKey(String key) {
        this(key, false);
    }

    ConfigKey(String key, boolean section) {
        this.key = key;
        this.section = section;
    }

    /** @return the dotted key, e.g. {@code sync.poll-interval} */
    public String key() {
        return key;
    }

    /** @return the dotted key, so that messages can name it by concatenation */
    @Override
    public String toString() {
        return key;
    }

    /**
     * Whether a key from a configuration file is one Larder knows.
     *
     * @param candidate a dotted key as it appears in a file, e.g. {@code server.tls.private-key.keystore.resource}
     * @return true for a declared key, and for any key inside a declared section such as {@code server.tls}
     */
    static boolean known(String candidate) {
        return Arrays.stream(values()).anyMatch(k -> k.key.equals(candidate)
                || k.section && candidate.startsWith(k.key + "."));
    }

    /**
     * Whether a key names a group of known keys, as {@code stash} or {@code admin} do: a file may hold it empty.
     *
     * @param candidate a dotted key
     * @return true when some declared key lies below it
     */
    static boolean group(String candidate) {
        return Arrays.stream(values()).anyMatch(k -> k.key.startsWith(candidate + "."));
    }

    /**
     * @param group a dotted key for which {@link #group} is true
     * @return the declared keys below it, separated by commas
     */
    static String below(String group) {
        return Arrays.stream(values()).map(ConfigKey::key).filter(k -> k.startsWith(group + "."))
                .collect(Collectors.joining(", "));
    }

    /**
     * The declared key spelled most like an unknown one, when it is close enough to be what was meant.
     *
     * @param unknown a key Larder does not know
     * @return the nearest declared key within a few edits (a third of the shorter key's length, at least two),
     *         else empty
     */
    static Optional<ConfigKey> nearest(String unknown) {
        return Arrays.stream(values())
                .min(Comparator.comparingInt(k -> EditDistance.between(unknown, k.key)))
                .filter(k -> EditDistance.between(unknown, k.key)
                        <= Math.max(2, Math.min(unknown.length(), k.key.length()) / 3));
    }
}
