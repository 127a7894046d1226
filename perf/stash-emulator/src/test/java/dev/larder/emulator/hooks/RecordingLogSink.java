package dev.larder.emulator.hooks;

import java.util.ArrayList;
import java.util.List;

import dev.larder.emulator.logs.LogLevel;
import dev.larder.emulator.logs.LogSink;

/** Keeps every line written to it, for assertions. */
final class RecordingLogSink implements LogSink {

    /** One recorded line. */
    record Line(LogLevel level, String message) {
    }

    private final List<Line> lines = new ArrayList<>();

    @Override
    public synchronized void log(LogLevel level, String message) {
        lines.add(new Line(level, message));
    }

    synchronized List<Line> lines() {
        return List.copyOf(lines);
    }

    synchronized void clear() {
        lines.clear();
    }
}
