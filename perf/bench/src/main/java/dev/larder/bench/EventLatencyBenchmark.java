package dev.larder.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.larder.Larder;
import dev.larder.LarderConfig;
import dev.larder.http.Main;
import dev.larder.emulator.StashEmulator;
import dev.larder.emulator.logs.LogEntry;
import dev.larder.model.ChangeEvent;
import dev.larder.model.ChangeEventCodec;
import dev.larder.model.EntityType;
import dev.larder.cache.L1Settings;
import dev.larder.query.QuerySettings;
import dev.larder.store.StoreConfig;
import dev.larder.sync.EventSettings;
import dev.larder.sync.SyncMode;
import dev.larder.sync.SyncSettings;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Timer;
import io.helidon.webserver.WebServer;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code events}: how fast a change saved in Stash becomes visible over Larder's HTTP API through the real plugin
 * and the log stream, and what the plugin's hook costs a save.
 *
 * <p>Emulator, Larder and Larder's HTTP server run in this one JVM, so one clock measures every end:
 * <ul>
 *   <li><b>log entry → visible</b>: from the moment the emulator publishes the log batch holding the change's line
 *   (a subscriber of the emulator's log stream in this JVM sees it when Larder's websocket is sent it) to the first
 *   {@code GET /api/v1/scenes/{id}} that shows the change;</li>
 *   <li><b>save → visible</b>: from the mutation to that same answer. Each change waits a random 0..1 s first, so
 *   saves land at every phase of Stash's one-second log batching instead of just after a batch;</li>
 *   <li><b>hook cost</b>: save times with the plugin enabled and disabled, alternating, side by side;</li>
 *   <li><b>bulk</b>: one bulk update of thousands of scenes, until all are in the store, and how many look-ups
 *   Larder made for its events.</li>
 * </ul>
 */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Latency from a saved change to Larder's HTTP API, through the real plugin and the log stream;"
                + " the hook's cost to a save; a bulk update's way to Larder.")
