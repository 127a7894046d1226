package dev.larder;

import dev.larder.emulator.StashEmulator;
import dev.larder.cache.L1Settings;
import dev.larder.query.QuerySettings;
import dev.larder.store.StoreConfig;
import dev.larder.sync.EventSettings;
import dev.larder.sync.SyncSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Settings for tests that run Larder against a Stash emulator, with the store in a fresh temporary folder. */
public final class TestLarders {

    /** The events secret tests sign with. */
    public static final String EVENTS_SECRET = "test-events-secret-0123456789";

    /** The admin token tests use. */
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";

    private TestLarders() {
    }

    /**
     * Settings pointing at an emulator: no start-up sync, long timers (tests ask for syncs themselves), small
     * pages so paging is exercised, short retries.
     *
     * @param emulator the emulator
     * @return the settings
     */
    public static LarderConfig config(StashEmulator emulator) {
        return config(emulator, EventSettings.DEFAULTS);
    }

    /**
     * {@link #config(StashEmulator)} with other event settings.
     *
     * @param emulator the emulator
     * @param events   how events are gathered
     * @return the settings
     */
    public static LarderConfig config(StashEmulator emulator, EventSettings events) {
        Path dir;
        try {
            dir = Files.createTempDirectory("larder-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SyncSettings sync = new SyncSettings(200, 500, Duration.ofHours(2), Duration.ofMillis(100),
                Duration.ofSeconds(2));
        return new LarderConfig(URI.create(emulator.graphqlUrl()), emulator.apiKey(), Duration.ofSeconds(30), sync,
                Duration.ofMinutes(120), Duration.ofDays(7), null, false,
                StoreConfig.defaults(dir.resolve("larder.db")), ADMIN_TOKEN, events, EVENTS_SECRET, null, L1Settings.DEFAULTS,
                QuerySettings.DEFAULTS);
    }
}
