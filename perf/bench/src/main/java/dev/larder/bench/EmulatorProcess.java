package dev.larder.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The Stash emulator running in a child JVM with a random API key, from its ready line until {@link #close()}.
 * Its stdout goes to {@code emulator-stdout.log} (key redacted) and its stderr to {@code emulator-stderr.log} in the
 * launch's log folder; its peak RSS is sampled every {@value #SAMPLE_MILLIS} ms. An {@code OutOfMemoryError} is looked
 * for in both logs: the JVM's own "Terminating due to java.lang.OutOfMemoryError" goes to stdout. Thread-safe.
 */
final class EmulatorProcess implements AutoCloseable {
    private static final long SAMPLE_MILLIS = 100;
    private static final String REDACTED = "<redacted>";

    private final Process process;
    private final StdoutPump stdout;
    private final ReadyLine ready;
    private final Duration startup;
    private final Path stderrLog;
    private final AtomicLong peakRss;
    private final ScheduledExecutorService sampler;

    private EmulatorProcess(Process process, StdoutPump stdout, ReadyLine ready, Duration startup, Path stderrLog,
                            AtomicLong peakRss, ScheduledExecutorService sampler) {
        this.process = process;
        this.stdout = stdout;
        this.ready = ready;
        this.startup = startup;
        this.stderrLog = stderrLog;
        this.peakRss = peakRss;
        this.sampler = sampler;
    }

    /**
     * Starts the child and waits for its ready line.
     *
     * @throws IOException if the child cannot start, ends before it is ready, is not ready in time, or announces a
     *                     different key than the one it was given; the child is stopped in each case
     */
    static EmulatorProcess start(EmulatorLaunch launch) throws IOException, InterruptedException {
        Files.createDirectories(launch.logDir());
        Path stdoutLog = launch.logDir().resolve("emulator-stdout.log");
        Path stderrLog = launch.logDir().resolve("emulator-stderr.log");
        String apiKey = randomKey();
        long started = System.nanoTime();
        Process process = new ProcessBuilder(launch.command(apiKey))
                .redirectError(stderrLog.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        AtomicLong peakRss = new AtomicLong(-1);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .daemon().name("emulator-rss-sampler").factory());
        sampler.scheduleAtFixedRate(() -> sample(process, peakRss), 0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
        StdoutPump stdout = StdoutPump.start(process, stdoutLog, apiKey);
        try {
            ReadyLine ready = stdout.ready.get(launch.readyTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!ready.apiKey().equals(apiKey)) {
                throw new IOException("the emulator announced a different API key than it was given");
            }
            return new EmulatorProcess(process, stdout, ready, Duration.ofNanos(System.nanoTime() - started),
                    stderrLog, peakRss, sampler);
        } catch (ExecutionException | TimeoutException | IOException | RuntimeException e) {
            stop(process, sampler);
            String why = e instanceof TimeoutException
                    ? "was not ready within " + launch.readyTimeout().toSeconds() + " s"
                    : e instanceof ExecutionException ? e.getCause().getMessage() : e.getMessage();
            throw new IOException("the emulator " + why + "; its stderr: " + stderrLog, e);
        } catch (InterruptedException e) {
            stop(process, sampler);
            throw e;
        }
    }

    /** @return the ready line: URL, key and scene count */
    ReadyLine ready() {
        return ready;
    }

    /** @return the child's process id */
    long pid() {
        return process.pid();
    }

    /** @return time from starting the child to its ready line */
    Duration startup() {
        return startup;
    }

    /** @return the file holding the child's stderr */
    Path stderrLog() {
        return stderrLog;
    }

    /**
     * Takes one more memory sample and reports how the child is doing now. Once the child has ended, waits (a few
     * seconds at most) until its last stdout lines are read.
     *
     * @throws UncheckedIOException if the stderr log cannot be read
     * @throws InterruptedException if interrupted while waiting for the last stdout lines
     */
    EmulatorOutcome outcome() throws InterruptedException {
        sample(process, peakRss);
        boolean alive = process.isAlive();
        OptionalInt exitCode = OptionalInt.empty();
        if (!alive) {
            exitCode = OptionalInt.of(process.exitValue());
            stdout.thread.join(Duration.ofSeconds(5));
        }
        long peak = peakRss.get();
        return new EmulatorOutcome(peak < 0 ? OptionalLong.empty() : OptionalLong.of(peak), alive, exitCode,
                stdout.sawOutOfMemory || mentionsOutOfMemory(stderrLog));
    }

    /** Stops the child (politely, then by force) and the sampler. */
    @Override
    public void close() {
        stop(process, sampler);
    }

    private static void sample(Process process, AtomicLong peakRss) {
        ProcStatus.peakRssBytes(process.pid()).ifPresent(bytes -> peakRss.accumulateAndGet(bytes, Math::max));
    }

    private static boolean mentionsOutOfMemory(Path stderrLog) {
        try (Stream<String> lines = Files.lines(stderrLog, StandardCharsets.UTF_8)) {
            return lines.anyMatch(line -> line.contains("OutOfMemoryError"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stop(Process process, ScheduledExecutorService sampler) {
        sampler.shutdownNow();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String randomKey() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Copies the child's stdout to its log with the key redacted, watching for the ready line and for OOM. */
    private static final class StdoutPump implements Runnable {
        private final Process process;
        private final Path log;
        private final String apiKey;
        private final CompletableFuture<ReadyLine> ready = new CompletableFuture<>();
        private final Thread thread;
        private volatile boolean sawOutOfMemory;

        private StdoutPump(Process process, Path log, String apiKey) {
            this.process = process;
            this.log = log;
            this.apiKey = apiKey;
            this.thread = Thread.ofPlatform().daemon().name("emulator-stdout").unstarted(this);
        }

        static StdoutPump start(Process process, Path log, String apiKey) {
            StdoutPump pump = new StdoutPump(process, log, apiKey);
            pump.thread.start();
            return pump;
        }

        @Override
        public void run() {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 Writer out = Files.newBufferedWriter(log)) {
                String line;
                while ((line = lines.readLine()) != null) {
                    out.write(line.replace(apiKey, REDACTED));
                    out.write('\n');
                    out.flush();
                    if (line.contains("OutOfMemoryError")) {
                        sawOutOfMemory = true;
                    }
                    if (!ready.isDone()) {
                        ReadyLine.parse(line).ifPresent(ready::complete);
                    }
                }
                ready.completeExceptionally(new IOException("ended before it was ready"));
            } catch (IOException | RuntimeException e) {
                ready.completeExceptionally(e);
            }
        }
    }
}
