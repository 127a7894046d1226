package dev.larder.stash;

/**
 * One entry of Stash's log stream ({@code loggingSubscribe}).
 *
 * @param time    when Stash logged it, RFC3339 with nanoseconds
 * @param level   {@code Trace}, {@code Debug}, {@code Info}, {@code Progress}, {@code Warning} or {@code Error}
 * @param message the text; a plugin's {@code log.*} text is prefixed {@code "[Plugin / <name>] "}
 */
public record LogLine(String time, String level, String message) {
}
