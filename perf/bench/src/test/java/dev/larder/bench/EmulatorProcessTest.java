package dev.larder.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Child JVMs running stand-ins for the emulator's main class that behave in each way the real one might. */
class EmulatorProcessTest {
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path logs;

    @Test
    void readsTheReadyLineSamplesRssAndRedactsTheKey() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")));
        try (EmulatorProcess emulator = EmulatorProcess.start(launch(StaysUp.class, "96m"))) {
            assertThat(emulator.ready().url(), is(URI.create("http://127.0.0.1:1/graphql")));
            assertThat(emulator.ready().scenes(), is(42L));

            EmulatorOutcome outcome = emulator.outcome();
            assertThat(outcome.alive(), is(true));
            assertThat(outcome.died(), is(false));
            assertThat(outcome.peakRssBytes().orElseThrow(), greaterThanOrEqualTo(StaysUp.TOUCHED_MIB * MIB));

            String key = emulator.ready().apiKey();
            String stdout = waitForStdout(logs.resolve("emulator-stdout.log"), "after ready");
            assertThat(stdout, containsString("Stash emulator ready: url=http://127.0.0.1:1/graphql api-key=<redacted>"));
            assertThat(stdout, not(containsString(key)));
        }
    }

    @Test
    void reportsAChildThatRunsOutOfMemory() throws Exception {
        try (EmulatorProcess emulator = EmulatorProcess.start(launch(RunsOutOfMemory.class, "16m"))) {
            EmulatorOutcome outcome = waitUntilEnded(emulator);

            assertThat(outcome.died(), is(true));
            assertThat(outcome.outOfMemory(), is(true));
            assertThat(outcome.exitCode(), not(is(OptionalInt.of(0))));
            assertThat(outcome.describe(), containsString("OutOfMemoryError"));
        }
    }

    @Test
    void aChildThatEndsBeforeItIsReadyIsAnError() {
        IOException e = assertThrows(IOException.class, () -> EmulatorProcess.start(launch(EndsEarly.class, "32m")));

        assertThat(e.getMessage(), containsString("ended before it was ready"));
    }

    @Test
    void aChildThatAnnouncesAnotherKeyIsAnError() {
        IOException e = assertThrows(IOException.class,
                () -> EmulatorProcess.start(launch(AnnouncesAnotherKey.class, "32m")));

        assertThat(e.getMessage(), containsString("different API key"));
    }

    private EmulatorLaunch launch(Class<?> main, String maxHeap) throws URISyntaxException {
        Path classes = Path.of(EmulatorProcessTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return new EmulatorLaunch(Path.of(System.getProperty("java.home"), "bin", "java"), classes.toString(),
                main.getName(), maxHeap, 42, 1, logs, Duration.ofSeconds(60), java.util.List.of());
    }

    private static EmulatorOutcome waitUntilEnded(EmulatorProcess emulator) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        EmulatorOutcome outcome = emulator.outcome();
        while (outcome.alive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            outcome = emulator.outcome();
        }
        return outcome;
    }

    private static String waitForStdout(Path log, String marker) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String text = Files.readString(log);
        while (!text.contains(marker) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            text = Files.readString(log);
        }
        return text;
    }

    /** The ready line the real emulator prints, for the key given on its command line. */
    private static String readyLine(String[] args) {
        List<String> list = List.of(args);
        String key = list.get(list.indexOf("--api-key") + 1);
        String scenes = list.get(list.indexOf("--scenes") + 1);
        return "Stash emulator ready: url=http://127.0.0.1:1/graphql api-key=" + key + " scenes=" + scenes;
    }

    /** Touches some memory, announces itself and runs until stopped. */
    public static final class StaysUp {
        static final long TOUCHED_MIB = 40;

        public static void main(String[] args) throws InterruptedException {
            byte[] touched = new byte[(int) (TOUCHED_MIB * MIB)];
            for (int i = 0; i < touched.length; i += 4096) {
                touched[i] = 1;
            }
            System.out.println("loading the library");
            System.out.println(readyLine(args));
            System.out.println("after ready " + touched[0]);
            Thread.sleep(Duration.ofMinutes(5));
        }
    }

    /** Announces itself, then fills its heap. */
    public static final class RunsOutOfMemory {
        public static void main(String[] args) {
            System.out.println(readyLine(args));
            List<long[]> hoard = new java.util.ArrayList<>();
            while (true) {
                hoard.add(new long[1024 * 1024]);
            }
        }
    }

    /** Fails before it is ready. */
    public static final class EndsEarly {
        public static void main(String[] args) {
            System.err.println("cannot bind");
            System.exit(7);
        }
    }

    /** Prints a ready line with a key it was not given. */
    public static final class AnnouncesAnotherKey {
        public static void main(String[] args) throws InterruptedException {
            System.out.println("Stash emulator ready: url=http://127.0.0.1:1/graphql api-key=other scenes=1");
            Thread.sleep(Duration.ofMinutes(5));
        }
    }
}
