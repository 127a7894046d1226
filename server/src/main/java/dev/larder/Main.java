package dev.larder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

import dev.larder.http.AdminAuth;
import dev.larder.http.EntityService;
import dev.larder.http.EventService;
import dev.larder.http.JsonErrors;
import dev.larder.http.PluginInstallService;
import dev.larder.http.PluginSourceService;
import dev.larder.http.QueryService;
import dev.larder.http.StatsService;
import dev.larder.http.StashHealthCheck;
import dev.larder.http.SyncService;
import dev.larder.http.VersionService;
import dev.larder.plugin.PackagePlugin;
import dev.larder.stash.PluginInstaller;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
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
     * Starts the server and returns once it listens; the server runs until the JVM stops. Exits with status 2 on
     * bad arguments.
     *
     * @param args nothing, or {@code --config FILE}
     */
    public static void main(String[] args) {
        Optional<Path> configFile;
        try {
            configFile = configFile(args);
        } catch (IllegalArgumentException e) {
            System.err.println("larder serve: " + e.getMessage() + " (usage: larder serve [--config FILE])");
            System.exit(2);
            return;
        }
        LogConfig.configureRuntime();
        Config config = configFile.map(Main::config).orElseGet(Config::create);
        Config.global(config);
        LarderConfig settings;
        try {
            settings = LarderConfig.from(config);
        } catch (IllegalArgumentException e) {
            System.err.println("larder serve: bad configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
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

    private static Optional<Path> configFile(String[] args) {
        if (args.length == 0) {
            return Optional.empty();
        }
        if (args.length != 2 || !args[0].equals("--config")) {
            throw new IllegalArgumentException("expected no arguments or --config FILE");
        }
        Path file = Path.of(args[1]);
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read the configuration file " + file.toAbsolutePath());
        }
        return Optional.of(file);
    }

    /** The file's keys over application.yaml's; the builder puts system properties and environment over both. */
    private static Config config(Path file) {
        return Config.builder()
                .addSource(ConfigSources.file(file))
                .addSource(ConfigSources.classpath("application.yaml"))
                .build();
    }
}
