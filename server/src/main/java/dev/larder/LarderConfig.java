package dev.larder;

import dev.larder.cache.L1Settings;
import dev.larder.query.QuerySettings;
import dev.larder.store.StoreConfig;
import dev.larder.sync.EventSettings;
import dev.larder.sync.SyncMode;
import dev.larder.sync.SyncSettings;
import io.helidon.config.Config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Larder's settings, read from the {@code application.yaml} tree (and env overrides) through {@link ConfigKey} and
 * checked: a bad value stops start-up with a message that names the key. Secrets ({@code stash.api-key},
 * {@code admin.token}, {@code events.secret}) are kept out of {@link #toString()}.
 *
 * @param stashUrl      Stash's GraphQL endpoint ({@code stash.url}; a server root gets {@code /graphql} added)
 * @param stashApiKey   Stash's API key ({@code stash.api-key}, or the environment variable {@code STASH_API_KEY}),
 *                      at least {@link #MIN_SECRET_LENGTH} characters; null when Stash has no credentials
 * @param stashTimeout  time allowed for one Stash request to start answering ({@code stash.timeout}), 1 s..10 min
 * @param sync          paging and pacing ({@code stash.page-size}, {@code sync.*})
 * @param pollInterval  how often an incremental sync runs ({@code sync.poll-interval}), 5..120 minutes
 * @param sweepInterval how often a sweep runs ({@code sync.sweep-interval}), 10 minutes..7 days
 * @param onStart       what start-up runs ({@code sync.on-start}: auto, full, incremental or none); null = none
 * @param autoOnStart   true when {@code sync.on-start} is {@code auto}
 * @param store         the L2 store ({@code l2.*})
 * @param adminToken    bearer token for admin endpoints ({@code admin.token} or {@code LARDER_ADMIN_TOKEN}); null
 *                      disables them
 * @param events        how change events are gathered ({@code events.window}, {@code events.flush-at},
 *                      {@code events.burst})
 * @param eventsSecret  the HMAC key for {@code POST /api/v1/events} ({@code events.secret} or
 *                      {@code LARDER_EVENTS_SECRET}), at least 16 characters; null turns the endpoint off
 * @param pluginSourceUrl where Stash fetches Larder's plugin source when asked to install it
 *                      ({@code stash-plugin.source-url}), an absolute http(s) URL; null = derived from each install
 *                      request's {@code Host}
 * @param l1            the view caches ({@code l1.*})
 * @param query         the query engine's limits ({@code query.*})
 */
public record LarderConfig(URI stashUrl, String stashApiKey, Duration stashTimeout, SyncSettings sync,
                           Duration pollInterval, Duration sweepInterval, SyncMode onStart, boolean autoOnStart,
                           StoreConfig store, String adminToken, EventSettings events,
                           String eventsSecret, URI pluginSourceUrl, L1Settings l1, QuerySettings query) {

    /**
     * The fewest characters a secret may have: {@code admin.token}, {@code events.secret} and {@code stash.api-key}
     * (Stash's keys are JWTs, far longer). Shorter ones are refused at start-up.
     */
    public static final int MIN_SECRET_LENGTH = 16;

    /**
     * Reads and checks the settings.
     *
     * @param config the root of the configuration
     * @return the settings
     * @throws IllegalArgumentException naming the first key whose value is missing or out of range
     */
    public static LarderConfig from(Config config) {
        URI stashUrl = graphqlUrl(required(config, ConfigKey.STASH_URL));
        String apiKey = secret(config, ConfigKey.STASH_API_KEY, "STASH_API_KEY",
                ": Stash's API keys are long JWTs, copy the whole key from Stash's Settings > Security");
        Duration timeout = duration(config, ConfigKey.STASH_TIMEOUT, Duration.ofSeconds(120), Duration.ofSeconds(1),
                Duration.ofMinutes(10));
        SyncSettings defaults = SyncSettings.DEFAULTS;
        SyncSettings sync = new SyncSettings(
                integer(config, ConfigKey.STASH_PAGE_SIZE, defaults.pageSize()),
                integer(config, ConfigKey.SYNC_IDS_PAGE_SIZE, defaults.idsPageSize()),
                duration(config, ConfigKey.SYNC_OVERLAP, defaults.overlap(), Duration.ZERO, Duration.ofHours(24)),
                duration(config, ConfigKey.SYNC_RETRY_INITIAL, defaults.retryInitial(), Duration.ofMillis(100),
                        Duration.ofHours(1)),
                duration(config, ConfigKey.SYNC_RETRY_MAX, defaults.retryMax(), Duration.ofMillis(100),
                        Duration.ofHours(6)));
        Duration poll = duration(config, ConfigKey.SYNC_POLL_INTERVAL, Duration.ofMinutes(60), Duration.ofMinutes(5),
                Duration.ofMinutes(120));
        Duration sweep = duration(config, ConfigKey.SYNC_SWEEP_INTERVAL, Duration.ofHours(6), Duration.ofMinutes(10),
                Duration.ofDays(7));
        String onStart = string(config, ConfigKey.SYNC_ON_START).orElse("auto").toLowerCase(Locale.ROOT);
        SyncMode startMode = switch (onStart) {
            case "auto", "none" -> null;
            case "full" -> SyncMode.FULL;
            case "incremental" -> SyncMode.INCREMENTAL;
            default -> throw new IllegalArgumentException(
                    ConfigKey.SYNC_ON_START + " must be auto, full, incremental or none, got " + onStart);
        };
        StoreConfig storeDefaults = StoreConfig.defaults(Path.of("data", "larder.db"));
        StoreConfig store = new StoreConfig(
                Path.of(string(config, ConfigKey.L2_PATH).orElse(storeDefaults.path().toString())),
                integer(config, ConfigKey.L2_READ_POOL_SIZE, storeDefaults.readPoolSize()),
                longValue(config, ConfigKey.L2_CACHE_SIZE, storeDefaults.cacheSizeKib()),
                longValue(config, ConfigKey.L2_MMAP_SIZE, storeDefaults.mmapSizeBytes()),
                duration(config, ConfigKey.L2_BUSY_TIMEOUT, storeDefaults.busyTimeout(), Duration.ZERO,
                        Duration.ofMinutes(10)),
                integer(config, ConfigKey.L2_WRITE_BATCH_ROWS, storeDefaults.writeBatchRows()));
        String admin = secret(config, ConfigKey.ADMIN_TOKEN, "LARDER_ADMIN_TOKEN", "");
        EventSettings events = new EventSettings(
                duration(config, ConfigKey.EVENTS_WINDOW, EventSettings.DEFAULTS.window(), Duration.ZERO,
                        Duration.ofSeconds(5)),
                positive(config, ConfigKey.EVENTS_FLUSH_AT, EventSettings.DEFAULTS.flushAt()),
                positive(config, ConfigKey.EVENTS_BURST, EventSettings.DEFAULTS.burstEvents()));
        String eventsSecret = secret(config, ConfigKey.EVENTS_SECRET, "LARDER_EVENTS_SECRET", "");
        URI pluginSourceUrl = string(config, ConfigKey.STASH_PLUGIN_SOURCE_URL)
                .map(url -> httpUrl(ConfigKey.STASH_PLUGIN_SOURCE_URL.key(), url)).orElse(null);
        L1Settings l1Defaults = L1Settings.DEFAULTS;
        L1Settings l1 = new L1Settings(
                cache(config, l1Defaults.pages(), ConfigKey.L1_PAGES_ENABLED, ConfigKey.L1_PAGES_MAX_WEIGHT),
                cache(config, l1Defaults.items(), ConfigKey.L1_ITEMS_ENABLED, ConfigKey.L1_ITEMS_MAX_WEIGHT),
                cache(config, l1Defaults.stats(), ConfigKey.L1_STATS_ENABLED, ConfigKey.L1_STATS_MAX_WEIGHT),
                duration(config, ConfigKey.L1_EXPIRE_AFTER_ACCESS, l1Defaults.expireAfterAccess(), Duration.ZERO,
                        Duration.ofDays(7)));
        QuerySettings query = new QuerySettings(integer(config, ConfigKey.QUERY_MAX_PER_PAGE,
                QuerySettings.DEFAULTS.maxPerPage()));
        return new LarderConfig(stashUrl, apiKey, timeout, sync, poll, sweep, startMode, onStart.equals("auto"),
                store, admin, events, eventsSecret, pluginSourceUrl, l1, query);
    }

    /**
     * Settings for an embedding program: Stash's address and key, the store's file, everything else at its
     * default (start-up sync {@code auto}: full into an empty store, else incremental; no admin token, no events
     * secret). Change the rest with the {@code with...} methods.
     *
     * @param stashUrl    Stash's address (its root or its {@code /graphql} endpoint)
     * @param stashApiKey Stash's API key, or null when Stash has no credentials
     * @param storeFile   the SQLite file of L2 (created with its folder if missing)
     * @return the settings
     * @throws IllegalArgumentException when the URL is not an http(s) URL
     */
    public static LarderConfig embedded(String stashUrl, String stashApiKey, Path storeFile) {
        return new LarderConfig(graphqlUrl(stashUrl), stashApiKey, Duration.ofSeconds(120), SyncSettings.DEFAULTS,
                Duration.ofMinutes(60), Duration.ofHours(6), null, true, StoreConfig.defaults(storeFile), null,
                EventSettings.DEFAULTS, null, null, L1Settings.DEFAULTS, QuerySettings.DEFAULTS);
    }

    /**
     * @param l1 the view caches' settings
     * @return a copy with them
     */
    public LarderConfig withL1(L1Settings l1) {
        return new LarderConfig(stashUrl, stashApiKey, stashTimeout, sync, pollInterval, sweepInterval, onStart,
                autoOnStart, store, adminToken, events, eventsSecret, pluginSourceUrl, l1, query);
    }

    /**
     * @param mode what start-up runs: a sync mode, or null for none
     * @return a copy that runs it at start-up (instead of {@code auto})
     */
    public LarderConfig withOnStart(SyncMode mode) {
        return new LarderConfig(stashUrl, stashApiKey, stashTimeout, sync, pollInterval, sweepInterval, mode,
                false, store, adminToken, events, eventsSecret, pluginSourceUrl, l1, query);
    }

    /**
     * Reads one cache's switch and budget ({@code <key>.enabled}, {@code <key>.max-weight}).
     */
    private static L1Settings.CacheSettings cache(Config config, L1Settings.CacheSettings defaults,
                                                  ConfigKey enabledKey, ConfigKey weightKey) {
        boolean enabled = string(config, enabledKey).map(v -> bool(enabledKey.key(), v)).orElse(defaults.enabled());
        long weight = string(config, weightKey).map(v -> bytes(weightKey.key(), v)).orElse(defaults.maxWeightBytes());
        return new L1Settings.CacheSettings(defaults.key(), enabled, weight);
    }

    private static boolean bool(String key, String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, got " + text);
        };
    }

    /** A size written as {@code 65536}, {@code 64KiB}, {@code 32MiB} or {@code 1GiB} (also k, m, g, KB, MB, GB). */
    static long bytes(String key, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        long unit = 1;
        String number = t;
        for (String[] suffix : new String[][] {{"gib", "1073741824"}, {"mib", "1048576"}, {"kib", "1024"},
                {"gb", "1073741824"}, {"mb", "1048576"}, {"kb", "1024"}, {"g", "1073741824"}, {"m", "1048576"},
                {"k", "1024"}, {"b", "1"}}) {
            if (t.endsWith(suffix[0])) {
                unit = Long.parseLong(suffix[1]);
                number = t.substring(0, t.length() - suffix[0].length());
                break;
            }
        }
        try {
            return Math.multiplyExact(Long.parseLong(number), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(key + " must be a size such as 64MiB or 1GiB, got " + text);
        }
    }

    /**
     * Checks that a text is an absolute http or https URL with a host.
     *
     * @param what the key or field the text comes from, for the error message
     * @param text the text
     * @return the URL
     * @throws IllegalArgumentException naming {@code what} when the text is not such a URL
     */
    public static URI httpUrl(String what, String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(what + " is not a URL: " + text);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(what + " must be an http(s) URL with a host, got " + text);
        }
        return uri;
    }

    @Override
    public String toString() {
        return "LarderConfig[stashUrl=" + stashUrl + ", stashApiKey=" + (stashApiKey == null ? "none" : "***")
                + ", sync=" + sync + ", pollInterval=" + pollInterval + ", sweepInterval=" + sweepInterval
                + ", onStart=" + (autoOnStart ? "auto" : onStart) + ", store=" + store + ", adminToken="
                + (adminToken == null ? "none" : "***") + ", events=" + events + ", eventsSecret="
                + (eventsSecret == null ? "none" : "***") + ", pluginSourceUrl=" + pluginSourceUrl + ", l1=" + l1
                + ", query=" + query + "]";
    }

    private static URI graphqlUrl(String url) {
        URI uri = httpUrl(ConfigKey.STASH_URL.key(), url);
        if (uri.getQuery() != null) {
            throw new IllegalArgumentException(ConfigKey.STASH_URL + " must not carry a query (put the key in "
                    + ConfigKey.STASH_API_KEY + ")");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        return uri.resolve(path.endsWith("/graphql") ? path : path + "/graphql");
    }

    private static String required(Config config, ConfigKey key) {
        return string(config, key).orElseThrow(() -> new IllegalArgumentException(key + " must be set"));
    }

    private static Optional<String> string(Config config, ConfigKey key) {
        return config.get(key.key()).asString().asOptional().map(String::trim).filter(s -> !s.isEmpty());
    }

    /**
     * A secret from its key or, failing that, its environment variable; too short a value is refused, since it is
     * either guessable or a slip (and a short secret would be hidden from logs as a part of ordinary words).
     */
    private static String secret(Config config, ConfigKey key, String environment, String hint) {
        String value = string(config, key).or(() -> Optional.ofNullable(System.getenv(environment))
                .filter(s -> !s.isBlank())).orElse(null);
        if (value != null && value.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException(key + " (or " + environment + ") must be at least " + MIN_SECRET_LENGTH
                    + " characters" + hint);
        }
        return value;
    }

    private static int integer(Config config, ConfigKey key, int fallback) {
        return (int) number(config, key, fallback, Integer::parseInt);
    }

    private static int positive(Config config, ConfigKey key, int fallback) {
        int value = integer(config, key, fallback);
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be 1 or more, got " + value);
        }
        return value;
    }

    private static long longValue(Config config, ConfigKey key, long fallback) {
        return number(config, key, fallback, Long::parseLong);
    }

    private static long number(Config config, ConfigKey key, long fallback,
                               Function<String, ? extends Number> parse) {
        Optional<String> text = string(config, key);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return parse.apply(text.get()).longValue();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got " + text.get());
        }
    }

    /**
     * A duration written as {@code 90s}, {@code 60m}, {@code 2h}, {@code 7d}, {@code 500ms} or ISO-8601
     * ({@code PT1H}).
     */
    static Duration duration(Config config, ConfigKey key, Duration fallback, Duration min, Duration max) {
        Optional<String> text = string(config, key);
        if (text.isEmpty()) {
            return fallback;
        }
        Duration value = parseDuration(key.key(), text.get());
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(key + " must be " + describe(min) + ".." + describe(max) + ", got "
                    + text.get());
        }
        return value;
    }

    private static Duration parseDuration(String key, String text) {
        String t = text.toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("pt") || t.startsWith("p")) {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " must be a duration such as 90s, 60m, 2h or 7d, got " + text);
        }
    }

    private static String describe(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        if (d.toMillis() % 86_400_000 == 0) {
            return d.toDays() + "d";
        }
        if (d.toMillis() % 3_600_000 == 0) {
            return d.toHours() + "h";
        }
        if (d.toMillis() % 60_000 == 0) {
            return d.toMinutes() + "m";
        }
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
