package dev.larder.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The emulator paging benchmark's result as markdown: a heading with the run's settings, the emulator's start-up,
 * peak RSS and fate, and a table with one row per phase.
 *
 * @param scenes   scenes in the emulated library
 * @param maxHeap  the emulator's {@code -Xmx}
 * @param seed     the library's seed
 * @param jdk      the JDK that ran it, e.g. {@code 25.0.3+9-LTS}
 * @param cpus     processors available
 * @param startup  the emulator's time to ready
 * @param outcome  how the emulator fared
 * @param phases   the phases in the order they ran
 */
record PagingReport(long scenes, String maxHeap, long seed, String jdk, int cpus, Duration startup,
                    EmulatorOutcome outcome, List<PhaseResult> phases) {
    private static final double MIB = 1024.0 * 1024.0;

    /** @return whether every phase passed its checks and the emulator lived through them */
    boolean passed() {
        return !outcome.died() && phases.stream().allMatch(p -> p.problem().isEmpty());
    }

    /** @return the report as markdown, ending with a line break */
    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "### emulator-paging: %,d scenes, emulator -Xmx%s, seed %d%n%n",
                scenes, maxHeap, seed));
        md.append(String.format(Locale.ROOT,
                "JDK %s, %d CPUs. Emulator ready in %.1f s; peak RSS %s; %s.%n%n",
                jdk, cpus, startup.toNanos() / 1e9,
                outcome.peakRssBytes().isPresent()
                        ? String.format(Locale.ROOT, "%.0f MiB", outcome.peakRssBytes().getAsLong() / MIB)
                        : "not measured",
                outcome.describe()));
        md.append("| phase | per page | pages | rows | wall (s) | pages/s | rows/s | received (MiB) | JSON (MiB) | checks |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (PhaseResult phase : phases) {
            md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %.1f | %.1f | %,.0f | %.1f | %.1f | %s |%n",
                    phase.name(), phase.perPage(), phase.pages(), phase.rows(), phase.wall().toNanos() / 1e9,
                    phase.pagesPerSecond(), phase.rowsPerSecond(), phase.wireBytes() / MIB,
                    phase.jsonBytes() / MIB, phase.problem().map(PagingReport::cell).orElse("ok")));
        }
        return md.toString();
    }

    private static String cell(String text) {
        return "FAILED: " + text.replace('|', '/').replace('\n', ' ');
    }
}
