package dev.larder.emulator.logs;

/**
 * Where the emulator's components write log lines that Stash would put on its log stream
 * ({@code loggingSubscribe}). Every level reaches the stream, as in Stash. Implementations are thread-safe.
 */
@FunctionalInterface
public interface LogSink {

    /**
     * Adds a line to the log stream.
     *
     * @param level   the level
     * @param message the text, as Stash would broadcast it
     */
    void log(LogLevel level, String message);
}
