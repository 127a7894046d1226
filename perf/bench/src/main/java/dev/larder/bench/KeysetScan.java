package dev.larder.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Pages through every scene by keyset ({@code id > last}, ascending) until a page comes back shorter than asked, and
 * checks what a sync relies on: ids strictly ascending within and across pages, each page's {@code count} equal to
 * the scenes not yet seen, and the rows seen in all equal to the first page's {@code count}.
 */
final class KeysetScan {
    private KeysetScan() {
    }

    /**
     * Runs one scan. A failed request or check ends the scan and is reported in {@link PhaseResult#problem()}, with
     * the counts up to that point; it is not thrown.
     *
     * @param name    the phase's name for the report
     * @param source  where the pages come from
     * @param perPage the page size, at least 1
     * @throws InterruptedException if interrupted while waiting for a page
     */
    static PhaseResult run(String name, PageSource source, int perPage) throws InterruptedException {
        if (perPage < 1) {
            throw new IllegalArgumentException("perPage must be at least 1: " + perPage);
        }
        long start = System.nanoTime();
        long last = 0;
        long expectedTotal = -1;
        long pages = 0;
        long rows = 0;
        long wireBytes = 0;
        long jsonBytes = 0;
        String problem = null;
        while (problem == null) {
            FetchedPage fetched;
            try {
                fetched = source.fetch(last, perPage);
            } catch (IOException e) {
                problem = "page " + (pages + 1) + " after id " + last + " failed: " + e.getMessage();
                break;
            }
            ScenePage page = fetched.page();
            pages++;
            wireBytes += fetched.wireBytes();
            jsonBytes += fetched.jsonBytes();
            if (expectedTotal < 0) {
                expectedTotal = page.count();
            }
            problem = check(page, pages, last, expectedTotal - rows);
            rows += page.rows();
            if (page.rows() > 0) {
                last = page.lastId();
            }
            if (page.rows() < perPage) {
                break;
            }
        }
        if (problem == null && rows != expectedTotal) {
            problem = "saw " + rows + " scenes but the first page's count was " + expectedTotal;
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        return new PhaseResult(name, perPage, pages, rows, wall, wireBytes, jsonBytes, Optional.ofNullable(problem));
    }

    private static String check(ScenePage page, long pageNumber, long afterId, long remaining) {
        if (page.count() != remaining) {
            return "page " + pageNumber + " after id " + afterId + " has count " + page.count() + ", expected "
                    + remaining + " (scenes not yet seen)";
        }
        if (page.rows() > 0 && (page.firstId() <= afterId || !page.ascending())) {
            return "page " + pageNumber + " after id " + afterId + " has ids that are not strictly ascending";
        }
        return null;
    }
}
