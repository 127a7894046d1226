package dev.larder;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import dev.larder.emulator.StashEmulator;
import dev.larder.emulator.library.LibrarySpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Emulators that run Larder's Stash plugin as shipped, so mutations fire the real {@code larder.js}. */
public final class ShippedPlugin {

    /** The plugin's folder in the source tree; tests run in the server module's folder. */
    public static final Path DIR = Path.of("..", "stash-plugin", "src", "main", "plugin");

    /** Log batches five times as often as Stash's one a second, so tests wait less; batching is unchanged. */
    public static final Duration LOG_BATCH_INTERVAL = Duration.ofMillis(200);

    private ShippedPlugin() {
    }

    /**
     * An emulator builder with the shipped plugin installed and enabled.
     *
     * @param library the library to generate
     * @return the builder, ready to start or to adjust
     * @throws AssertionError when the plugin folder is not where the source tree keeps it
     */
    public static StashEmulator.Builder emulator(LibrarySpec library) {
        assertThat("plugin folder at " + DIR.toAbsolutePath(), Files.isDirectory(DIR), is(true));
        return StashEmulator.builder().library(library).pluginsDir(DIR).logBatchInterval(LOG_BATCH_INTERVAL);
    }
}
