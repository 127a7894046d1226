package dev.larder.bench;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code sync}: Larder's full sync and a no-change incremental sync, each process in its own JVM as in
 * production: the emulator (with room to spare) and the Larder server (heap capped, by default at 256 MB). Reports
 * wall time, rows per second, Larder's peak RSS, both processes' CPU time (whose ratio shows which side bounds the
 * sync) and the database's size.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Full sync then a no-change incremental sync of an emulated library into Larder.")
final class SyncBenchmark implements Callable<Integer> {

    @Option(names = "--scenes", description = "scenes (default: ${DEFAULT-VALUE})")
    int scenes = 50_000;

    @Option(names = "--shape", description = "default (the emulator's proportions) or peek (50k-style library of "
            + "LESSONS.md: 10 performers, 4 tags, 1 studio and 0.4 groups per 100 scenes; no images, galleries "
            + "or markers) (default: ${DEFAULT-VALUE})")
    String shape = "default";

    @Option(names = "--larder-xmx", description = "Larder's heap (default: ${DEFAULT-VALUE})")
    String larderHeap = "256m";

    @Option(names = "--emulator-xmx", description = "the emulator's heap (default: ${DEFAULT-VALUE})")
    String emulatorHeap = "2g";

    @Option(names = "--page-size", description = "stash.page-size (default: ${DEFAULT-VALUE})")
    int pageSize = 1000;

    @Option(names = "--out", description = "also write the markdown report to this file")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path home = Path.of(System.getProperty("larder.home", ".")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("larder-sync-bench");
        List<String> libraryArgs = switch (shape) {
            case "default" -> List.of();
            case "peek" -> List.of("--performers", Integer.toString(scenes / 10), "--tags",
                    Integer.toString(scenes / 25), "--studios", Integer.toString(scenes / 100), "--groups",
                    Integer.toString(scenes / 250), "--galleries", "0", "--images", "0", "--markers", "0");
            default -> throw new IllegalArgumentException("--shape must be default or peek, got " + shape);
        };
        EmulatorLaunch launch = new EmulatorLaunch(ChildJvm.javaExecutable(),
                home.resolve("perf/stash-emulator/target/larder-stash-emulator.jar").toString(),
                EmulatorLaunch.EMULATOR_MAIN, emulatorHeap, scenes, 1, work, Duration.ofMinutes(5), libraryArgs);
        System.err.println("sync: starting the emulator (" + scenes + " scenes, shape " + shape + "); logs in "
                + work);
        try (EmulatorProcess emulator = EmulatorProcess.start(launch)) {
            Path config = work.resolve("larder.yaml");
            Files.writeString(config, """
                    server:
                      port: 0
                      host: 127.0.0.1
                    stash:
                      url: %s
                      page-size: %d
                    sync:
                      on-start: full
                    l2:
                      path: %s
                    """.formatted(emulator.ready().url(), pageSize, work.resolve("larder.db")));
            long emulatorCpuBefore = ProcessCpu.of(emulator.pid()).toMillis();
            try (LarderProcess larder = LarderProcess.start(home, larderHeap, config, work.resolve("larder.log"),
                    emulator.ready().apiKey())) {
                JsonNode full = larder.awaitSync("full");
                double fullSeconds = (System.nanoTime() - larder.startedNanos()) / 1e9;
                long larderCpu = ProcessCpu.of(larder.pid()).toMillis();
                long emulatorCpu = ProcessCpu.of(emulator.pid()).toMillis() - emulatorCpuBefore;
                long rows = 0;
                for (JsonNode t : full.get("types")) {
                    rows += t.get("fetched").asLong();
                }
                long fullRss = larder.peakRssBytes().orElse(-1);

                long incrementalStarted = System.nanoTime();
                HttpResponse<String> queued = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                larder.uri("/api/v1/sync")).header("Authorization", "Bearer " + larder.adminToken())
                        .POST(HttpRequest.BodyPublishers.ofString("{\"mode\":\"incremental\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (queued.statusCode() != 202) {
                    throw new IOException("POST /api/v1/sync answered " + queued.statusCode() + ": " + queued.body());
                }
                JsonNode incremental = larder.awaitSync("incremental");
                double incrementalSeconds = (System.nanoTime() - incrementalStarted) / 1e9;
                long written = incremental.get("last").get("written").asLong();

                String markdown = report(fullSeconds, rows, fullRss, larderCpu, emulatorCpu,
                        Files.size(work.resolve("larder.db")), full.get("last").get("errors"), incrementalSeconds,
                        written, emulator.outcome().peakRssBytes().orElse(-1));
                System.out.print(markdown);
                if (out != null) {
                    Files.writeString(out, markdown);
                }
                return full.get("last").get("errors").isEmpty() ? 0 : 1;
            }
        }
    }

    private String report(double fullSeconds, long rows, long larderRss, long larderCpuMillis, long emulatorCpuMillis,
                          long dbBytes, JsonNode errors, double incrementalSeconds, long written, long emulatorRss) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "### sync: %,d scenes, shape %s, Larder -Xmx%s, page size %d%n%n",
                scenes, shape, larderHeap, pageSize));
        md.append(String.format(Locale.ROOT, "JDK %s, %d CPUs.%n%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors()));
        md.append("| what | value |\n|---|---:|\n");
        List<String[]> rowsOut = new ArrayList<>();
        rowsOut.add(new String[] {"full sync, wall (from Larder's start to its last write)",
                String.format(Locale.ROOT, "%.1f s", fullSeconds)});
        rowsOut.add(new String[] {"rows synced (all types)", String.format(Locale.ROOT, "%,d", rows)});
        rowsOut.add(new String[] {"rows/s", String.format(Locale.ROOT, "%,.0f", rows / fullSeconds)});
        rowsOut.add(new String[] {"Larder peak RSS", String.format(Locale.ROOT, "%,d MiB", larderRss >> 20)});
        rowsOut.add(new String[] {"Larder CPU", String.format(Locale.ROOT, "%.1f s", larderCpuMillis / 1000.0)});
        rowsOut.add(new String[] {"emulator CPU", String.format(Locale.ROOT, "%.1f s", emulatorCpuMillis / 1000.0)});
        rowsOut.add(new String[] {"emulator peak RSS", String.format(Locale.ROOT, "%,d MiB", emulatorRss >> 20)});
        rowsOut.add(new String[] {"database size", String.format(Locale.ROOT, "%,d MiB", dbBytes >> 20)});
        rowsOut.add(new String[] {"errors", errors.isEmpty() ? "none" : errors.toString()});
        rowsOut.add(new String[] {"no-change incremental sync, wall (request to outcome)",
                String.format(Locale.ROOT, "%.2f s", incrementalSeconds)});
        rowsOut.add(new String[] {"rows it wrote", Long.toString(written)});
        for (String[] r : rowsOut) {
            md.append("| ").append(r[0]).append(" | ").append(r[1]).append(" |\n");
        }
        return md.toString();
    }
}
