package dev.larder.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a benchmark report says about the machine it ran on, from Linux's {@code /proc} (figures it cannot read are
 * "unknown" or -1).
 *
 * @param cpu         the CPU's model name
 * @param cores       processors available to the JVM
 * @param memoryBytes total memory
 * @param jdk         the JDK's version
 */
record Machine(String cpu, int cores, long memoryBytes, String jdk) {

    /** @return this machine */
    static Machine here() {
        return new Machine(read("/proc/cpuinfo").flatMap(Machine::cpuModel).orElse("unknown"),
                Runtime.getRuntime().availableProcessors(),
                read("/proc/meminfo").map(Machine::memTotalBytes).orElse(-1L), Runtime.version().toString());
    }

    /** @return the load average over the last minute, -1 when unknown */
    static double loadAverage() {
        return read("/proc/loadavg").map(Machine::firstLoad).orElse(-1.0);
    }

    /**
     * @param cpuinfo the text of {@code /proc/cpuinfo}
     * @return the first {@code model name}, empty when there is none
     */
    static Optional<String> cpuModel(String cpuinfo) {
        for (String line : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals("model name")) {
                return Optional.of(line.substring(colon + 1).trim());
            }
        }
        return Optional.empty();
    }

    /**
     * @param meminfo the text of {@code /proc/meminfo}
     * @return {@code MemTotal} in bytes, -1 when missing
     */
    static long memTotalBytes(String meminfo) {
        for (String line : meminfo.split("\n")) {
            if (line.startsWith("MemTotal:")) {
                String[] parts = line.substring("MemTotal:".length()).trim().split("\\s+");
                return Long.parseLong(parts[0]) * 1024;
            }
        }
        return -1;
    }

    private static double firstLoad(String loadavg) {
        return Double.parseDouble(loadavg.trim().split("\\s+")[0]);
    }

    private static Optional<String> read(String file) {
        try {
            return Optional.of(Files.readString(Path.of(file)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
