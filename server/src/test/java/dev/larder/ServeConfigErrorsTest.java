package dev.larder;

import dev.larder.http.Main;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code larder serve --config FILE} as a user runs it, with a file that is wrong: the JVM ends with status 2 and
 * one line on stderr that says what to fix, with no stack trace and nothing on stdout.
 */
class ServeConfigErrorsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed YAML | stash:\\n  url: http://stash:9999\\n  page-size: 500: 600\\n "
                    + "| larder serve: cannot read {file}: line 3, column 17: mapping values are not allowed here",
            "an unknown key | sync:\\n  poll-intervall: 60m\\n "
                    + "| larder serve: {file}: unknown key sync.poll-intervall (did you mean sync.poll-interval?) "
                    + "(application.yaml lists every key)",
            "a missing file | "
                    + "| larder serve: the configuration file {file} does not exist"})
    void aBadFileStopsStartUpWithOneLine(String name, String yaml, String expected) throws Exception {
        Path file = dir.resolve("my.yaml");
        if (yaml != null) {
            Files.writeString(file, yaml.replace("\\n", "\n"));
        }
        Process serve = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "--config", file.toString())
                .redirectOutput(dir.resolve("stdout").toFile())
                .redirectError(dir.resolve("stderr").toFile())
                .start();
        assertThat(serve.waitFor(60, TimeUnit.SECONDS), is(true));
        assertThat(serve.exitValue(), is(2));
        assertThat(read("stderr"), is(expected.replace("{file}", file.toString()) + System.lineSeparator()));
        assertThat(read("stdout"), is(""));
    }

    private String read(String name) throws IOException {
        return Files.readString(dir.resolve(name));
    }
}
