package dev.larder.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryReportTest {

    private static final Machine MACHINE = new Machine("AMD EPYC", 2, 24L << 30, "25.0.3+9-LTS");

    private static QueryRun.ClassResult ran(String name, double coldP50, double coldP99, double hotP99,
                                            double jdbcP50) {
        return new QueryRun.ClassResult(name, "POST /api/v1/scenes/query {}", null, 1234L, 20_000,
                new Latencies.Summary(200, coldP50, coldP99, coldP99 + 1), new Latencies.Summary(1000, 0.3, hotP99,
                hotP99 + 1), new Latencies.Summary(200, jdbcP50, jdbcP50 * 2, jdbcP50 * 3), "count, page",
                "0.20–0.27 s / 5.9 s");
    }

    private static QueryRun run(int scenes, List<QueryRun.ClassResult> classes) {
        QueryRun.Throughput larder = new QueryRun.Throughput(new LoadClient.Outcome(16, 20, 60_000, 0, 600L << 20,
                new Latencies.Summary(60_000, 4.1, 12.5, 40)), 30.5, 9.5);
        QueryRun.Throughput ceiling = new QueryRun.Throughput(new LoadClient.Outcome(16, 20, 100_000, 0,
                1000L << 20, new Latencies.Summary(100_000, 2.5, 8, 30)), 20, 19);
        return new QueryRun("2026-12-02T00:00:00Z", MACHINE, 6.4, 6.1, scenes, 1, "50,000 scenes", "reused",
                166L << 20, "tags 1 \"A\"", "256m", "Latency: one client.", classes, larder, ceiling, 20_000,
                200L << 20, 230L << 20);
    }

    private static final QueryRun.ClassResult AWAITING = new QueryRun.ClassResult("random carousel of 12",
            "GET /api/v1/scenes/random?count=12", "awaits wt-stats: GET /api/v1/{type}/random (answered 400: no | id)",
            null, 0, null, null, null, null, null);

    @Test
    void aRowPerClassWithTheRatioToJdbcAndPeeksFigure() {
        String md = new QueryReport(run(50_000, List.of(ran("newest first, page 1", 12.34, 20.1, 0.9, 10.3),
                AWAITING)), null).markdown();

        assertThat(md, containsString("### query: 50,000 scenes, default proportions, seed 1, Larder -Xmx256m"));
        assertThat(md, containsString("load average 6.4 at the start and 6.1 at the end"));
        assertThat(md, containsString("| newest first, page 1 | 1,234 | 12.3 / 20.1 ms | 0.300 / 0.900 ms "
                + "| 10.3 / 20.6 ms | 1.2 | 0.20–0.27 s / 5.9 s |"));
        assertThat(md, containsString("| random carousel of 12 | not run: awaits wt-stats: GET /api/v1/{type}/random "
                + "(answered 400: no \\| id) | | | | | — |"));
        assertThat(md, containsString("| Larder, hot mix | 3,000 | 30.0 | 4.10 / 12.5 ms | 0 | 30.5 s | 9.5 s |"));
        assertThat(md, containsString("Larder serves 60% of the ceiling's requests per second."));
    }

    @Test
    void goalsNameTheClassesThatMissThem() {
        String md = new QueryReport(run(1_000_000, List.of(ran("fast", 5, 9, 0.8, 4),
                ran("slow", 40, 63, 2.5, 38), AWAITING)), null).markdown();

        assertThat(md, containsString("- every class's cold p99 under 50 ms: **missed** by 1 of 2: slow (p99 63.0 ms; "
                + "its SQL alone 76.0 ms)"));
        assertThat(md, containsString("- every class's hot p99 under 2 ms: **missed** by 1 of 2: slow (p99 2.50 ms)"));
        assertThat(md, containsString("- hot throughput at least half the HTTP ceiling: **met** (60%)"));
        assertThat(md, containsString("needs a run at the other size (`--baseline`)"));
        assertThat(md, containsString("- 1 of 3 classes not run"));
    }

    @Test
    void aBaselineAddsEachClasssColdGrowth() {
        QueryRun small = run(50_000, List.of(ran("fast", 5, 9, 0.8, 4), ran("slow", 10, 20, 0.8, 9)));
        QueryRun large = run(1_000_000, List.of(ran("fast", 6, 9, 0.8, 4), ran("slow", 35, 40, 0.8, 30)));

        String md = new QueryReport(large, small).markdown();

        assertThat(md, containsString("| cold p50 vs 50,000 scenes |"));
        assertThat(md, containsString("| ×1.2 |"));
        assertThat(md, containsString("- no cold p50 more than 2× the 50,000-scene run's: **missed** by 1 of 2: "
                + "slow (×3.5)"));
        assertThat(md, not(containsString("--baseline")));
    }

    @Test
    void aRunReadBackFromItsJsonReportsTheSame(@TempDir Path dir) throws Exception {
        QueryRun run = run(50_000, List.of(ran("fast", 5, 9, 0.8, 4), AWAITING));
        Path file = dir.resolve("results/50000-1.json");

        run.write(file);

        assertThat(Files.exists(file), is(true));
        assertThat(new QueryReport(QueryRun.read(file), null).markdown(), is(new QueryReport(run, null).markdown()));
    }
}
