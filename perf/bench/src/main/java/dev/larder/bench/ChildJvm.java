package dev.larder.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server in a child JVM started by a benchmark, on the harness' own {@code java}, its stdout and stderr in one
 * log file, until {@link #close()}. Thread-safe.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final long startedNanos;

    private ChildJvm(Process process, Path log, long startedNanos) {
        this.process = process;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    /** @return the {@code java} of the JVM running the harness, which children run on too */
    static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * The options every child JVM a benchmark starts gets, as {@code ./larder} gives them to the JVMs it starts.
     *
     * @return native access for sqlite-jdbc, and on JDK 24+ sun.misc.Unsafe allowed (Netty and Vert.x use it, and
     *         each start would print four warnings)
     */
    static List<String> options() {
        List<String> options = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 24) {
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        return options;
    }

    /**
     * @param heap the child's {@code -Xmx} value, e.g. {@code 256m}
     * @return {@code java} and the options every server child runs with: the heap cap, an end at the first
     *         {@code OutOfMemoryError} instead of a half-alive process, and {@link #options()}
     */
    static List<String> java(String heap) {
        List<String> command = new ArrayList<>(List.of(javaExecutable().toString(), "-Xmx" + heap,
                "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(options());
        return command;
    }

    /**
     * @param command     the command line, from {@link #java(String)} on; it must hold no secret
     * @param environment variables added to the child's environment (where secrets go)
     * @param log         the file for its output
     * @return the started child
     * @throws IOException when it cannot start
     */
    static ChildJvm start(List<String> command, Map<String, String> environment, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        return new ChildJvm(builder.start(), log, started);
    }

    /**
     * Waits until the child's log holds a line; stops the child if it does not come.
     *
     * @param line    what to wait for
     * @param what    the child's name, for messages
     * @param timeout how long to wait
     * @return the match
     * @throws IOException if the child ends first or the line does not come in time
     */
    Matcher await(Pattern line, String what, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IOException(what + " ended before it was up; see " + log);
                }
                Matcher m = line.matcher(Files.readString(log));
                if (m.find()) {
                    return m;
                }
                Thread.sleep(50);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
        close();
        throw new IOException(what + " was not up within " + timeout.toSeconds() + " s; see " + log);
    }

    /** @return {@link System#nanoTime()} just before the child was started */
    long startedNanos() {
        return startedNanos;
    }

    /** @return the child's process id */
    long pid() {
        return process.pid();
    }

    /** @return whether the child still runs */
    boolean alive() {
        return process.isAlive();
    }

    /** @return the child's exit code; only once it has ended */
    int exitValue() {
        return process.exitValue();
    }

    /** @return the child's peak RSS so far (VmHWM), empty once it has ended */
    OptionalLong peakRssBytes() {
        return ProcStatus.peakRssBytes(process.pid());
    }

    /** Stops the child, politely then by force; idempotent. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
