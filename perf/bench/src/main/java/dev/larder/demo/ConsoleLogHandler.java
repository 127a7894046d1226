package dev.larder.demo;

import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Writes log records through the demo's {@link Console}, so that they never land on its status line. */
final class ConsoleLogHandler extends Handler {

    private final Console console;

    /**
     * @param console   where records go
     * @param formatter how a record becomes text
     * @param level     the lowest level written
     */
    ConsoleLogHandler(Console console, Formatter formatter, Level level) {
        this.console = console;
        setFormatter(formatter);
        setLevel(level);
    }

    /**
     * Puts the console in place of the root logger's handlers, with the format and level they had (Larder's
     * {@code logging.properties}, once configured).
     *
     * @param console where log records go from now on
     */
    static void install(Console console) {
        Logger root = Logger.getLogger("");
        Formatter formatter = new SimpleFormatter();
        Level level = Level.ALL;
        for (Handler handler : root.getHandlers()) {
            formatter = handler.getFormatter();
            level = handler.getLevel();
            root.removeHandler(handler);
        }
        root.addHandler(new ConsoleLogHandler(console, formatter, level));
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) {
            console.println(getFormatter().format(record).stripTrailing());
        }
    }

    @Override
    public void flush() {
        // the console flushes every line
    }

    @Override
    public void close() {
        // the console belongs to the demo
    }
}
