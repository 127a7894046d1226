package dev.larder.stash;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A plugin Stash has loaded, as its {@code plugins} query lists it.
 *
 * @param id      the plugin id (its YAML file's name without {@code .yml})
 * @param name    the name its YAML gives
 * @param version the version its YAML gives, or null
 * @param enabled whether its hooks and tasks run
 */
public record StashPlugin(String id, String name, String version, boolean enabled) {

    static StashPlugin of(JsonNode plugin) {
        return new StashPlugin(plugin.path("id").asText(), plugin.path("name").asText(null),
                plugin.path("version").asText(null), plugin.path("enabled").asBoolean());
    }
}
