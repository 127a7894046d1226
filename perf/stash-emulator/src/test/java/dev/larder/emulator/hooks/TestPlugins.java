package dev.larder.emulator.hooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies the test plugins ({@code src/test/resources/hooks-test}) into a directory a test may change. */
final class TestPlugins {

    private TestPlugins() {
    }

    static Path copyTo(Path target) {
        try {
            Path source = Path.of(TestPlugins.class.getResource("/hooks-test").toURI());
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path copy = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(file, copy);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a one-file JS plugin: {@code <dir>/<id>/<id>.yml} hooked on the given trigger, and its script. */
    static void writeJsPlugin(Path pluginsDir, String id, String trigger, String script) {
        try {
            Path dir = Files.createDirectories(pluginsDir.resolve(id));
            Files.writeString(dir.resolve(id + ".yml"), """
                    name: %s
                    interface: js
                    exec: [%s.js]
                    hooks:
                      - name: hook
                        triggeredBy: [%s]
                    """.formatted(id, id, trigger));
            Files.writeString(dir.resolve(id + ".js"), script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
