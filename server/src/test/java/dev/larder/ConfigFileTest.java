package dev.larder;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.helidon.config.Config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A configuration file is read, or refused with one line that says what is wrong with it and where. */
class ConfigFileTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "sync.poll-intervall | sync:\\n  poll-intervall: 60m "
                    + "| unknown key sync.poll-intervall (did you mean sync.poll-interval?)",
            "stash.pagesize | stash:\\n  url: http://stash:9999\\n  pagesize: 500 "
                    + "| unknown key stash.pagesize (did you mean stash.page-size?)",
            "a dotted key | stash.pagesize: 500 | unknown key stash.pagesize (did you mean stash.page-size?)",
            "a misspelt group | stahs:\\n  url: http://stash:9999 | unknown key stahs.url (did you mean stash.url?)",
            "a stray top-level key | colour: blue | unknown key colour",
            "one of Helidon's server keys Larder does not take | server:\\n  features:\\n    x: 1 "
                    + "| unknown key server.features.x",
            "a value where Larder has a group | admin: secret-token-1234567890 "
                    + "| admin holds keys (admin.token), not a value"})
    void anUnknownKeyIsRefusedWithTheNearestKnownOne(String name, String yaml, String message) throws IOException {
        Path file = write(yaml.replace("\\n", "\n"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigFile.read(file));
        assertThat(e.getMessage(), is(file + ": " + message + " (application.yaml lists every key)"));
    }

    @Test
    void everyUnknownKeyIsNamedInOneLine() throws IOException {
        Path file = write("sync:\n  poll-intervall: 60m\n  sweep-intervall: 6h\n");
        String message = assertThrows(IllegalArgumentException.class, () -> ConfigFile.read(file)).getMessage();
        assertThat(message, containsString("sync.poll-intervall (did you mean sync.poll-interval?)"));
        assertThat(message, containsString("sync.sweep-intervall (did you mean sync.sweep-interval?)"));
        assertThat(message.lines().count(), is(1L));
    }

    @Test
    void knownKeysHelidonsSectionsAndEmptyGroupsAreAccepted() throws IOException {
        Path file = write("""
                server:
                  port: 9000
                  tls:
                    private-key:
                      keystore:
                        resource:
                          path: keys.p12
                stash:
                  url: http://stash:9999
                admin:
                events: {}
                """);
        Config config = ConfigFile.read(file);
        assertThat(config.get("server.port").asInt().get(), is(9000));
        assertThat(config.get("server.tls.private-key.keystore.resource.path").asString().get(), is("keys.p12"));
    }

    @Test
    void malformedYamlIsOneLineWithItsLineAndColumn() throws IOException {
        Path file = write("stash:\n  url: http://stash:9999\nsync:\n  poll-interval: 60m\n  on-start: full: now\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigFile.read(file));
        assertThat(e.getMessage(), is("cannot read " + file + ": line 5, column 17: mapping values are not allowed "
                + "here"));
    }

    @Test
    void aFileThatIsNotAMappingIsRefused() throws IOException {
        Path file = write("- stash\n- sync\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigFile.read(file));
        assertThat(e.getMessage(), is("cannot read " + file + ": it must hold keys and their values, as "
                + "application.yaml does"));
    }

    @Test
    void aMissingFileIsSaidNotToExist() {
        Path file = dir.resolve("missing.yaml");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigFile.read(file));
        assertThat(e.getMessage(), is("the configuration file " + file + " does not exist"));
        Path relative = Path.of("no-such-dir", "missing.yaml");
        assertThat(assertThrows(IllegalArgumentException.class, () -> ConfigFile.read(relative)).getMessage(),
                is("the configuration file " + relative + " does not exist (looked for "
                        + relative.toAbsolutePath() + ")"));
    }

    @Test
    void anUnreadableFileIsSaidToBeUnreadable() throws IOException {
        Path file = write("stash:\n  url: http://stash:9999\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "root reads every file");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigFile.read(file));
        assertThat(e.getMessage(), is("cannot read the configuration file " + file + ": permission denied"));
    }

    @Test
    void aDirectoryIsNotAFile() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigFile.read(dir));
        assertThat(e.getMessage(), is("cannot read the configuration file " + dir + ": it is a directory"));
    }

    @Test
    void theEnvironmentAndSystemPropertiesAreNotChecked() throws IOException {
        // the environment holds PATH, HOME and the like, and system properties java.version: none is a Larder key
        Path file = write("stash:\n  url: http://stash:9999\n");
        System.setProperty("sync.poll-intervall", "60m");
        try {
            Config config = ConfigFile.configuration(Optional.of(file));
            assertThat(config.get("stash.url").asString().get(), is("http://stash:9999"));
            assertThat(config.get("sync.poll-interval").asString().get(), is("60m"));
        } finally {
            System.clearProperty("sync.poll-intervall");
        }
    }

    @Test
    void applicationYamlDocumentsExactlyTheDeclaredKeys() throws IOException {
        String shipped;
        try (InputStream in = ConfigFileTest.class.getResourceAsStream("/application.yaml")) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // the optional keys are documented commented out; with the comment marks taken away, every key is set
        Path uncommented = write(shipped.replaceAll("(?m)^(\\s*)# ([a-z][a-z0-9-]*:)", "$1$2"));
        Config config = ConfigFile.read(uncommented);
        List<String> undocumented = Arrays.stream(ConfigKey.values()).map(ConfigKey::key)
                .filter(key -> !config.get(key).exists()).toList();
        assertThat(undocumented, is(empty()));
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "larder", ".yaml"), yaml);
    }
}
