package dev.larder.emulator.hooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import dev.larder.emulator.logs.LogLevel;
import dev.larder.emulator.logs.LogSink;

/**
 * The plugins Stash has loaded (Stash's plugin {@code Cache}): every {@code *.yml} file under a directory,
 * walked recursively in name order and following symbolic links, as {@code ReloadPlugins} does.
 *
 * <p>A file that fails to load is skipped and reported on the log stream at Error level with Stash's text
 * ({@code Error loading plugin <file>: <reason>}), as is a second file whose id equals an earlier one ignoring
 * case. Plugins are enabled unless {@link #setEnabled disabled}; the disabled ids survive {@link #reload()}
 * (Stash keeps them in its configuration), and may name plugins that are not loaded.
 *
 * <p>Thread-safe: readers see either the old or the new plugin list during a reload.
 */
public final class PluginRegistry {

    private static final String EXTENSION = ".yml";

    private final Path pluginsDir;
    private final LogSink log;
    private final Set<String> disabled = ConcurrentHashMap.newKeySet();
    private volatile List<PluginConfig> plugins = List.of();

    /**
     * Creates a registry and loads the plugins once.
     *
     * @param pluginsDir the plugins directory (Stash's {@code plugins_path}); need not exist
     * @param log        where load errors go
     */
    public PluginRegistry(Path pluginsDir, LogSink log) {
        this.pluginsDir = Objects.requireNonNull(pluginsDir, "pluginsDir");
        this.log = Objects.requireNonNull(log, "log");
        reload();
    }

    /** Reads the plugins directory again (Stash's {@code reloadPlugins}); enabled states are kept. */
    public void reload() {
        List<PluginConfig> loaded = new ArrayList<>();
        Set<String> lowerCaseIds = new HashSet<>();
        for (Path file : pluginFiles()) {
            try {
                PluginConfig plugin = PluginConfigLoader.load(file);
                if (lowerCaseIds.add(plugin.id().toLowerCase(Locale.ROOT))) {
                    loaded.add(plugin);
                } else {
                    log.log(LogLevel.Error, "Error loading plugin " + file + ": plugin ID " + plugin.id()
                            + " already exists");
                }
            } catch (InvalidPluginConfigException e) {
                log.log(LogLevel.Error, "Error loading plugin " + file + ": " + String.join("; ", e.problems()));
            } catch (UncheckedIOException e) {
                log.log(LogLevel.Error, "Error loading plugin " + file + ": " + e.getCause().getMessage());
            }
        }
        plugins = List.copyOf(loaded);
    }

    /**
     * All loaded plugins, enabled or not, in load order.
     *
     * @return an unmodifiable snapshot
     */
    public List<PluginConfig> plugins() {
        return plugins;
    }

    /**
     * The enabled plugins, in load order: the ones hooks run for.
     *
     * @return an unmodifiable snapshot
     */
    public List<PluginConfig> enabledPlugins() {
        return plugins.stream().filter(p -> isEnabled(p.id())).toList();
    }

    /**
     * A loaded plugin by id (exact match, as Stash looks plugins up).
     *
     * @param id the plugin id
     * @return the plugin, or empty when none is loaded with that id
     */
    public Optional<PluginConfig> plugin(String id) {
        return plugins.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * Whether a plugin id is enabled.
     *
     * @param id a plugin id
     * @return false only when it was disabled
     */
    public boolean isEnabled(String id) {
        return !disabled.contains(id);
    }

    /**
     * Enables or disables a plugin (one entry of Stash's {@code setPluginsEnabled}). Unknown ids are accepted.
     *
     * @param id      a plugin id
     * @param enabled the new state
     */
    public void setEnabled(String id, boolean enabled) {
        Objects.requireNonNull(id, "id");
        if (enabled) {
            disabled.remove(id);
        } else {
            disabled.add(id);
        }
    }

    private List<Path> pluginFiles() {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(pluginsDir)) {
            walk(pluginsDir, files, new HashSet<>());
        }
        return files;
    }

    /** Depth-first, entries sorted by name: the order of Go's filepath.Walk. */
    private void walk(Path dir, List<Path> files, Set<Path> visitedDirs) {
        try {
            if (!visitedDirs.add(dir.toRealPath())) {
                return; // a symbolic link back up the tree
            }
            List<Path> entries;
            try (Stream<Path> list = Files.list(dir)) {
                entries = list.sorted().toList();
            }
            for (Path entry : entries) {
                if (Files.isDirectory(entry)) {
                    walk(entry, files, visitedDirs);
                } else if (entry.getFileName().toString().endsWith(EXTENSION) && Files.isRegularFile(entry)) {
                    files.add(entry);
                }
            }
        } catch (IOException e) {
            log.log(LogLevel.Error, "Error reading plugin configs: " + e.getMessage());
        }
    }
}
