package dev.larder.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The query benchmark's result as markdown, in the style of {@code perf/RESULTS.md}: the run's settings and
 * machine, one row per class (cold, hot, its SQL over JDBC, the ratio, Peek's figure, and with a baseline the growth
 * of its cold cost), the throughput beside the HTTP ceiling, and the goals, met or missed by which class.
 *
 * @param run      the run
 * @param baseline a run at another library size to compare cold costs with, or null
 */
record QueryReport(QueryRun run, QueryRun baseline) {

    /** The goals (for 1,000,000 scenes on a 2-core machine). */
    static final double COLD_P99_GOAL_MS = 50;
    static final double HOT_P99_GOAL_MS = 2;
    static final double CEILING_SHARE_GOAL = 0.5;
    static final double GROWTH_GOAL = 2;

    private static final double MIB = 1024.0 * 1024.0;

    QueryReport {
        Objects.requireNonNull(run, "run");
    }

    /** @return the report, ending with a line break */
    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "### query: %,d scenes, default proportions, seed %d, Larder -Xmx%s%n%n",
                run.scenes(), run.seed(), run.larderHeap()));
        Machine m = run.machine();
        md.append(String.format(Locale.ROOT, "Run %s on %s (%d cores, %.0f GiB), JDK %s; load average %.1f at the "
                        + "start and %.1f at the end. Library: %s; store %,d MiB, %s. Picks: %s. Larder's peak RSS: "
                        + "%s with L1 off, %s with L1 on.%n%n", run.date(), m.cpu(), m.cores(),
                m.memoryBytes() / (MIB * 1024), m.jdk(), run.loadAtStart(), run.loadAtEnd(), run.library(),
                Math.round(run.storeBytes() / MIB), run.store(), run.picks(), mib(run.coldRss()), mib(run.hotRss())));
        md.append(run.settings()).append("\n\n");
        classTable(md);
        throughput(md);
        goals(md);
        return md.toString();
    }

    private void classTable(StringBuilder md) {
        boolean growth = baseline != null;
        md.append("| class | matches | cold p50 / p99 | hot p50 / p99 | JDBC p50 / p99 | cold ÷ JDBC (p50) |");
        md.append(growth ? String.format(Locale.ROOT, " cold p50 vs %,d scenes |", baseline.scenes()) : "");
        md.append(" Peek 50k / 1M |\n|---|---:|---:|---:|---:|---:|").append(growth ? "---:|" : "").append("---|\n");
        for (QueryRun.ClassResult c : run.classes()) {
            if (c.notRun() != null) {
                md.append("| ").append(c.name()).append(" | not run: ").append(cell(c.notRun())).append(" |")
                        .append(" |".repeat(growth ? 5 : 4)).append(' ').append(peek(c)).append(" |\n");
                continue;
            }
            md.append("| ").append(c.name())
                    .append(" | ").append(c.matches() == null ? "—" : String.format(Locale.ROOT, "%,d", c.matches()))
                    .append(" | ").append(pair(c.cold()))
                    .append(" | ").append(pair(c.hot()))
                    .append(" | ").append(c.jdbc() == null ? "no SQL: " + cell(c.sql()) : pair(c.jdbc()))
                    .append(" | ").append(c.jdbc() == null ? "—"
                            : String.format(Locale.ROOT, "%.1f", c.cold().p50Ms() / c.jdbc().p50Ms()));
            if (growth) {
                md.append(" | ").append(growth(c).map(g -> String.format(Locale.ROOT, "×%.1f", g)).orElse("—"));
            }
            md.append(" | ").append(peek(c)).append(" |\n");
        }
        md.append('\n');
    }

    private void throughput(StringBuilder md) {
        if (run.larder() == null) {
            md.append("No class ran, so there is no hot mix to measure throughput on.\n\n");
            return;
        }
        LoadClient.Outcome larder = run.larder().load();
        md.append(String.format(Locale.ROOT, "Throughput: %d clients for %.0f s on each server, in windows taking "
                        + "turns (Larder, ceiling, Larder...) after 3 s of warm-up each, every client going round the "
                        + "hot mix (the classes that ran, L1 on) from its own starting point; the HTTP ceiling is "
                        + "Helidon in a JVM of its own with Larder's options and server settings, answering the same "
                        + "requests with one fixed %,d-byte body (the mix's mean answer) from memory.%n%n",
                larder.clients(), larder.seconds(), run.ceilingBody()));
        md.append("| server | requests/s | MiB/s | p50 / p99 under load | failed | server CPU | harness CPU |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        row(md, "Larder, hot mix", run.larder());
        row(md, "HTTP ceiling", run.ceiling());
        md.append(String.format(Locale.ROOT, "%nLarder serves %.0f%% of the ceiling's requests per second.%n%n",
                100 * share()));
    }

    private static void row(StringBuilder md, String name, QueryRun.Throughput t) {
        LoadClient.Outcome o = t.load();
        md.append(String.format(Locale.ROOT, "| %s | %,.0f | %.1f | %s | %,d | %.1f s | %.1f s |%n", name,
                o.perSecond(), o.bytes() / MIB / o.seconds(), pair(o.latency()), o.failed(), t.serverCpu(),
                t.harnessCpu()));
    }

    private void goals(StringBuilder md) {
        List<QueryRun.ClassResult> ran = run.classes().stream().filter(c -> c.notRun() == null).toList();
        md.append(String.format(Locale.ROOT, "Goals (the issue's, for 1,000,000 scenes; this run has %,d):%n%n",
                run.scenes()));
        goal(md, "every class's cold p99 under 50 ms", ran, c -> c.cold().p99Ms() < COLD_P99_GOAL_MS
                ? null : String.format(Locale.ROOT, "%s (p99 %s ms%s)", c.name(), ms(c.cold().p99Ms()),
                c.jdbc() == null ? "" : "; its SQL alone " + ms(c.jdbc().p99Ms()) + " ms"));
        goal(md, "every class's hot p99 under 2 ms", ran, c -> c.hot().p99Ms() < HOT_P99_GOAL_MS
                ? null : String.format(Locale.ROOT, "%s (p99 %s ms)", c.name(), ms(c.hot().p99Ms())));
        if (run.larder() != null) {
            md.append(String.format(Locale.ROOT, "- hot throughput at least half the HTTP ceiling: **%s** (%.0f%%)%n",
                    share() >= CEILING_SHARE_GOAL ? "met" : "missed", 100 * share()));
        }
        if (baseline != null) {
            goal(md, String.format(Locale.ROOT, "no cold p50 more than 2× the %,d-scene run's", baseline.scenes()),
                    ran.stream().filter(c -> growth(c).isPresent()).toList(), c -> growth(c).get() <= GROWTH_GOAL
                            ? null : String.format(Locale.ROOT, "%s (×%.1f)", c.name(), growth(c).get()));
        } else {
            md.append("- cold cost growth from 50,000 to 1,000,000 scenes at most 2×: needs a run at the other size "
                    + "(`--baseline`)\n");
        }
        long notRun = run.classes().size() - ran.size();
        if (notRun > 0) {
            md.append(String.format(Locale.ROOT, "- %d of %d classes not run (see the table)%n", notRun,
                    run.classes().size()));
        }
        md.append('\n');
    }

    private static void goal(StringBuilder md, String what, List<QueryRun.ClassResult> classes,
                             Function<QueryRun.ClassResult, String> miss) {
        List<String> misses = new ArrayList<>();
        for (QueryRun.ClassResult c : classes) {
            String m = miss.apply(c);
            if (m != null) {
                misses.add(m);
            }
        }
        md.append("- ").append(what).append(": ");
        if (misses.isEmpty()) {
            md.append(String.format(Locale.ROOT, "**met** by all %d classes that ran%n", classes.size()));
        } else {
            md.append(String.format(Locale.ROOT, "**missed** by %d of %d: %s%n", misses.size(), classes.size(),
                    String.join(", ", misses)));
        }
    }

    private double share() {
        return run.larder().load().perSecond() / run.ceiling().load().perSecond();
    }

    private Optional<Double> growth(QueryRun.ClassResult c) {
        return baseline.classes().stream()
                .filter(b -> b.name().equals(c.name()) && b.cold() != null && c.cold() != null)
                .findFirst().map(b -> c.cold().p50Ms() / b.cold().p50Ms());
    }

    private static String peek(QueryRun.ClassResult c) {
        return c.peek() == null ? "—" : c.peek();
    }

    private static String pair(Latencies.Summary s) {
        return ms(s.p50Ms()) + " / " + ms(s.p99Ms()) + " ms";
    }

    /** Milliseconds with three significant figures or so: 0.412, 3.52, 12.3, 153. */
    static String ms(double millis) {
        if (millis < 1) {
            return String.format(Locale.ROOT, "%.3f", millis);
        }
        if (millis < 10) {
            return String.format(Locale.ROOT, "%.2f", millis);
        }
        if (millis < 100) {
            return String.format(Locale.ROOT, "%.1f", millis);
        }
        return String.format(Locale.ROOT, "%,.0f", millis);
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "unknown" : String.format(Locale.ROOT, "%,d MiB", bytes >> 20);
    }

    /** A text made safe for a table cell. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
