package dev.larder.emulator.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plugin settings as Stash keeps them under {@code plugins.<id>} in its config: written whole by
 * {@code configurePlugin} (which replaces the map, Stash issue #4740) and read by
 * {@code configuration { plugins(include) }}. Thread-safe.
 */
public final class PluginSettings {

    private final Map<String, Map<String, Object>> settings = new ConcurrentHashMap<>();

    /**
     * Replaces one plugin's settings.
     *
     * @param pluginId the plugin
     * @param values   the new settings, replacing all previous ones
     * @return the stored settings
     */
    public Map<String, Object> configure(String pluginId, Map<String, Object> values) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        settings.put(pluginId, copy);
        return copy;
    }

    /**
     * Reads settings.
     *
     * @param include plugin ids to include, or null for all
     * @return plugin id to settings, for each configured plugin asked for
     */
    public Map<String, Map<String, Object>> read(List<String> include) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        settings.forEach((id, values) -> {
            if (include == null || include.contains(id)) {
                out.put(id, values);
            }
        });
        return out;
    }
}
