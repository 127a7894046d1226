package dev.larder.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.larder.emulator.library.LibrarySpec;
import dev.larder.store.Store;
import dev.larder.store.StoreConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code query}: the query API's latency and throughput over HTTP (issue 9), Larder and the emulator in separate
 * JVMs as in production, Larder's heap capped (256 MB by default). Each {@link QueryClasses class} is timed by one
 * client sending requests one at a time, cold (a Larder started with every L1 cache off) and hot (a Larder with L1
 * on, after a warm-up pass); beside each cold request, the SQL Larder's explain route lists for it is run over JDBC
 * on the same file, so Larder's overhead shows as a ratio. Then concurrent clients send the hot mix for a fixed
 * time, and the same mix to an HTTP ceiling (Helidon answering a fixed body of the mix's mean size from memory).
 * What is compared is measured in turn (a cold request, its SQL, the next request...; a window of load on Larder,
 * one on the ceiling...), so that on a shared machine both sides meet the same background load.
 *
 * <p>The synced store is kept under {@code perf/bench/target/query-store/<scenes>-<seed>/} and reused by a run of
 * the same library spec and schema ({@link QueryStore}); otherwise a full sync comes first (about 5 minutes at
 * 1,000,000 scenes). The emulator runs throughout, since Larder needs a Stash to start, but queries never reach
 * it. Every run's figures are also written as JSON ({@code perf/bench/target/query-results/<scenes>-<seed>.json});
 * {@code --baseline} names another size's file, and the report adds how each class's cold cost grew.
 *
 * <pre>
 * ./larder bench query --scenes 50000
 * ./larder bench query --scenes 1000000 --baseline perf/bench/target/query-results/50000-1.json
 * </pre>
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Query latency (cold: L1 off, hot: L1 on, and the same SQL over JDBC) and hot throughput "
                + "beside the machine's HTTP ceiling, Larder and the emulator in separate JVMs.")
final class QueryBenchmark implements Callable<Integer> {

    /** Statuses with which a route or criterion that Larder lacks is refused. */
    private static final Set<Integer> UNSUPPORTED = Set.of(400, 404, 405, 501);

    @Option(names = "--scenes", description = "scenes, default proportions (default: ${DEFAULT-VALUE})")
    int scenes = 50_000;

    @Option(names = "--seed", description = "the library's seed (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--larder-xmx", description = "Larder's heap, and the HTTP ceiling's (default: ${DEFAULT-VALUE})")
    String larderHeap = "256m";

    @Option(names = "--emulator-xmx", description = "the emulator's heap (default: ${DEFAULT-VALUE})")
    String emulatorHeap = "2g";

    @Option(names = "--warm-up", description = "requests per class before timing, at most (default: ${DEFAULT-VALUE})")
    int warmUp = 20;

    @Option(names = "--cold-runs", description = "timed cold requests per class, at most (default: ${DEFAULT-VALUE})")
    int coldRuns = 200;

    @Option(names = "--hot-runs", description = "timed hot requests per class, at most (default: ${DEFAULT-VALUE})")
    int hotRuns = 1_000;

    @Option(names = "--class-seconds", description = "time limit of one class's timed cold requests; the warm-up "
            + "gets a quarter of it, hot requests half (default: ${DEFAULT-VALUE})")
    int classSeconds = 20;

    @Option(names = "--clients", description = "concurrent clients for throughput (default: ${DEFAULT-VALUE})")
    int clients = 16;

    @Option(names = "--load-seconds", description = "how long each throughput run lasts, after 3 s of warm-up "
            + "(default: ${DEFAULT-VALUE})")
    int loadSeconds = 20;

    @Option(names = "--store", description = "the folder of the reusable store (default: "
            + "perf/bench/target/query-store/<scenes>-<seed>)")
    Path storeDir;

    @Option(names = "--results", description = "where this run's figures go as JSON (default: "
            + "perf/bench/target/query-results/<scenes>-<seed>.json)")
    Path results;

    @Option(names = "--baseline", description = "another run's JSON (e.g. the other library size): the report adds "
            + "each class's cold p50 growth")
    Path baseline;

    @Option(names = "--out", description = "also write the markdown report to this file")
    Path out;

