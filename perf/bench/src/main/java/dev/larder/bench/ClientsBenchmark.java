package dev.larder.bench;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Statistics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

/**
 * {@code clients}: Larder's own GraphQL client and plain JDBC measured side by side with the libraries the design
 * card named, SmallRye's GraphQL dynamic client and Helidon's DbClient, in one run. It first gets a 1,000-scene sync
 * page from an in-process Stash emulator (once; the bytes are replayed) and syncs a few thousand scenes into an L2
 * file, checking that the read benchmark's fixed SQL answers what the query engine answers; then it runs the JMH
 * benchmarks {@link PageParseBench}, {@link PageFetchBench}, {@link LogMessageBench} and
 * {@link ReadStatementsBench} one fork each, round after round, the two variants of each pair in alternating order,
 * so that the load of a shared machine falls on both. Reports medians, throughput and allocation per operation.
 */
@Command(name = "clients", mixinStandardHelpOptions = true,
        description = {"Larder's GraphQL client and plain JDBC against SmallRye's GraphQL client and Helidon's DbClient.",
                "%nMeasures (JMH, one fork per variant and round, variants alternating): a 1,000-scene findScenes page"
                        + " parsed without HTTP and fetched end to end from a local server; a log-stream websocket"
                        + " message; the read side's page, count and item-rendering statements on an L2 file synced"
                        + " from the emulator. Prints medians, 1/mean throughput and bytes allocated per operation"
                        + " (JMH's gc profiler) as markdown; JMH's own output goes to stderr."})
final class ClientsBenchmark implements Callable<Integer> {

    @Option(names = "--rounds", description = "rounds; each runs every variant once (default: ${DEFAULT-VALUE})")
    int rounds = 3;

    @Option(names = "--warmup", description = "JMH warm-up iterations per fork (default: ${DEFAULT-VALUE})")
    int warmup = 4;

    @Option(names = "--iterations", description = "JMH measured iterations per fork (default: ${DEFAULT-VALUE})")
    int iterations = 5;

    @Option(names = "--seconds", description = "seconds per JMH iteration (default: ${DEFAULT-VALUE})")
    int seconds = 2;

    @Option(names = "--page-scenes", description = "scenes in the sync page (default: ${DEFAULT-VALUE})")
    int pageScenes = 1000;

    @Option(names = "--store-scenes", description = "scenes synced into the L2 file (default: ${DEFAULT-VALUE})")
    int storeScenes = 5000;

    @Option(names = "--only", split = ",", description = "run only these comparisons: parse, fetch, logs, reads "
            + "(default: all)")
    List<String> only;

    @Option(names = "--out", description = "also write the markdown report to this file")
    Path out;

    /** One pair of variants: the method of Larder's way and the method of the library's way. */
    private record Comparison(String key, String title, Class<?> bench, String larder, String library,
                              Map<String, String> params) {
    }

    /** What one fork of one variant measured. */
    private record Sample(double medianMicros, double meanMicros, double cpuMicros, double bytesPerOp) {
    }

