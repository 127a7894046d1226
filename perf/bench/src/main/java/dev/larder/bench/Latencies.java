package dev.larder.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Latency samples and their percentiles by nearest rank: the p-th percentile of n sorted samples is the
 * ⌈p·n/100⌉-th, so it is always a latency that was measured (with 200 samples, p99 is the third-worst). Immutable.
 */
final class Latencies {

    /** Something timed once per sample. */
    @FunctionalInterface
    interface Timed {
        void run() throws Exception;
    }

    private final long[] sortedNanos;

    /** @param nanos the samples in nanoseconds, in any order; copied */
    Latencies(long[] nanos) {
        this.sortedNanos = nanos.clone();
        Arrays.sort(this.sortedNanos);
    }

    /**
     * Runs something again and again, one at a time, timing each run.
     *
     * @param times  how many runs at most, at least 1
     * @param budget after this long no further run starts (the first always runs)
     * @param timed  the work
     * @return the runs' times
     * @throws Exception whatever a run throws; the runs stop there
     */
    static Latencies measure(int times, Duration budget, Timed timed) throws Exception {
        return measureInTurn(times, budget, List.of(timed)).getFirst();
    }

    /**
     * Runs several things in turn, one at a time, timing each run: every round runs each once, in order, so that
     * all of them meet the same conditions (on a shared machine, the same background load) and run as often.
     *
     * @param rounds how many rounds at most, at least 1
     * @param budget after this long no further round starts (the first always runs)
     * @param work   what to time, at least one
     * @return each one's times, in the order given
     * @throws Exception whatever a run throws; the rounds stop there
     */
    static List<Latencies> measureInTurn(int rounds, Duration budget, List<Timed> work) throws Exception {
        long[][] nanos = new long[work.size()][rounds];
        long deadline = System.nanoTime() + budget.toNanos();
        int n = 0;
        while (n < rounds && (n == 0 || System.nanoTime() < deadline)) {
            for (int w = 0; w < work.size(); w++) {
                long start = System.nanoTime();
                work.get(w).run();
                nanos[w][n] = System.nanoTime() - start;
            }
            n++;
        }
        List<Latencies> latencies = new ArrayList<>();
        for (long[] times : nanos) {
            latencies.add(new Latencies(Arrays.copyOf(times, n)));
        }
        return latencies;
    }

    /** @return how many samples */
    int count() {
        return sortedNanos.length;
    }

    /**
     * @param percent 0 (exclusive) to 100 (inclusive)
     * @return that percentile in milliseconds, by nearest rank
     * @throws IllegalStateException when there are no samples
     */
    double percentileMillis(double percent) {
        if (sortedNanos.length == 0) {
            throw new IllegalStateException("no samples");
        }
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("a percentile is over 0 and at most 100, got " + percent);
        }
        int rank = (int) Math.ceil(percent / 100 * sortedNanos.length);
        return sortedNanos[Math.max(rank, 1) - 1] / 1e6;
    }

    /** @return the count, p50, p99 and maximum, as reports keep them */
    Summary summary() {
        return new Summary(count(), percentileMillis(50), percentileMillis(99), percentileMillis(100));
    }

    /**
     * What a report keeps of a set of latencies.
     *
     * @param n     samples
     * @param p50Ms median, in milliseconds
     * @param p99Ms 99th percentile, in milliseconds
     * @param maxMs the slowest, in milliseconds
     */
    record Summary(int n, double p50Ms, double p99Ms, double maxMs) {
    }
}