    /** One class through the run: what it sent, how it answered, what was timed. */
    private static final class ClassRun {
        final QueryClass type;
        QueryRequest request;
        String notRun;
        boolean failed;
        Long matches;
        int bytes;
        ExplainedSql sql;
        String sqlNote;
        Latencies.Summary cold;
        Latencies.Summary hot;
        Latencies.Summary jdbc;

        ClassRun(QueryClass type) {
            this.type = type;
            this.request = type.request();
        }

        boolean ran() {
            return notRun == null;
        }

        QueryRun.ClassResult result() {
            return new QueryRun.ClassResult(type.name(), request.toString(), notRun, matches, bytes, cold, hot, jdbc,
                    sql != null ? String.join(", ", sql.roles()) : sqlNote, type.peek());
        }
    }

    @Override
    public Integer call() throws Exception {
        Path home = Path.of(System.getProperty("larder.home", ".")).toAbsolutePath().normalize();
        String name = scenes + "-" + seed;
        LibrarySpec spec = LibrarySpec.ofScenes(seed, scenes);
        QueryStore store = new QueryStore(storeDir != null ? storeDir
                : home.resolve("perf/bench/target/query-store").resolve(name), spec);
        Path resultsFile = results != null ? results : home.resolve("perf/bench/target/query-results")
                .resolve(name + ".json");
        QueryRun base = baseline == null ? null : QueryRun.read(baseline);
        Path work = Files.createTempDirectory("larder-query-bench");
        String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        double loadAtStart = Machine.loadAverage();
        List<String> notes = new ArrayList<>();

        EmulatorLaunch launch = new EmulatorLaunch(ChildJvm.javaExecutable(),
                home.resolve("perf/stash-emulator/target/larder-stash-emulator.jar").toString(),
                EmulatorLaunch.EMULATOR_MAIN, emulatorHeap, scenes, seed, work, Duration.ofMinutes(5), List.of());
        progress("starting the emulator (%,d scenes, seed %d); logs in %s", scenes, seed, work);
        try (EmulatorProcess emulator = EmulatorProcess.start(launch)) {
            String origin = store.reusable() ? "reused from an earlier run" : sync(home, store, emulator, work);
            LibraryPicks picks;
            try (Connection c = Store.openReadOnly(StoreConfig.defaults(store.database()))) {
                picks = LibraryPicks.find(c);
            }
            List<ClassRun> runs = QueryClasses.all(picks).stream().map(ClassRun::new).toList();

            long coldRss = cold(home, store, emulator, work, runs, notes);
            Hot hot = hot(home, store, emulator, work, runs, notes);

            QueryRun run = new QueryRun(date, Machine.here(), loadAtStart, Machine.loadAverage(), scenes, seed,
                    library(spec), origin, Files.size(store.database()), describe(picks), larderHeap,
                    settings(notes), runs.stream().map(ClassRun::result).toList(), hot.larder, hot.ceiling,
                    hot.ceilingBody, coldRss, hot.rss);
            run.write(resultsFile);
            String markdown = new QueryReport(run, base).markdown();
            System.out.print(markdown);
            if (out != null) {
                Files.writeString(out, markdown);
            }
            progress("figures written to %s", resultsFile);
            return runs.stream().anyMatch(r -> r.failed) || emulator.outcome().died() ? 1 : 0;
        }
    }

    /** Syncs the store from scratch; returns how long it took, for the report. */
    private String sync(Path home, QueryStore store, EmulatorProcess emulator, Path work)
            throws IOException, InterruptedException {
        progress("no reusable store in %s: full sync first", store.dir());
        store.clear();
        Path config = config(work.resolve("larder-sync.yaml"), emulator, store, "full", true);
        try (LarderProcess larder = LarderProcess.start(home, larderHeap, config, work.resolve("larder-sync.log"),
                emulator.ready().apiKey())) {
            JsonNode status = larder.awaitSync("full");
            double seconds = (System.nanoTime() - larder.startedNanos()) / 1e9;
            JsonNode errors = status.get("last").get("errors");
            if (!errors.isEmpty()) {
                throw new IOException("the full sync ended with errors: " + errors);
            }
            long rss = larder.peakRssBytes().orElse(-1);
            store.mark();
            progress("synced in %.0f s", seconds);
            return String.format(Locale.ROOT, "synced for this run in %.0f s (Larder's peak RSS then %,d MiB)",
                    seconds, rss >> 20);
        }
    }