    @Override
    public Integer call() throws Exception {
        Path work = Files.createTempDirectory("larder-clients-bench");
        String loadBefore = loadAverage();
        System.err.println("clients: preparing in " + work);
        Path page = ClientsInputs.scenePage(work.resolve("page.json"), pageScenes);
        Path store = work.resolve("larder.db");
        int tag = ClientsInputs.syncedStore(store, storeScenes);
        List<Comparison> comparisons = comparisons(page, store, tag).stream()
                .filter(c -> only == null || only.contains(c.key())).toList();

        // a JMH run elsewhere on this shared machine must not stop this one
        System.setProperty("jmh.ignoreLock", "true");
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (Comparison c : comparisons) {
                List<String> order = round % 2 == 1 ? List.of(c.larder(), c.library()) : List.of(c.library(),
                        c.larder());
                for (String method : order) {
                    System.err.println("clients: round " + round + "/" + rounds + ": " + c.bench().getSimpleName()
                            + "." + method);
                    samples.computeIfAbsent(c.bench().getSimpleName() + "." + method, k -> new ArrayList<>())
                            .add(run(c, method));
                }
            }
        }
        String report = report(comparisons, samples, loadBefore, loadAverage());
        System.out.print(report);
        if (out != null) {
            Files.writeString(out, report);
        }
        return 0;
    }

    private static List<Comparison> comparisons(Path page, Path store, int tag) {
        Map<String, String> pageParam = Map.of("pageFile", page.toString());
        Map<String, String> storeParams = Map.of("storeFile", store.toString(), "tag", Integer.toString(tag));
        return List.of(
                new Comparison("parse", "1,000-scene page parsed, no HTTP", PageParseBench.class, "larder",
                        "smallrye", pageParam),
                new Comparison("fetch", "1,000-scene page fetched end to end, local HTTP", PageFetchBench.class,
                        "larder", "smallrye", pageParam),
                new Comparison("logs", "log-stream message, 100 lines", LogMessageBench.class, "larder", "smallrye",
                        Map.of()),
                new Comparison("reads", "page of 40 ids (filter, sort)", ReadStatementsBench.class, "pageJdbc",
                        "pageDbClient", storeParams),
                new Comparison("reads", "count", ReadStatementsBench.class, "countJdbc", "countDbClient",
                        storeParams),
                new Comparison("reads", "40 items rendered (6 statements, one snapshot)", ReadStatementsBench.class,
                        "renderJdbc", "renderDbClient", storeParams));
    }

    private Sample run(Comparison c, String method) throws RunnerException {
        List<String> jvmArgs = new ArrayList<>(List.of("-Xmx1g"));
        jvmArgs.addAll(ChildJvm.options());
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(c.bench().getName() + "." + method) + "$")
                .forks(1)
                .warmupIterations(warmup).warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(seconds))
                .jvmArgsAppend(jvmArgs.toArray(String[]::new))
                .addProfiler(GCProfiler.class)
                .addProfiler(ProcessCpuProfiler.class)
                .shouldFailOnError(true);
        c.params().forEach(options::param);
        RunResult result = new Runner(options.build(),
                OutputFormatFactory.createFormatInstance(System.err, VerboseMode.NORMAL)).runSingle();
        Statistics stats = result.getPrimaryResult().getStatistics();
        return new Sample(stats.getPercentile(50), stats.getMean(), secondary(result, "cpu.per.op"),
                secondary(result, "gc.alloc.rate.norm"));
    }

    private static double secondary(RunResult result, String name) {
        Result<?> r = result.getSecondaryResults().get(name);
        return r == null ? Double.NaN : r.getScore();
    }

    private String report(List<Comparison> comparisons, Map<String, List<Sample>> samples, String loadBefore,
                          String loadAfter) {
        StringBuilder r = new StringBuilder();
        r.append("## Clients: Larder's own GraphQL client and plain JDBC against SmallRye and DbClient\n\n");
        r.append(String.format(Locale.ROOT, "`./larder bench clients --rounds %d` (%d warm-up + %d measured %d s"
                        + " iterations per fork, JMH SampleTime, one thread), %s, %s %s, %d CPUs (%s), load average"
                        + " %s before and %s after. Variants alternate within each round. Figures are the median of"
                        + " the rounds' values; brackets give the rounds' range. CPU per op is the benchmark JVM's"
                        + " process CPU time (every thread) over the operations of each measured iteration.%n%n",
                rounds, warmup, iterations, seconds, LocalDate.now(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), Runtime.getRuntime().availableProcessors(), cpuModel(),
                loadBefore, loadAfter));
        r.append("| what | variant | median (wall) | throughput (1/mean) | CPU per op (all threads) |"
                + " allocated per op | wall vs Larder's way | CPU vs Larder's way |\n");
        r.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (Comparison c : comparisons) {
            List<Sample> larder = samples.get(c.bench().getSimpleName() + "." + c.larder());
            List<Sample> library = samples.get(c.bench().getSimpleName() + "." + c.library());
            row(r, c.title(), c.larder(), larder, larder);
            row(r, "", c.library(), library, larder);
        }
        return r.toString();
    }

    private static void row(StringBuilder r, String title, String variant, List<Sample> samples,
                            List<Sample> larder) {
        double[] medians = samples.stream().mapToDouble(Sample::medianMicros).toArray();
        double median = median(medians);
        double cpu = median(samples, Sample::cpuMicros);
        r.append(String.format(Locale.ROOT, "| %s | %s | %s [%s-%s] | %,.0f/s | %s | %s | %.2f× | %.2f× |%n", title,
                variant, time(median), time(Arrays.stream(medians).min().orElse(0)),
                time(Arrays.stream(medians).max().orElse(0)), 1e6 / median(samples, Sample::meanMicros), time(cpu),
                bytes(median(samples, Sample::bytesPerOp)), median / median(larder, Sample::medianMicros),
                cpu / median(larder, Sample::cpuMicros)));
    }

    private static double median(List<Sample> samples, ToDoubleFunction<Sample> value) {
        return median(samples.stream().mapToDouble(value).toArray());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String time(double micros) {
        return micros >= 1000 ? String.format(Locale.ROOT, "%.2f ms", micros / 1000)
                : String.format(Locale.ROOT, "%.1f µs", micros);
    }

    private static String bytes(double b) {
        if (Double.isNaN(b)) {
            return "n/a";
        }
        return b >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MiB", b / (1 << 20))
                : String.format(Locale.ROOT, "%.0f KiB", b / 1024);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
