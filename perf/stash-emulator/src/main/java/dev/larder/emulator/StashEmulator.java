package dev.larder.emulator;

import dev.larder.emulator.faults.Faults;
import dev.larder.emulator.graphql.PackageWiring;
import dev.larder.emulator.graphql.PluginSettings;
import dev.larder.emulator.graphql.RequestContext;
import dev.larder.emulator.graphql.ServiceWiring;
import dev.larder.emulator.graphql.StashGraphql;
import dev.larder.emulator.hooks.HookDispatcher;
import dev.larder.emulator.hooks.PluginRegistry;
import dev.larder.emulator.hooks.ServerConnection;
import dev.larder.emulator.http.EmulatorHttpServer;
import dev.larder.emulator.jobs.JobQueue;
import dev.larder.emulator.library.Library;
import dev.larder.emulator.library.LibrarySpec;
import dev.larder.emulator.library.SyntheticLibrary;
import dev.larder.emulator.logs.LogBroadcaster;
import dev.larder.emulator.packages.PackageDownloader;
import dev.larder.emulator.packages.PackageJobs;
import dev.larder.emulator.packages.PackageSources;
import dev.larder.emulator.packages.PackageStore;
import dev.larder.emulator.scan.DiskChanges;
import dev.larder.emulator.scan.ScanTasks;
import dev.larder.emulator.ws.GraphqlWebSocket;
import graphql.ExecutionResult;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A running Stash stand-in: Stash's GraphQL API (HTTP and websocket), media routes, plugin hooks, jobs and log
 * stream over a synthetic library. Start one with {@link #builder()}; close it to stop everything.
 *
 * <p>Tests reach behind the API through {@link #library()} (to compare or to set up), {@link #faults()},
 * {@link #disk()} (files that the next Scan or Clean will find), {@link #logs()}, {@link #jobs()},
 * {@link #plugins()}, {@link #pluginsDir()} and {@link #webSockets()}. Thread-safe.
 */
public final class StashEmulator implements AutoCloseable {

    private final Library library;
    private final Faults faults = new Faults();
    private final DiskChanges disk = new DiskChanges();
    private final LogBroadcaster logs;
    private final JobQueue jobs;
    private final PluginRegistry plugins;
    private final HookDispatcher hooks;
    private final StashGraphql graphql;
    private final GraphqlWebSocket webSockets;
    private final EmulatorHttpServer http;
    private final Vertx vertx;
    private final String host;
    private final String apiKey;
    private final int port;
    private final Path pluginsDir;
    /** Stash always has a plugins folder; without one given, the emulator makes one and removes it on close. */
    private final boolean temporaryPluginsDir;

    private StashEmulator(Builder b) {
        this.library = new SyntheticLibrary(b.spec, b.clock);
        this.host = b.host;
        this.apiKey = b.apiKey;
        this.logs = new LogBroadcaster(b.clock, b.spec.zone(), b.logBatchInterval);
        this.jobs = new JobQueue(b.clock, b.spec.zone(), logs);
        this.temporaryPluginsDir = b.pluginsDir == null;
        this.pluginsDir = temporaryPluginsDir ? emptyFolder() : b.pluginsDir;
        this.plugins = new PluginRegistry(pluginsDir, logs);
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        PluginSettings settings = new PluginSettings();
        // plugins are told the port before the server binds it, as Stash's own server connection is known up front
        this.port = b.port != 0 ? b.port : freePort(host);
        // hooks call back into the API in-process, which exists only once the API is built: late binding
        StashGraphql[] api = new StashGraphql[1];
        this.hooks = new HookDispatcher(plugins, logs,
                (document, variables) -> api[0].execute(document, variables, null,
                        new RequestContext(baseUrl(), apiKey)).toSpecification(),
                new ServerConnection("http", host, port, "/root/.stash", "session"));
        ScanTasks scans = new ScanTasks(library, disk, hooks::fire, logs);
        PackageSources packageSources = new PackageSources();
        PackageStore packageStore = new PackageStore(pluginsDir);
        PackageDownloader downloader = new PackageDownloader(PackageDownloader.DEFAULT_TIMEOUT);
        PackageJobs packageJobs = new PackageJobs(jobs, logs, downloader, packageStore, packageSources,
                plugins::reload);
        this.graphql = new StashGraphql(library, faults, hooks::fire,
                List.of(new ServiceWiring(logs, jobs, scans, plugins, hooks, settings),
                        new PackageWiring(packageJobs, packageStore, packageSources, downloader, logs, pluginsDir)));
        api[0] = graphql;
        this.webSockets = new GraphqlWebSocket(vertx, graphql.graphql(),
                socket -> new RequestContext(socket.scheme() + "://" + socket.authority(), apiKey)
                        .asContextEntry(),
                b.keepAliveInterval);
        this.http = new EmulatorHttpServer(vertx, library, graphql, faults, apiKey, webSockets::handle);
        http.start(host, port, GraphqlWebSocket.SUBPROTOCOLS);
    }

    private static Path emptyFolder() {
        try {
            return Files.createTempDirectory("stash-emulator-plugins");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a plugins folder", e);
        }
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host, e);
        }
    }

    /**
     * Starts configuring an emulator.
     *
     * @return a builder with the defaults: 1,000 scenes, seed 1, a random API key, 127.0.0.1, any free port
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The GraphQL endpoint.
     *
     * @return for example {@code http://127.0.0.1:9999/graphql}
     */
    public String graphqlUrl() {
        return baseUrl() + "/graphql";
    }

    /**
     * The server's root URL, as media URLs start.
     *
     * @return for example {@code http://127.0.0.1:9999}
     */
    public String baseUrl() {
        return "http://" + host + ":" + port;
    }

    /**
     * The websocket endpoint for subscriptions.
     *
     * @return for example {@code ws://127.0.0.1:9999/graphql}
     */
    public String websocketUrl() {
        return "ws://" + host + ":" + port + "/graphql";
    }

    /** @return the API key every request must carry, or null when the emulator has none */
    public String apiKey() {
        return apiKey;
    }

    /** @return the port bound */
    public int port() {
        return port;
    }

    /** @return the library served */
    public Library library() {
        return library;
    }

    /** @return the faults to inject, all off at start */
    public Faults faults() {
        return faults;
    }

    /** @return the changes on the emulated disk that the next Scan or Clean picks up */
    public DiskChanges disk() {
        return disk;
    }

    /** @return the log stream ({@code loggingSubscribe}), with its drop-share fault */
    public LogBroadcaster logs() {
        return logs;
    }

    /** @return the job queue */
    public JobQueue jobs() {
        return jobs;
    }

    /** @return the installed plugins */
    public PluginRegistry plugins() {
        return plugins;
    }

    /**
     * The plugins folder (Stash's {@code plugins_path}): where plugins are loaded from and where
     * {@code installPackages} installs to.
     *
     * @return the folder given to {@link Builder#pluginsDir}, or else a temporary folder that exists until
     *         {@link #close()} deletes it with everything in it
     */
    public Path pluginsDir() {
        return pluginsDir;
    }

    /** @return the hook dispatcher, with its execution statistics */
    public HookDispatcher hooks() {
        return hooks;
    }

    /** @return the websocket transport, for disconnect faults */
    public GraphqlWebSocket webSockets() {
        return webSockets;
    }

    /**
     * Runs a document in-process, as the API key holder would over HTTP; for tests that set up or check state.
     *
     * @param document  the document
     * @param variables its variables
     * @return the result
     */
    public ExecutionResult execute(String document, Map<String, Object> variables) {
        return graphql.execute(document, variables, null, new RequestContext(baseUrl(), apiKey));
    }

    @Override
    public void close() {
        http.close();
        webSockets.disconnectAll();
        jobs.close();
        logs.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        if (temporaryPluginsDir) {
            deleteTree(pluginsDir);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the temporary plugins folder " + root, e);
        }
    }

    /** Configures an emulator. Not thread-safe. */
    public static final class Builder {

        private LibrarySpec spec = LibrarySpec.ofScenes(1, 1000);
        private Clock clock = Clock.systemUTC();
        private String host = "127.0.0.1";
        private int port;
        private String apiKey = randomKey();
        private Path pluginsDir;
        private Duration logBatchInterval = LogBroadcaster.STASH_BATCH_INTERVAL;
        private Duration keepAliveInterval = GraphqlWebSocket.STASH_KEEP_ALIVE_INTERVAL;

        private Builder() {
        }

        /**
         * @param spec the library to generate
         * @return this
         */
        public Builder library(LibrarySpec spec) {
            this.spec = Objects.requireNonNull(spec);
            return this;
        }

        /**
         * A library with the default proportions.
         *
         * @param seed   the seed
         * @param scenes number of scenes, 0 or more
         * @return this
         */
        public Builder scenes(long seed, int scenes) {
            return library(LibrarySpec.ofScenes(seed, scenes));
        }

        /**
         * @param clock the clock for timestamps of changes, jobs and log entries
         * @return this
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /**
         * @param host the address to bind, a loopback address in tests
         * @return this
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /**
         * @param port the port, 0 (the default) for any free one
         * @return this
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be within 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * @param apiKey the API key requests must carry; null for a Stash without credentials
         * @return this
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /**
         * @param pluginsDir the folder whose {@code *.yml} plugins are loaded (searched recursively) and into which
         *                   {@code installPackages} installs; null (the default) for a temporary, empty one
         * @return this
         */
        public Builder pluginsDir(Path pluginsDir) {
            this.pluginsDir = pluginsDir;
            return this;
        }

        /**
         * @param interval how often the log stream sends a batch (Stash: 1 second)
         * @return this
         */
        public Builder logBatchInterval(Duration interval) {
            this.logBatchInterval = Objects.requireNonNull(interval);
            return this;
        }

        /**
         * @param interval keep-alive period on the legacy websocket subprotocol (Stash: 10 seconds)
         * @return this
         */
        public Builder keepAliveInterval(Duration interval) {
            this.keepAliveInterval = Objects.requireNonNull(interval);
            return this;
        }

        /**
         * Generates the library and starts serving.
         *
         * @return the running emulator
         */
        public StashEmulator start() {
            return new StashEmulator(this);
        }

        private static String randomKey() {
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        }
    }
}