final class EventLatencyBenchmark implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WARM_UP_SAVES = 200;
    private static final String ADMIN_TOKEN = "bench-admin-token-" + Long.toHexString(System.nanoTime());

    @Option(names = "--scenes", description = "scenes in the library (default: ${DEFAULT-VALUE})")
    int scenes = 20_000;

    @Option(names = "--changes", description = "changes to time, one after another (default: ${DEFAULT-VALUE})")
    int changes = 200;

    @Option(names = "--saves", description = "saves per side for the hook's cost (default: ${DEFAULT-VALUE})")
    int saves = 400;

    @Option(names = "--bulk", description = "scenes in the bulk update (default: ${DEFAULT-VALUE})")
    int bulkScenes = 5_000;

    @Option(names = "--out", description = "also write the markdown report to this file")
    Path out;

    private final Map<Integer, Long> published = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Override
    public Integer call() throws Exception {
        Path home = Path.of(System.getProperty("larder.home", ".")).toAbsolutePath().normalize();
        Path plugin = home.resolve("stash-plugin/src/main/plugin");
        Path dir = Files.createTempDirectory("larder-events-bench");
        try (StashEmulator emulator = StashEmulator.builder().scenes(1, scenes).pluginsDir(plugin).start()) {
            LarderConfig config = new LarderConfig(URI.create(emulator.graphqlUrl()), emulator.apiKey(),
                    Duration.ofSeconds(120), SyncSettings.DEFAULTS, Duration.ofMinutes(120), Duration.ofDays(7), null,
                    false, StoreConfig.defaults(dir.resolve("larder.db")), ADMIN_TOKEN, EventSettings.DEFAULTS,
                    null, null, L1Settings.DEFAULTS,
                QuerySettings.DEFAULTS);
            try (Larder larder = Larder.start(config)) {
                WebServer server = Main.start(Config.builder().disableEnvironmentVariablesSource()
                        .disableSystemPropertiesSource()
                        .addSource(ConfigSources.create(Map.of("port", "0", "host", "127.0.0.1"))).build(), larder);
                try {
                    larder.sync().request(SyncMode.FULL).get(10, TimeUnit.MINUTES);
                    awaitQuiet(larder);
                    emulator.logs().subscribe().subscribe(new PublishTimes());
                    String base = "http://127.0.0.1:" + server.port() + "/api/v1/scenes/";
                    Latencies latencies = measureLatencies(emulator, base);
                    HookCost hook = measureHookCost(emulator);
                    awaitQuiet(larder);
                    Bulk bulk = measureBulk(emulator, larder);
                    report(latencies, hook, bulk);
                } finally {
                    server.stop();
                }
            }
        }
        return 0;
    }

    /** The changes' latencies, and the mean of Larder's own part (larder.events.delay) over them. */
    private record Latencies(List<Double> fromLog, List<Double> fromSave, double larderMeanMillis) {
    }

    private record HookCost(List<Double> enabled, List<Double> disabled) {
    }

    private record Bulk(int scenes, double saveMillis, double visibleMillis, long events, long fetches) {
    }

    /** Waits until Larder is subscribed, runs no sync and has had no event for two log batches. */
    private static void awaitQuiet(Larder larder) throws InterruptedException {
        long received = -1;
        while (!larder.subscribed() || larder.sync().running() != null
                || received != larder.events().stats().received()) {
            received = larder.events().stats().received();
            Thread.sleep(2_000);
        }
    }

    private Latencies measureLatencies(StashEmulator emulator, String base) throws Exception {
        Random random = new Random(42);
        Timer delay = Metrics.globalRegistry().timer("larder.events.delay", List.of())
                .orElseThrow(() -> new IllegalStateException("Larder registered no larder.events.delay timer"));
        long groupsBefore = delay.count();
        double millisBefore = delay.totalTime(TimeUnit.NANOSECONDS) / 1e6;
        List<Double> fromLog = new ArrayList<>();
        List<Double> fromSave = new ArrayList<>();
        for (int i = 0; i < changes; i++) {
            int id = 1 + (i * 7919) % scenes;
            String title = "bench " + i;
            Thread.sleep(random.nextInt(1000));
            published.remove(id);
            long saved = System.nanoTime();
            save(emulator, id, title);
            // polling only once the line is out keeps the poller off the CPUs Larder and the emulator need
            Long logged;
            while ((logged = published.get(id)) == null) {
                if (System.nanoTime() - saved > TimeUnit.SECONDS.toNanos(30)) {
                    throw new IllegalStateException("change " + i + " was not published within 30 s");
                }
                Thread.sleep(1);
            }
            long visible = awaitVisible(base + id, title, saved);
            fromLog.add((visible - logged) / 1e6);
            fromSave.add((visible - saved) / 1e6);
        }
        double larderMean = (delay.totalTime(TimeUnit.NANOSECONDS) / 1e6 - millisBefore)
                / Math.max(1, delay.count() - groupsBefore);
        return new Latencies(fromLog, fromSave, larderMean);
    }

    /** Polls Larder's HTTP API until the scene shows the title; returns the time of the answer that showed it. */
    private long awaitVisible(String url, String title, long since) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).build();
        while (true) {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long answered = System.nanoTime();
            JsonNode body = JSON.readTree(response.body());
            if (title.equals(body.path("entity").path("title").asText())) {
                return answered;
            }
            if (answered - since > TimeUnit.SECONDS.toNanos(30)) {
                throw new IllegalStateException("'" + title + "' not visible within 30 s");
            }
            LockSupport.parkNanos(200_000);
        }
    }

    private HookCost measureHookCost(StashEmulator emulator) {
        List<Double> enabled = new ArrayList<>();
        List<Double> disabled = new ArrayList<>();
        for (int i = 0; i < WARM_UP_SAVES + 2 * saves; i++) {
            boolean on = i % 2 == 0;
            emulator.plugins().setEnabled("larder", on);
            long started = System.nanoTime();
            save(emulator, 1 + (i * 104_729) % scenes, "hook " + i);
            double millis = (System.nanoTime() - started) / 1e6;
            // Rhino compiles the script on first use; the first saves warm both paths up
            if (i >= WARM_UP_SAVES) {
                (on ? enabled : disabled).add(millis);
            }
        }
        emulator.plugins().setEnabled("larder", true);
        return new HookCost(enabled, disabled);
    }

    /** One {@code bulkSceneUpdate} of the first {@code bulkScenes} scenes, until every one is in Larder's store. */
    private Bulk measureBulk(StashEmulator emulator, Larder larder) throws InterruptedException {
        int count = Math.min(bulkScenes, scenes);
        StringBuilder ids = new StringBuilder();
        for (int id = 1; id <= count; id++) {
            ids.append(id == 1 ? "" : ",").append('"').append(id).append('"');
        }
        var before = larder.events().stats();
        long started = System.nanoTime();
        var result = emulator.execute("mutation{bulkSceneUpdate(input:{ids:[" + ids + "],rating100:77}){id}}",
                Map.of());
        if (!result.getErrors().isEmpty()) {
            throw new IllegalStateException("bulk update failed: " + result.getErrors());
        }
        long saved = System.nanoTime();
        int next = 1;
        while (next <= count) {
            if (larder.store().get(EntityType.SCENE, next).map(e -> e.json().path("rating100").asInt())
                    .orElse(0) == 77) {
                next++;
            } else if (System.nanoTime() - saved > TimeUnit.MINUTES.toNanos(5)) {
                throw new IllegalStateException("bulk update not visible within 5 min");
            } else {
                Thread.sleep(1);
            }
        }
        long visible = System.nanoTime();
        var after = larder.events().stats();
        return new Bulk(count, (saved - started) / 1e6, (visible - saved) / 1e6, after.received() - before.received(),
                after.fetches() - before.fetches());
    }

    private static void save(StashEmulator emulator, int id, String title) {
        var result = emulator.execute("mutation{sceneUpdate(input:{id:\"" + id + "\",title:\"" + title + "\"}){id}}",
                Map.of());
        if (!result.getErrors().isEmpty()) {
            throw new IllegalStateException("save failed: " + result.getErrors());
        }
    }

    private void report(Latencies latencies, HookCost hook, Bulk bulk) throws Exception {
        List<Double> fromLog = sorted(latencies.fromLog());
        List<Double> fromSave = sorted(latencies.fromSave());
        List<Double> enabled = sorted(hook.enabled());
        List<Double> disabled = sorted(hook.disabled());
        String md = String.format(Locale.ROOT, """
                ### events: %,d changes, one after another, %,d-scene library

                JDK %s, %d CPUs; emulator, Larder and its HTTP server in one JVM. Stash's log stream batches once a \
                second (emulated as in Stash); Larder's events.window %d ms. Visible = the first \
                `GET /api/v1/scenes/{id}` that shows the change (polled every 0.2 ms from the batch's publication on).

                | what | p50 | p90 | p99 | max |
                |---|---:|---:|---:|---:|
                | log batch published -> visible over HTTP | %.1f ms | %.1f ms | %.1f ms | %.1f ms |
                | save in Stash -> visible over HTTP (saves at random phases of the batching) | %.0f ms | %.0f ms \
                | %.0f ms | %.0f ms |

                Of the first, Larder's own part (`larder.events.delay`: the batch's events taken, the scene refetched \
                from Stash, written and committed) took %.1f ms on average.

                Hook cost, %,d saves per side alternating (after %,d warm-up saves), `sceneUpdate` in the emulator:

                | plugin | p50 | p90 | p99 |
                |---|---:|---:|---:|
                | enabled | %.2f ms | %.2f ms | %.2f ms |
                | disabled | %.2f ms | %.2f ms | %.2f ms |
                | the hook adds (p50) | %.2f ms | | |

                Bulk update of %,d scenes (one `bulkSceneUpdate`, one hook per scene): the save took %,.0f ms in the \
                emulator (hooks included); every scene was in Larder's store %,.0f ms after it returned; %,d events \
                arrived and were refetched in %,d look-ups (one per group of events, 100 ids a request).
                """, changes, scenes, Runtime.version(), Runtime.getRuntime().availableProcessors(),
                EventSettings.DEFAULTS.window().toMillis(),
                pct(fromLog, 50), pct(fromLog, 90), pct(fromLog, 99), fromLog.getLast(),
                pct(fromSave, 50), pct(fromSave, 90), pct(fromSave, 99), fromSave.getLast(),
                latencies.larderMeanMillis(),
                enabled.size(), WARM_UP_SAVES, pct(enabled, 50), pct(enabled, 90), pct(enabled, 99),
                pct(disabled, 50), pct(disabled, 90), pct(disabled, 99), pct(enabled, 50) - pct(disabled, 50),
                bulk.scenes(), bulk.saveMillis(), bulk.visibleMillis(), bulk.events(), bulk.fetches());
        System.out.print(md);
        if (out != null) {
            Files.writeString(out, md);
        }
    }

    private static List<Double> sorted(List<Double> values) {
        List<Double> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }

    private static double pct(List<Double> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** Notes when each scene's change line is published on the emulator's log stream. */
    private final class PublishTimes implements Subscriber<List<LogEntry>> {

        @Override
        public void onSubscribe(Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<LogEntry> batch) {
            long now = System.nanoTime();
            for (LogEntry entry : batch) {
                Optional<ChangeEvent> event = parse(entry.message());
                event.filter(e -> e.type() == EntityType.SCENE)
                        .ifPresent(e -> published.putIfAbsent(e.id(), now));
            }
        }

        private static Optional<ChangeEvent> parse(String message) {
            try {
                return ChangeEventCodec.parse(message);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        @Override
        public void onError(Throwable failure) {
            throw new IllegalStateException("the emulator's log stream failed", failure);
        }

        @Override
        public void onComplete() {
        }
    }
}
