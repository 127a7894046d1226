package dev.larder.emulator.graphql;

import graphql.schema.idl.RuntimeWiring;

import java.util.List;
import java.util.Map;

/**
 * What Stash says about itself: {@code version}, {@code systemStatus} and the plugin part of
 * {@code configuration}; and {@code configurePlugin}, which writes that part.
 */
final class ServerInfo {

    /** The Stash release whose API the emulator's schema follows (see its schema.graphql). */
    static final String VERSION = "v0.30.1";
    private static final String HASH = "cf3489ef";
    private static final int DATABASE_SCHEMA = 75;

    private ServerInfo() {
    }

    static void wire(RuntimeWiring.Builder wiring, PluginSettings settings) {
        wiring.type("Query", t -> t
                .dataFetcher("version", env -> Map.of("version", VERSION, "hash", HASH,
                        "build_time", "2026-01-11 07:07:53"))
                .dataFetcher("systemStatus", env -> Map.of("databaseSchema", DATABASE_SCHEMA,
                        "databasePath", "/root/.stash/stash-go.sqlite", "configPath", "/root/.stash/config.yml",
                        "appSchema", DATABASE_SCHEMA, "status", "OK", "os", "linux", "workingDir", "/root",
                        "homeDir", "/root"))
                .dataFetcher("configuration", env -> Map.of()));
        wiring.type("ConfigResult", t -> t.dataFetcher("plugins", env -> {
            List<String> include = env.getArgument("include");
            return settings.read(include);
        }));
        wiring.type("Mutation", t -> t.dataFetcher("configurePlugin", env -> {
            String id = env.getArgument("plugin_id");
            Map<String, Object> input = env.getArgument("input");
            return settings.configure(id, input);
        }));
    }
}
