package dev.larder.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

import dev.larder.ConfigFile;
import dev.larder.Larder;
import dev.larder.LarderConfig;
import dev.larder.LarderVersion;
import dev.larder.plugin.PackagePlugin;
import dev.larder.stash.PluginInstaller;

import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import io.helidon.webserver.http.HttpRouting;

/**
 * Starts Larder's web server.
 * <p>
 * Configuration comes from {@code application.yaml} on the class path, overlaid by the file given with
 * {@code --config FILE}, overlaid by system properties and environment variables ({@code SERVER_PORT=9000} sets
 * {@code server.port}).
 */
public final class Main {
    private static final Logger LOGGER = Logger.getLogger(Main.class.getName());
    /** How long an install request waits for Stash's install job: it downloads one small zip from Larder. */
    private static final Duration PLUGIN_INSTALL_TIMEOUT = Duration.ofSeconds(60);
    /**
     * The largest request body the server reads, in bytes: above the events endpoint's own limit (1 MiB), so that
     * its 413 names that limit, and far above any query or admin body.
     */
    static final long MAX_PAYLOAD_BYTES = 2L << 20;

    private Main() {
    }

    /**
     * Starts the server and returns once it listens; the server runs until the JVM stops. Exits with status 2 and
     * one line on stderr on bad arguments or a bad configuration.
     *
     * @param args nothing, or {@code --config FILE}
     */
    public static void main(String[] args) {
        // before anything logs, so that the first log line already has Larder's format
        LogConfig.configureRuntime();
        if (args.length != 0 && (args.length != 2 || !args[0].equals("--config"))) {
            throw exit("expected no arguments or --config FILE (usage: larder serve [--config FILE])");
        }
        Config config;
        LarderConfig settings;
        try {
            config = ConfigFile.configuration(args.length == 0 ? Optional.empty() : Optional.of(Path.of(args[1])));
        } catch (IllegalArgumentException e) {
            throw exit(e.getMessage());
        }
        try {
            settings = LarderConfig.from(config);
        } catch (IllegalArgumentException e) {
            throw exit("bad configuration: " + e.getMessage());
        }
        Config.global(config);
        Larder larder = Larder.start(settings);
        WebServer server = start(config.get("server"), larder);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            larder.close();
        }, "larder-shutdown"));
        LOGGER.info(() -> "Larder " + LarderVersion.current() + " is up: http://" + server.prototype().host() + ":"
                + server.port() + "/api/v1/version");
    }

    /**
     * Starts the web server in front of a running Larder.
     *
     * @param serverConfig the {@code server} section (host, port, features)
     * @param larder       the engine to serve
     * @return the started server
     */
    public static WebServer start(Config serverConfig, Larder larder) {
        // health and metrics are built here rather than from configuration, so the health can report on Stash
        ObserveFeature observe = ObserveFeature.builder()
                .observersDiscoverServices(false)
                .addObserver(HealthObserver.builder().details(true).addCheck(new StashHealthCheck(larder.sync()))
                        .build())
                .addObserver(MetricsObserver.create())
                .build();
        return WebServer.builder()
                .config(serverConfig)
                .maxPayloadSize(MAX_PAYLOAD_BYTES)
                .addFeature(observe)
                .directHandlers(JsonErrors.directHandlers())
                .routing(routing -> routing(routing, larder))
                .build()
                .start();
    }

    /**
     * Adds Larder's HTTP API and its JSON error handlers to a routing. Health comes with the server's observe feature;
     * the server also needs {@link JsonErrors#directHandlers()} for the failures Helidon answers outside the routing.
     *
     * @param routing the routing to add to; not null
     * @param larder  the running engine the API serves
     */
    public static void routing(HttpRouting.Builder routing, Larder larder) {
        AdminAuth admin = new AdminAuth(larder.config().adminToken());
        PluginInstaller installer = new PluginInstaller(larder.stash(), PLUGIN_INSTALL_TIMEOUT,
                Duration.ofMillis(250));
        JsonErrors.register(routing);
        routing.register("/api/v1/version", new VersionService(LarderVersion.current()))
                .register(PluginSourceService.PATH, new PluginSourceService(pluginSource()))
                // before the entity routes, whose /{type}/{id} would also match /sync/status
                .register("/api/v1/sync", new SyncService(larder, admin))
                .register("/api/v1/stash-plugin", new PluginInstallService(installer,
                        larder.config().pluginSourceUrl(), admin))
                .register("/api/v1/events", new EventService(larder.events(), larder.config().eventsSecret(),
                        Clock.systemUTC()))
                // before the entity and query routes, whose /{type}/{id} would also match /scenes/random
                .register("/api/v1", new StatsService(larder, admin))
                .register("/api/v1", new EntityService(larder.store(), admin))
                .register("/api/v1", new QueryService(larder, admin));
    }

    /** The plugin packed once from this build's jar: the same bytes for every request. */
    private static PackagePlugin.PluginSource pluginSource() {
        try {
            return PackagePlugin.fromClasspath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Stash plugin's files from the class path", e);
        }
    }

    /**
     * Ends the JVM with status 2 and one line on stderr: what a user has to fix before start-up.
     *
     * @return nothing, ever; callers throw it so that the compiler knows their code ends there
     */
    private static IllegalStateException exit(String message) {
        System.err.println("larder serve: " + message);
        System.exit(2);
        return new IllegalStateException(message);
    }
}
