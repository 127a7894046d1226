package dev.larder.emulator.logs;

/**
 * One item of Stash's log stream ({@code LogEntry} in the schema).
 *
 * @param time    RFC3339 text with the library zone's offset
 * @param level   the level
 * @param message the text
 */
public record LogEntry(String time, LogLevel level, String message) {
}
