package dev.larder.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Reads a process's memory figures from Linux's {@code /proc/<pid>/status}. Thread-safe (stateless). */
final class ProcStatus {
    private ProcStatus() {
    }

    /**
     * @param pid a process id
     * @return the process's peak resident set size (VmHWM) in bytes, or empty when it cannot be read (the process
     *         is gone, or this is not Linux)
     */
    static OptionalLong peakRssBytes(long pid) {
        try {
            return peakRssBytes(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * @param status the text of a {@code /proc/<pid>/status} file
     * @return VmHWM in bytes, or empty when the text has no VmHWM line (a zombie process has none)
     */
    static OptionalLong peakRssBytes(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmHWM:")) {
                String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
                if (parts.length == 2 && parts[1].equals("kB")) {
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
                }
            }
        }
        return OptionalLong.empty();
    }
}
