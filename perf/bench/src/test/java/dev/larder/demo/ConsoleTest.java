package dev.larder.demo;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

class ConsoleTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Console console = new Console(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    @Test
    void aLinePrintedWhileTheStatusShowsGoesAboveIt() {
        console.status("[##..] 50%");
        console.println("a log record");
        console.status("[###.] 75%");
        console.endStatus();
        console.println("after");
        // what a terminal shows: the record on a line of its own, the bar's last state, then the next line
        assertThat(terminal(), is("a log record\n[###.] 75%\nafter\n"));
    }

    @Test
    void aLogRecordGoesAboveTheStatusLine() {
        Formatter oneLine = new Formatter() {
            @Override
            public String format(LogRecord record) {
                return record.getLevel() + " " + record.getMessage() + System.lineSeparator();
            }
        };
        console.status("[#...] 25%");
        new ConsoleLogHandler(console, oneLine, Level.INFO).publish(new LogRecord(Level.INFO, "tags: 800 rows"));
        assertThat(terminal(), is("INFO tags: 800 rows\n[#...] 25%"));
    }

    /** The output as a terminal renders it: a carriage return goes back to the line's start, overwriting. */
    private String terminal() {
        StringBuilder screen = new StringBuilder();
        int lineStart = 0;
        int column = 0;
        for (char c : bytes.toString(StandardCharsets.UTF_8).toCharArray()) {
            if (c == '\r') {
                column = 0;
            } else if (c == '\n') {
                screen.setLength(lineStart + trimmedLength(screen, lineStart));
                screen.append('\n');
                lineStart = screen.length();
                column = 0;
            } else {
                int at = lineStart + column;
                if (at < screen.length()) {
                    screen.setCharAt(at, c);
                } else {
                    screen.append(c);
                }
                column++;
            }
        }
        screen.setLength(lineStart + trimmedLength(screen, lineStart));
        return screen.toString();
    }

    private static int trimmedLength(StringBuilder screen, int lineStart) {
        return screen.substring(lineStart).stripTrailing().length();
    }
}
