package dev.larder.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start the emulator in a child JVM.
 *
 * @param java         the {@code java} executable
 * @param classpath    the child's class path (the emulator's jar, whose manifest names its libraries)
 * @param mainClass    the main class, {@code dev.larder.emulator.Main} outside tests
 * @param maxHeap      the child's {@code -Xmx} value, e.g. {@code 256m}
 * @param scenes       scenes in the emulated library, at least 0
 * @param seed         the library's seed
 * @param logDir       where the child's stdout and stderr are written (stdout with the API key redacted)
 * @param readyTimeout how long to wait for the ready line
 * @param libraryArgs  further emulator options shaping the library (e.g. {@code --images 0}), possibly empty
 */
record EmulatorLaunch(Path java, String classpath, String mainClass, String maxHeap, long scenes, long seed,
                      Path logDir, Duration readyTimeout, List<String> libraryArgs) {

    /** The main class of the real emulator. */
    static final String EMULATOR_MAIN = "dev.larder.emulator.Main";

    /**
     * @param apiKey the key the child must accept
     * @return the child's command line; it contains the key, so never print it
     */
    List<String> command(String apiKey) {
        List<String> command = new ArrayList<>(List.of(java.toString(),
                "-Xmx" + maxHeap,
                // an OutOfMemoryError in any thread ends the child instead of leaving it half alive
                "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(ChildJvm.options());
        command.addAll(List.of("-cp", classpath,
                mainClass,
                "--scenes", Long.toString(scenes),
                "--seed", Long.toString(seed),
                "--host", "127.0.0.1",
                "--port", "0",
                "--api-key", apiKey));
        command.addAll(libraryArgs);
        return command;
    }
}