    /**
     * Times every class with L1 off, and beside each request its SQL over JDBC, in turn, so that both meet the same
     * background load and run as often; returns Larder's peak RSS.
     */
    private long cold(Path home, QueryStore store, EmulatorProcess emulator, Path work, List<ClassRun> runs,
                      List<String> notes) throws Exception {
        Path config = config(work.resolve("larder-cold.yaml"), emulator, store, "none", false);
        try (LarderProcess larder = LarderProcess.start(home, larderHeap, config, work.resolve("larder-cold.log"),
                emulator.ready().apiKey());
             Connection sqlite = Store.openReadOnly(StoreConfig.defaults(store.database()))) {
            JsonNode syncsBefore = larder.syncStatus().get("last");
            HttpTarget target = new HttpTarget(larder.uri("/"), larder.adminToken());
            for (ClassRun r : runs) {
                prepare(r, target);
                if (!r.ran()) {
                    progress("%s: not run: %s", r.type.name(), r.notRun);
                    continue;
                }
                explain(r, target);
                List<Latencies.Timed> steps = new ArrayList<>(List.of(() -> ok(r, target)));
                if (r.sql != null) {
                    steps.add(() -> r.sql.run(sqlite));
                }
                Latencies.measureInTurn(warmUp, Duration.ofSeconds(classSeconds).dividedBy(4), steps);
                List<Latencies> timed = Latencies.measureInTurn(coldRuns, Duration.ofSeconds(classSeconds), steps);
                r.cold = timed.get(0).summary();
                r.jdbc = r.sql == null ? null : timed.get(1).summary();
                progress("%s: cold p50 %s ms, p99 %s ms (n %d)%s", r.type.name(), QueryReport.ms(r.cold.p50Ms()),
                        QueryReport.ms(r.cold.p99Ms()), r.cold.n(), r.jdbc == null ? "" : "; JDBC p50 "
                                + QueryReport.ms(r.jdbc.p50Ms()) + " ms, p99 " + QueryReport.ms(r.jdbc.p99Ms()) + " ms");
            }
            checkNoSync(larder, syncsBefore, "cold", notes);
            return larder.peakRssBytes().orElse(-1);
        }
    }

    /** What the hot phase measured. */
    private record Hot(QueryRun.Throughput larder, QueryRun.Throughput ceiling, int ceilingBody, long rss) {
    }

    /** Times every class that ran cold with L1 on, then the hot mix's throughput and the HTTP ceiling's. */
    private Hot hot(Path home, QueryStore store, EmulatorProcess emulator, Path work, List<ClassRun> runs,
                    List<String> notes) throws Exception {
        Path config = config(work.resolve("larder-hot.yaml"), emulator, store, "none", true);
        try (LarderProcess larder = LarderProcess.start(home, larderHeap, config, work.resolve("larder-hot.log"),
                emulator.ready().apiKey())) {
            JsonNode syncsBefore = larder.syncStatus().get("last");
            HttpTarget target = new HttpTarget(larder.uri("/"), larder.adminToken());
            List<ClassRun> hot = new ArrayList<>();
            for (ClassRun r : runs) {
                if (r.ran()) {
                    prepare(r, target);
                    if (r.ran()) {
                        hot.add(r);
                    }
                }
            }
            for (int pass = 0; pass < warmUp; pass++) {
                for (ClassRun r : hot) {
                    ok(r, target);
                }
            }
            for (ClassRun r : hot) {
                r.hot = Latencies.measure(hotRuns, Duration.ofSeconds(classSeconds).dividedBy(2), () -> ok(r, target))
                        .summary();
                progress("%s: hot p50 %s ms, p99 %s ms (n %d)", r.type.name(), QueryReport.ms(r.hot.p50Ms()),
                        QueryReport.ms(r.hot.p99Ms()), r.hot.n());
            }
            if (hot.isEmpty()) {
                return new Hot(null, null, 0, larder.peakRssBytes().orElse(-1));
            }
            List<QueryRequest> mix = hot.stream().map(r -> r.request).toList();
            int body = (int) Math.round(hot.stream().mapToInt(r -> r.bytes).average().orElseThrow());
            try (CeilingServer.Running ceiling = CeilingServer.start(home, larderHeap, body,
                    work.resolve("ceiling.log"))) {
                Load load = new Load(new LoadClient(target, mix, clients), larder.pid(),
                        new LoadClient(new HttpTarget(ceiling.root(), "none"), mix, clients), ceiling.child().pid());
                load.run();
                progress("hot mix: %,.0f requests/s; HTTP ceiling: %,.0f requests/s",
                        load.larder.load().perSecond(), load.ceiling.load().perSecond());
                checkNoSync(larder, syncsBefore, "hot", notes);
                return new Hot(load.larder, load.ceiling, body, larder.peakRssBytes().orElse(-1));
            }
        }
    }

