package dev.larder.emulator.hooks;

import java.util.Objects;

/**
 * What Stash tells a plugin about the server it runs in ({@code common.StashServerConnection}); a JS plugin
 * sees it as {@code input.ServerConnection} with Go's field names ({@code Scheme}, {@code Host}, {@code Port},
 * {@code SessionCookie}, {@code Dir}, {@code PluginDir}; the last is filled per plugin).
 *
 * @param scheme        "http" or "https"
 * @param host          the host Stash listens on, as configured (for example "0.0.0.0")
 * @param port          the port, 1..65535
 * @param configDir     the directory of Stash's config.yml ({@code Dir})
 * @param sessionCookie the value of the {@code session} cookie handed to the plugin; Stash makes one per call
 *                      (carrying the user and the plugins already visited), the emulator passes this fixed text
 */
public record ServerConnection(String scheme, String host, int port, String configDir, String sessionCookie) {

    /** Checks the components. */
    public ServerConnection {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(sessionCookie, "sessionCookie");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }
}
