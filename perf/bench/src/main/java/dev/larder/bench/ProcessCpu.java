package dev.larder.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** CPU time a process has used so far, from Linux's {@code /proc/<pid>/stat} (user plus system). */
final class ProcessCpu {

    /** Linux's USER_HZ, the unit of the times in {@code /proc/<pid>/stat}; 100 on every mainstream kernel. */
    private static final long TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    /**
     * @param pid a process id
     * @return its user plus system CPU time, or zero when it cannot be read (not Linux, or the process ended)
     */
    static Duration of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return Duration.ZERO;
        }
    }
}
