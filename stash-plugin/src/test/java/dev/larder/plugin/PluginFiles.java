package dev.larder.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the build keeps the plugin files: Maven passes the folder; a run from the module folder finds it too. */
final class PluginFiles {

    static final String CONFIG = "larder.yml";
    static final String SCRIPT = "larder.js";

    private PluginFiles() {
    }

    static Path dir() {
        return Path.of(System.getProperty("larder.plugin.dir", "src/main/plugin"));
    }

    /**
     * Copies the two plugin files into a plugins folder, as a user installing by hand would.
     *
     * @param pluginsDir Stash's plugins folder
     * @throws IOException when a copy fails
     */
    static void installInto(Path pluginsDir) throws IOException {
        Path target = Files.createDirectories(pluginsDir.resolve("larder"));
        Files.copy(dir().resolve(CONFIG), target.resolve(CONFIG));
        Files.copy(dir().resolve(SCRIPT), target.resolve(SCRIPT));
    }
}
