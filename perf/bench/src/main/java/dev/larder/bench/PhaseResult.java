package dev.larder.bench;

import java.time.Duration;
import java.util.Optional;

/**
 * One paging phase's outcome.
 *
 * @param name      what was paged, for the report
 * @param perPage   the page size asked for
 * @param pages     pages received
 * @param rows      scenes received
 * @param wall      wall time from the first request to the last page's end
 * @param wireBytes response bytes as received (compressed)
 * @param jsonBytes response bytes after decompression
 * @param problem   the first check that failed or the error that stopped the phase; empty when all checks passed
 */
record PhaseResult(String name, int perPage, long pages, long rows, Duration wall, long wireBytes, long jsonBytes,
                   Optional<String> problem) {

    /** @return pages per second of wall time, 0 when no time passed */
    double pagesPerSecond() {
        return perSecond(pages);
    }

    /** @return rows per second of wall time, 0 when no time passed */
    double rowsPerSecond() {
        return perSecond(rows);
    }

    private double perSecond(long amount) {
        double seconds = wall.toNanos() / 1e9;
        return seconds > 0 ? amount / seconds : 0;
    }
}