    /**
     * The throughput of Larder and of the HTTP ceiling on the same mix, measured in alternating windows (after 3 s
     * of warm-up each) so that both meet the same background load, with the CPU each server and the harness used
     * in their own windows.
     */
    private final class Load {
        private static final int WINDOWS = 4;

        private final LoadClient larderClient;
        private final long larderPid;
        private final LoadClient ceilingClient;
        private final long ceilingPid;
        private QueryRun.Throughput larder;
        private QueryRun.Throughput ceiling;

        Load(LoadClient larderClient, long larderPid, LoadClient ceilingClient, long ceilingPid) {
            this.larderClient = larderClient;
            this.larderPid = larderPid;
            this.ceilingClient = ceilingClient;
            this.ceilingPid = ceilingPid;
        }

        void run() throws Exception {
            larderClient.run(Duration.ofSeconds(3));
            ceilingClient.run(Duration.ofSeconds(3));
            Duration window = Duration.ofMillis(loadSeconds * 1000L / WINDOWS);
            LoadClient.Tally larderTally = new LoadClient.Tally(clients, 0);
            LoadClient.Tally ceilingTally = new LoadClient.Tally(clients, 0);
            double[] larderCpu = new double[2];
            double[] ceilingCpu = new double[2];
            for (int w = 0; w < WINDOWS; w++) {
                larderTally.add(window(larderClient, window, larderPid, larderCpu));
                ceilingTally.add(window(ceilingClient, window, ceilingPid, ceilingCpu));
            }
            larder = new QueryRun.Throughput(larderTally.outcome(), larderCpu[0], larderCpu[1]);
            ceiling = new QueryRun.Throughput(ceilingTally.outcome(), ceilingCpu[0], ceilingCpu[1]);
        }

        /** One window; adds the server's and the harness' CPU seconds in it to {@code cpu[0]} and {@code cpu[1]}. */
        private static LoadClient.Tally window(LoadClient client, Duration window, long serverPid, double[] cpu)
                throws Exception {
            long self = ProcessHandle.current().pid();
            long serverBefore = ProcessCpu.of(serverPid).toMillis();
            long selfBefore = ProcessCpu.of(self).toMillis();
            LoadClient.Tally tally = client.run(window);
            cpu[0] += (ProcessCpu.of(serverPid).toMillis() - serverBefore) / 1000.0;
            cpu[1] += (ProcessCpu.of(self).toMillis() - selfBefore) / 1000.0;
            return tally;
        }
    }

    /**
     * Sends a class's first request on a Larder: fetches the cursor it continues from, and finds out whether it
     * runs at all (a class awaiting something Larder lacks is refused with a 4xx).
     */
    private static void prepare(ClassRun r, HttpTarget target) throws IOException, InterruptedException {
        QueryRequest request = r.type.request();
        if (r.type.cursorFrom() != null) {
            HttpTarget.Answer from = target.send(r.type.cursorFrom());
            if (from.status() != 200) {
                refused(r, from);
                return;
            }
            JsonNode cursor = from.json().get("next_cursor");
            if (cursor == null || !cursor.isTextual()) {
                r.notRun = r.type.cursorFrom() + " gave no next_cursor (the library is too small)";
                return;
            }
            request = request.withCursor(cursor.asText());
        }
        HttpTarget.Answer first = target.send(request);
        if (first.status() != 200) {
            refused(r, first);
            return;
        }
        r.request = request;
        r.bytes = first.body().length;
        JsonNode count = first.json().get("count");
        r.matches = count == null ? null : count.asLong();
    }

