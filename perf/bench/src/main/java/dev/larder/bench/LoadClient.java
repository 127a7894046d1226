package dev.larder.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Closed-loop load: a number of clients, each a virtual thread sending one request after the other (no think time)
 * through one shared {@link HttpTarget}, for a fixed time, each client going round a mix of requests from its own
 * starting point. The same client measures Larder and the HTTP ceiling, so the two compare.
 */
final class LoadClient {

    private final HttpTarget target;
    private final List<QueryRequest> mix;
    private final int clients;

    /**
     * @param target  the server
     * @param mix     the requests, sent in turn; at least one
     * @param clients concurrent clients, at least one
     */
    LoadClient(HttpTarget target, List<QueryRequest> mix, int clients) {
        if (mix.isEmpty() || clients < 1) {
            throw new IllegalArgumentException("load needs a request and a client");
        }
        this.target = target;
        this.mix = List.copyOf(mix);
        this.clients = clients;
    }

    /**
     * Runs the load for a time; a request still running at the end is finished but not counted.
     *
     * @param duration how long
     * @return what was done
     * @throws Exception when a request fails to be exchanged
     */
    Tally run(Duration duration) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        List<Future<Tally>> tallies = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                int first = c;
                tallies.add(threads.submit((Callable<Tally>) () -> client(first, end)));
            }
        }
        // the clients' own tallies count no time: the run's is its duration
        Tally total = new Tally(clients, duration.toNanos() / 1e9);
        for (Future<Tally> tally : tallies) {
            try {
                total.add(tally.get());
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
        return total;
    }

    private Tally client(int first, long end) throws Exception {
        Tally tally = new Tally(1, 0);
        for (int i = first; ; i++) {
            long sent = System.nanoTime();
            if (sent >= end) {
                return tally;
            }
            HttpTarget.Answer answer = target.send(mix.get(i % mix.size()));
            long done = System.nanoTime();
            if (done <= end) {
                tally.record(done - sent, answer);
            }
        }
    }

    /** What one client did, or the sum over the clients of one or more runs. Not thread-safe. */
    static final class Tally {
        private final int clients;
        private double seconds;
        private long requests;
        private long failed;
        private long bytes;
        private long[] nanos = new long[1024];
        private int samples;

        /**
         * @param clients the clients counted
         * @param seconds the time counted
         */
        Tally(int clients, double seconds) {
            this.clients = clients;
            this.seconds = seconds;
        }

        void record(long latency, HttpTarget.Answer answer) {
            requests++;
            bytes += answer.body().length;
            if (answer.status() != 200) {
                failed++;
            }
            append(latency);
        }

        /**
         * Adds another tally's requests and time: those of another client of the same run, or of another run
         * (whose time then adds up).
         *
         * @param other the other tally
         */
        void add(Tally other) {
            seconds += other.seconds;
            requests += other.requests;
            failed += other.failed;
            bytes += other.bytes;
            for (int i = 0; i < other.samples; i++) {
                append(other.nanos[i]);
            }
        }

        private void append(long latency) {
            if (samples == nanos.length) {
                nanos = Arrays.copyOf(nanos, samples * 2);
            }
            nanos[samples++] = latency;
        }

        /** @return the totals, with the latencies' percentiles */
        Outcome outcome() {
            return new Outcome(clients, seconds, requests, failed, bytes,
                    new Latencies(Arrays.copyOf(nanos, samples)).summary());
        }
    }

    /**
     * What load runs did.
     *
     * @param clients  concurrent clients
     * @param seconds  how long they ran
     * @param requests requests answered within the time
     * @param failed   those of them answered with another status than 200
     * @param bytes    body bytes received
     * @param latency  each request's time from sent to its body read, under the load
     */
    record Outcome(int clients, double seconds, long requests, long failed, long bytes, Latencies.Summary latency) {

        /** @return answered requests per second */
        double perSecond() {
            return requests / seconds;
        }
    }
}
