package dev.larder.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code emulator-paging}: starts the Stash emulator in a child JVM with a small heap, pages through all its scenes
 * by keyset twice (ids only, then Larder's full-sync field set) and reports throughput, bytes and the child's peak
 * RSS. Exit code 0 when every check passed and the emulator lived, 1 otherwise, 2 when it could not start.
 */
@Command(name = "emulator-paging",
        description = {"Pages through every scene of the Stash emulator (in a child JVM) and reports its throughput.",
                "%nPhase 1 asks for ids only, 5,000 a page; phase 2 for Larder's full-sync fields, 1,000 a page; both"
                        + " by keyset (id > last). Checks that ids ascend strictly and that the counts add up;"
                        + " reports pages/s, rows/s, bytes received and the emulator's peak RSS as a markdown table."
                        + " Exit code: 0 all checks passed, 1 a check failed or the emulator died, 2 it did not start."})
final class EmulatorPagingBenchmark implements Callable<Integer> {
    private static final int IDS_PER_PAGE = 5_000;
    private static final int FULL_PER_PAGE = 1_000;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Option(names = "--scenes", paramLabel = "N", defaultValue = "1000000", description = "scenes in the emulated library (default: ${DEFAULT-VALUE})")
    long scenes;

    @Option(names = "--xmx", paramLabel = "SIZE", defaultValue = "256m", description = "the emulator's maximum heap (default: ${DEFAULT-VALUE})")
    String maxHeap;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1", description = "the library's seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--emulator-jar", paramLabel = "JAR",
            description = "the emulator's jar (default: perf/stash-emulator/target/larder-stash-emulator.jar under"
                    + " the larder.home system property or the current folder)")
    Path emulatorJar;

    @Option(names = "--logs", paramLabel = "DIR", description = "where to keep the emulator's stdout and stderr (default: a new temporary folder)")
    Path logDir;

    @Option(names = "--ready-timeout", defaultValue = "600", paramLabel = "SECONDS",
            description = "how long the emulator may take to be ready (default: ${DEFAULT-VALUE})")
    long readyTimeoutSeconds;

    @Option(names = "--request-timeout", defaultValue = "300", paramLabel = "SECONDS",
            description = "how long one page may take (default: ${DEFAULT-VALUE})")
    long requestTimeoutSeconds;

    @Option(names = "--out", paramLabel = "FILE", description = "also write the markdown table to this file")
    Path out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path jar = jar();
        if (!Files.isRegularFile(jar)) {
            System.err.println("emulator-paging: no emulator jar at " + jar + " (build it: mvn -B -DskipTests install,"
                    + " or run through ./larder bench)");
            return 2;
        }
        EmulatorLaunch launch = new EmulatorLaunch(ProcessHandle.current().info().command().map(Path::of)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java")),
                jar.toString(), EmulatorLaunch.EMULATOR_MAIN, maxHeap, scenes, seed,
                logDir != null ? logDir : Files.createTempDirectory("larder-bench-"),
                Duration.ofSeconds(readyTimeoutSeconds), List.of());
        System.err.println("emulator-paging: starting the emulator with " + scenes + " scenes, -Xmx" + maxHeap
                + "; logs in " + launch.logDir());
        EmulatorProcess emulator;
        try {
            emulator = EmulatorProcess.start(launch);
        } catch (IOException e) {
            System.err.println("emulator-paging: " + e.getMessage());
            return 2;
        }
        PagingReport report;
        try (emulator; GraphqlHttpClient client = new GraphqlHttpClient(emulator.ready().url(),
                emulator.ready().apiKey(), Duration.ofSeconds(requestTimeoutSeconds))) {
            System.err.println("emulator-paging: ready in " + emulator.startup().toMillis() + " ms at "
                    + emulator.ready().url());
            List<PhaseResult> phases = new ArrayList<>();
            phases.add(KeysetScan.run("ids (keyset)", client.scenePages(SceneDocuments.IDS), IDS_PER_PAGE));
            System.err.println("emulator-paging: ids done");
            if (emulator.outcome().died()) {
                System.err.println("emulator-paging: the emulator died; skipping the full-sync phase");
            } else {
                phases.add(KeysetScan.run("full-sync fields (keyset)", client.scenePages(SceneDocuments.FULL_SYNC),
                        FULL_PER_PAGE));
            }
            report = new PagingReport(scenes, maxHeap, seed, Runtime.version().toString(),
                    Runtime.getRuntime().availableProcessors(), emulator.startup(), emulator.outcome(), phases);
        }
        String markdown = report.markdown();
        System.out.print(markdown);
        if (out != null) {
            Files.writeString(out, markdown);
        }
        return report.passed() ? 0 : 1;
    }

    private Path jar() {
        if (emulatorJar != null) {
            return emulatorJar;
        }
        Path home = Path.of(System.getProperty("larder.home", "."));
        return home.resolve("perf/stash-emulator/target/larder-stash-emulator.jar").toAbsolutePath().normalize();
    }
}