    private static void refused(ClassRun r, HttpTarget.Answer answer) {
        String why = "answered " + answer.status() + ": " + answer.error();
        if (UNSUPPORTED.contains(answer.status()) && r.type.awaits() != null) {
            r.notRun = "awaits " + r.type.awaits() + " (" + why + ")";
        } else if (answer.status() == 400 && answer.error().contains("does not support")) {
            r.notRun = "Larder does not support it yet (" + why + ")";
        } else {
            r.notRun = "failed: " + why;
            r.failed = true;
        }
    }

    /** Asks Larder for the class's SQL; a class without an explain route gets a note instead. */
    private static void explain(ClassRun r, HttpTarget target) throws IOException, InterruptedException {
        HttpTarget.Answer answer = target.send(r.request.explain());
        if (answer.status() == 200) {
            r.sql = ExplainedSql.parse(answer.json());
        } else {
            r.sqlNote = r.request.explain().method() + " " + r.request.explain().path() + " answered "
                    + answer.status();
        }
    }

    private static void ok(ClassRun r, HttpTarget target) throws IOException, InterruptedException {
        HttpTarget.Answer answer = target.send(r.request);
        if (answer.status() != 200) {
            throw new IOException(r.type.name() + ": " + r.request + " answered " + answer.status() + ": "
                    + answer.error());
        }
    }

    /** Notes a sync that ran while queries were timed: it would have taken CPU, and moved L1's generations. */
    private static void checkNoSync(LarderProcess larder, JsonNode before, String phase, List<String> notes)
            throws IOException, InterruptedException {
        JsonNode status = larder.syncStatus();
        if (!status.get("running").isNull() || !status.get("last").equals(before)) {
            notes.add("a sync ran during the " + phase + " phase: " + status.get("last"));
        }
    }

    private Path config(Path file, EmulatorProcess emulator, QueryStore store, String onStart, boolean l1)
            throws IOException {
        Files.writeString(file, """
                server:
                  port: 0
                  host: 127.0.0.1
                stash:
                  url: %s
                sync:
                  on-start: %s
                  poll-interval: 120m
                  sweep-interval: 7d
                l2:
                  path: %s
                l1:
                  pages:
                    enabled: %s
                  items:
                    enabled: %s
                  stats:
                    enabled: %s
                """.formatted(emulator.ready().url(), onStart, store.database(), l1, l1, l1));
        return file;
    }

    private String settings(List<String> notes) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "Latency: one client sending one request "
                + "at a time over HTTP/1.1 keep-alive, each timed from sent to its body's last byte read (JDK "
                + "HttpClient, no compression). Cold: a Larder started with every L1 cache off (SQLite's page "
                + "cache and the OS's file cache stay warm); each class warmed up with up to %d requests (%d s at "
                + "most), then timed up to %,d times (%d s at most). Hot: a Larder with L1 on, %d passes over "
                + "every class, then each timed up to %,d times (%d s at most). JDBC: the statements Larder's "
                + "explain route lists for the class, prepared, bound and read row by row on one read-only "
                + "connection with the read pool's pragmas in the harness' JVM, each time right after the class's "
                + "cold request (so both meet the same background load and run as often). Percentiles by nearest "
                + "rank.", warmUp, classSeconds / 4, coldRuns,
                classSeconds, warmUp, hotRuns, classSeconds / 2));
        for (String note : notes) {
            text.append(" **Note:** ").append(note).append('.');
        }
        return text.toString();
    }

    private static String library(LibrarySpec s) {
        return String.format(Locale.ROOT, "%,d scenes, %,d performers, %,d tags, %,d studios, %,d groups, "
                        + "%,d galleries, %,d images, %,d markers", s.scenes(), s.performers(), s.tags(), s.studios(),
                s.groups(), s.galleries(), s.images(), s.markers());
    }

    private static String describe(LibraryPicks p) {
        return "tags " + p.tag1() + " and " + p.tag2() + " (on the most scenes), root tag " + p.rootTag()
                + " (the most descendants), performer " + p.performer() + " (in the most scenes), studio "
                + p.studio() + " (the most descendants); text \"golden beach\"";
    }

    private static void progress(String format, Object... args) {
        System.err.println("query: " + String.format(Locale.ROOT, format, args));
    }
}
