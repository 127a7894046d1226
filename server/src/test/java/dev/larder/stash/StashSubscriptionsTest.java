package dev.larder.stash;

import dev.larder.emulator.StashEmulator;
import dev.larder.emulator.logs.LogLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Subscriptions against the emulator: log lines, jobs, scan-complete, reconnects and a refused key. */
class StashSubscriptionsTest {

    private static final long WAIT_SECONDS = 30;
    private static StashEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = StashEmulator.builder().scenes(3, 200).logBatchInterval(Duration.ofMillis(50)).start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    /** Records every callback as a string event. */
    private static final class Recorder implements StashEventListener {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        final BlockingQueue<StashException> failures = new LinkedBlockingQueue<>();

        @Override
        public void onConnected(boolean reconnect) {
            events.add(reconnect ? "reconnected" : "connected");
        }

        @Override
        public void onDisconnected(String reason) {
            events.add("disconnected");
        }

        @Override
        public void onJob(JobUpdate update) {
            events.add("job " + update.type() + " " + update.job().status() + " " + update.job().description());
        }

        @Override
        public void onScanComplete() {
            events.add("scan complete");
        }

        @Override
        public void onLog(List<LogLine> lines) {
            lines.forEach(line -> events.add("log " + line.level() + " " + line.message()));
        }

        @Override
        public void onFailure(StashException failure) {
            failures.add(failure);
        }

        /** Waits until an event containing each of {@code wanted} has happened, in any order, skipping other events. */
        void awaitAll(Set<String> wanted) throws InterruptedException {
            Set<String> missing = new HashSet<>(wanted);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (!missing.isEmpty() && System.nanoTime() < end) {
                String event = events.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (event != null) {
                    missing.removeIf(event::contains);
                }
            }
            assertThat("events never heard", missing, is(empty()));
        }

        /** Waits for an event that contains {@code text}, skipping others. */
        String await(String text) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (System.nanoTime() < end) {
                String event = events.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (event != null && event.contains(text)) {
                    return event;
                }
            }
            throw new AssertionError("no event containing '" + text + "' within " + WAIT_SECONDS + " s");
        }
    }

    private static StashSubscriptions subscribe(String key, Recorder recorder) {
        return StashSubscriptions.builder(URI.create(emulator.websocketUrl()), recorder).apiKey(key)
                .pingInterval(Duration.ofMillis(200)).pongTimeout(Duration.ofSeconds(5))
                .backoff(new Backoff(Duration.ofMillis(20), Duration.ofMillis(200))).build().start();
    }

    /** Log lines reach the stream only once the subscription runs: log until one arrives. */
    private static void logUntilHeard(Recorder recorder, String text) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < end) {
            emulator.logs().log(LogLevel.Info, text);
            String event = recorder.events.poll(200, TimeUnit.MILLISECONDS);
            while (event != null) {
                if (event.equals("log Info " + text)) {
                    return;
                }
                event = recorder.events.poll();
            }
        }
        throw new AssertionError("log line '" + text + "' never arrived");
    }

    @Test
    void receivesLogLinesJobsAndScanComplete() throws Exception {
        Recorder recorder = new Recorder();
        try (StashSubscriptions subscriptions = subscribe(emulator.apiKey(), recorder)) {
            recorder.await("connected");
            logUntilHeard(recorder, "hello from the test");
            assertThat(subscriptions.connected(), is(true));

            emulator.disk().addSceneFiles(1);
            assertThat(emulator.execute("mutation{metadataScan(input:{})}", Map.of()).getErrors(), is(empty()));
            // the three streams are independent: their messages may interleave in any order
            recorder.awaitAll(Set.of("job ADD READY Scanning...", "FINISHED Scanning...",
                    "scan complete"));
        }
    }

    @Test
    void reconnectsAfterADropAndHearsAgain() throws Exception {
        Recorder recorder = new Recorder();
        try (StashSubscriptions subscriptions = subscribe(emulator.apiKey(), recorder)) {
            recorder.await("connected");
            logUntilHeard(recorder, "before the drop");
            emulator.webSockets().disconnectAll();
            recorder.await("disconnected");
            recorder.await("reconnected");
            logUntilHeard(recorder, "after the drop");
            assertThat(subscriptions.connected(), is(true));
        }
        poll(() -> emulator.webSockets().openConnections() == 0);
    }

    @Test
    void aWrongKeyFailsOnceAndForAll() throws Exception {
        Recorder recorder = new Recorder();
        String wrong = "wrong-key-abcdef";
        try (StashSubscriptions subscriptions = subscribe(wrong, recorder)) {
            StashException failure = recorder.failures.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(failure, is(notNullValue()));
            assertThat(failure.reason(), is(StashException.Reason.UNAUTHORIZED));
            assertThat(failure.httpStatus(), is(401));
            assertThat(failure.getMessage(), not(containsString(wrong)));
            assertThat(subscriptions.toString(), not(containsString(wrong)));
            assertThat(subscriptions.connected(), is(false));
            assertThat(recorder.failures, is(empty()));
            assertThat(recorder.events, is(empty()));
        }
    }

    private static void poll(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + WAIT_SECONDS + " s");
            }
            Thread.sleep(20);
        }
    }
}
