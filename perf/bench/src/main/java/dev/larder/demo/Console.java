package dev.larder.demo;

import java.io.PrintStream;

/**
 * The demo's terminal: ordinary lines, and one status line rewritten in place until it is ended. A line printed
 * while the status line shows goes above it (the status line is cleared, the line printed, the status line drawn
 * again below), so a log record never lands on the bar's line. Thread-safe.
 */
final class Console {

    private final PrintStream out;
    private String status;

    /**
     * @param out where everything goes, normally {@code System.out}
     */
    Console(PrintStream out) {
        this.out = out;
    }

    /**
     * Shows a line as the status line, in place of the one shown.
     *
     * @param line one line, without line breaks
     */
    synchronized void status(String line) {
        clearStatus();
        out.print(line);
        out.flush();
        status = line;
    }

    /** Leaves the status line as it stands, ended, with later output below it. */
    synchronized void endStatus() {
        if (status != null) {
            out.println();
            out.flush();
            status = null;
        }
    }

    /**
     * Prints a line above the status line, if one shows.
     *
     * @param line the text; a trailing line break is not needed
     */
    synchronized void println(String line) {
        clearStatus();
        out.println(line);
        if (status != null) {
            out.print(status);
        }
        out.flush();
    }

    /** Prints an empty line above the status line, if one shows. */
    void println() {
        println("");
    }

    private void clearStatus() {
        if (status != null) {
            out.print("\r" + " ".repeat(status.length()) + "\r");
        }
    }
}
