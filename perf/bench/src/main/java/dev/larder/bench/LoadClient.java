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
    Outcome run(Duration duration) throws Exception {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Future<Tally>> tallies = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                int first = c;
                tallies.add(threads.submit((Callable<Tally>) () -> client(first, end)));
            }
        }
        Tally total = new Tally();
        for (Future<Tally> tally : tallies) {
            try {
                total.add(tally.get());
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
        return new Outcome(clients, duration.toNanos() / 1e9, total.requests, total.failed, total.bytes,
                new Latencies(total.latencies()).summary());
    }

    private Tally client(int first, long end) throws Exception {
        Tally tally = new Tally();
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

    /** One client's counts, then the sum over clients. */
    private static final class Tally {
        private long requests;
        private long failed;
        private long bytes;
        private long[] nanos = new long[1024];
        private int samples;

        void record(long latency, HttpTarget.Answer answer) {
            requests++;
            bytes += answer.body().length;
            if (answer.status() != 200) {
                failed++;
            }
            append(latency);
        }

        void add(Tally other) {
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

        long[] latencies() {
            return Arrays.copyOf(nanos, samples);
        }
    }

    /**
     * What a load run did.
     *
     * @param clients  concurrent clients
     * @param seconds  how long it ran
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
