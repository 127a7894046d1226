package dev.larder.demo;

import dev.larder.Larder;
import dev.larder.LarderConfig;
import dev.larder.http.Main;
import dev.larder.emulator.StashEmulator;
import dev.larder.cache.L1Settings;
import dev.larder.query.QuerySettings;
import dev.larder.store.StoreConfig;
import dev.larder.sync.EventSettings;
import dev.larder.sync.SyncMode;
import dev.larder.sync.SyncSettings;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.WebServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./larder demo}: Larder's main job on the embedded default, with nothing to install. Starts a Stash emulator
 * with 20,000 scenes, starts Larder on it (a fresh SQLite store in a temporary folder, the HTTP API on a free port),
 * shows the full sync as a progress bar, has the emulator install Larder's Stash plugin from Larder and shows a save
 * in Stash reaching Larder's API, then prints ready-to-paste {@code curl} commands and runs until Ctrl-C.
 */
public final class Demo {

    private static final int SCENES = 20_000;

    private Demo() {
    }

    /**
     * Entry point.
     *
     * @param args none
     * @throws Exception when start-up fails
     */
    public static void main(String[] args) throws Exception {
        // before anything logs, so that the first log line already has Larder's format
        LogConfig.configureRuntime();
        Console out = new Console(System.out);
        ConsoleLogHandler.install(out);
        out.println(String.format(Locale.ROOT, "Starting a Stash emulator with %,d scenes...", SCENES));
        StashEmulator emulator = StashEmulator.builder().scenes(1, SCENES).start();
        Path dir = Files.createTempDirectory("larder-demo");
        String adminToken = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        LarderConfig config = new LarderConfig(URI.create(emulator.graphqlUrl()), emulator.apiKey(),
                Duration.ofSeconds(120), SyncSettings.DEFAULTS, Duration.ofMinutes(60), Duration.ofHours(6),
                SyncMode.FULL, false, StoreConfig.defaults(dir.resolve("larder.db")), adminToken,
                EventSettings.DEFAULTS, null, null, L1Settings.DEFAULTS,
                QuerySettings.DEFAULTS);
        long started = System.nanoTime();
        Larder larder = Larder.start(config);
        WebServer server = Main.start(Config.builder().disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.create(Map.of("port", "0", "host", "127.0.0.1"))).build(), larder);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            larder.close();
            emulator.close();
            deleteQuietly(dir);
            stopped.countDown();
        }, "demo-shutdown"));

        out.println("Larder syncs from " + emulator.graphqlUrl() + " into " + dir.resolve("larder.db"));
        ProgressBar bar = new ProgressBar();
        while (larder.sync().lastOutcome() == null) {
            out.status(bar.render(larder.sync().status(), Duration.ofNanos(System.nanoTime() - started)));
            Thread.sleep(250);
        }
        out.status(bar.render(larder.sync().status(), Duration.ofNanos(System.nanoTime() - started)));
        out.endStatus();
        double seconds = (System.nanoTime() - started) / 1e9;
        var outcome = larder.sync().lastOutcome();
        out.println(String.format(Locale.ROOT, "Full sync %s in %.1f s: %,d rows written.", outcome.ok() ? "done"
                : "ended with errors " + outcome.errors(), seconds, outcome.written()));
        out.println();
        String base = "http://127.0.0.1:" + server.port();
        showLiveEvents(out, emulator, base, adminToken);
        out.println("Try it (the admin token below is this demo's own, made up for this run):");
        out.println("  curl -s " + base + "/api/v1/sync/status");
        out.println("  curl -s -H 'Authorization: Bearer " + adminToken + "' " + base + "/api/v1/scenes/1");
        out.println("  curl -s -H 'Authorization: Bearer " + adminToken + "' " + base + "/api/v1/performers/1");
        out.println("  curl -s -X POST -H 'Authorization: Bearer " + adminToken + "' -d '{\"mode\":\"incremental\"}' "
                + base + "/api/v1/sync");
        out.println("  curl -s " + base + "/observe/health");
        out.println();
        out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    /**
     * Has the emulator install Larder's Stash plugin from the source Larder serves (as {@code ./larder install-plugin}
     * does with a real Stash), then saves a scene in the emulator and times it to Larder's HTTP API.
     */
    private static void showLiveEvents(Console out, StashEmulator emulator, String base, String adminToken)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        out.println("Installing Larder's Stash plugin into the emulator from " + base + "/stash-plugin/index.yml...");
        HttpRequest install = HttpRequest.newBuilder(URI.create(base + "/api/v1/stash-plugin/install"))
                .header("Authorization", "Bearer " + adminToken).POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        HttpResponse<String> installed = http.send(install, HttpResponse.BodyHandlers.ofString());
        out.println("  " + installed.statusCode() + " " + installed.body());
        if (installed.statusCode() != 200) {
            out.println();
            return;
        }
        String title = "Saved in Stash at " + LocalTime.now().withNano(0);
        long saved = System.nanoTime();
        emulator.execute("mutation{sceneUpdate(input:{id:\"1\",title:\"" + title + "\"}){id}}", Map.of());
        HttpRequest scene = HttpRequest.newBuilder(URI.create(base + "/api/v1/scenes/1"))
                .header("Authorization", "Bearer " + adminToken).build();
        while (!http.send(scene, HttpResponse.BodyHandlers.ofString()).body().contains(title)) {
            if (System.nanoTime() - saved > TimeUnit.SECONDS.toNanos(30)) {
                out.println("Scene 1 was retitled in Stash but Larder did not show it within 30 s.");
                out.println();
                return;
            }
            Thread.sleep(5);
        }
        out.println(String.format(Locale.ROOT, "Scene 1 retitled in Stash (\"%s\"): visible in Larder's API %,d ms "
                + "later, through the plugin's hook and Stash's log stream, with no sync.", title,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - saved)));
        out.println();
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
