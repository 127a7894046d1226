package dev.larder.bench;

import dev.larder.Larder;
import dev.larder.LarderConfig;
import dev.larder.emulator.StashEmulator;
import dev.larder.model.EntityType;
import dev.larder.store.StoreConfig;
import dev.larder.sync.EventSettings;
import dev.larder.sync.SyncMode;
import dev.larder.sync.SyncSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code events}: how long a change saved in Stash takes to be visible in Larder through the plugin's hook and the
 * log stream, with the real plugin file running in the emulator (in one JVM with Larder, so one clock measures
 * both ends), and how long the hook adds to the save in the emulator.
 */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Latency from a saved change to Larder, through the real plugin and the log stream.")
final class EventLatencyBenchmark implements Callable<Integer> {

    @Option(names = "--scenes", description = "scenes in the library (default: ${DEFAULT-VALUE})")
    int scenes = 20_000;

    @Option(names = "--changes", description = "changes to time, one after another (default: ${DEFAULT-VALUE})")
    int changes = 100;

    @Option(names = "--out", description = "also write the markdown report to this file")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path home = Path.of(System.getProperty("larder.home", ".")).toAbsolutePath().normalize();
        Path plugin = home.resolve("stash-plugin/src/main/plugin");
        Path dir = Files.createTempDirectory("larder-events-bench");
        try (StashEmulator emulator = StashEmulator.builder().scenes(1, scenes).pluginsDir(plugin).start()) {
            LarderConfig config = new LarderConfig(URI.create(emulator.graphqlUrl()), emulator.apiKey(),
                    Duration.ofSeconds(120), SyncSettings.DEFAULTS, Duration.ofMinutes(120), Duration.ofDays(7), null,
                    false, StoreConfig.defaults(dir.resolve("larder.db")), null, EventSettings.DEFAULTS, null, null);
            try (Larder larder = Larder.start(config)) {
                larder.sync().request(SyncMode.FULL).get(10, TimeUnit.MINUTES);
                while (!larder.subscribed()) {
                    Thread.sleep(20);
                }
                List<Double> latencies = new ArrayList<>();
                long hookNanosBefore = emulator.hooks().stats().totalNanos();
                long hooksBefore = emulator.hooks().stats().executions();
                for (int i = 0; i < changes; i++) {
                    int id = 1 + (i * 7919) % scenes;
                    String title = "bench " + i;
                    long started = System.nanoTime();
                    emulator.execute("mutation{sceneUpdate(input:{id:\"" + id + "\",title:\"" + title + "\"}){id}}",
                            Map.of());
                    while (!larder.store().get(EntityType.SCENE, id)
                            .map(e -> e.json().path("title").asText()).orElse("").equals(title)) {
                        if (System.nanoTime() - started > TimeUnit.SECONDS.toNanos(30)) {
                            throw new IllegalStateException("change " + i + " not visible within 30 s");
                        }
                        Thread.sleep(1);
                    }
                    latencies.add((System.nanoTime() - started) / 1e6);
                }
                long hooks = emulator.hooks().stats().executions() - hooksBefore;
                double hookMillis = (emulator.hooks().stats().totalNanos() - hookNanosBefore) / 1e6 / hooks;
                Collections.sort(latencies);
                String md = String.format(Locale.ROOT, """
                        ### events: %,d changes, one after another, %,d-scene library
                        
                        JDK %s, %d CPUs. Stash's log stream batches once a second (emulated as in Stash); \
                        Larder's coalescing window %d ms.
                        
                        | what | p50 | p90 | p99 | max |
                        |---|---:|---:|---:|---:|
                        | save in Stash -> visible in Larder's store | %.0f ms | %.0f ms | %.0f ms | %.0f ms |
                        
                        Time the plugin's hook adds to a save (emulator, Rhino): %.2f ms on average over %,d hooks.
                        """, changes, scenes, Runtime.version(), Runtime.getRuntime().availableProcessors(),
                        EventSettings.DEFAULTS.window().toMillis(), pct(latencies, 50), pct(latencies, 90),
                        pct(latencies, 99), latencies.getLast(), hookMillis, hooks);
                System.out.print(md);
                if (out != null) {
                    Files.writeString(out, md);
                }
            }
        }
        return 0;
    }

    private static double pct(List<Double> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
