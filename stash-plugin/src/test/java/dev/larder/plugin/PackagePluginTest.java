package dev.larder.plugin;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/** The plugin source: the zip's contents, the index's entry, and a zip that depends on its content only. */
class PackagePluginTest {

    private static final Instant DATE = Instant.parse("2026-03-04T05:06:07.890Z");

    @TempDir
    Path temp;

    @Test
    void theZipHoldsBothPluginFilesAtItsRoot() throws IOException {
        PackagePlugin.PluginSource source = PackagePlugin.fromFolder(PluginFiles.dir(), "1.2.3", DATE);
        Map<String, byte[]> entries = entries(source.zip());
        assertThat(List.copyOf(entries.keySet()), is(List.of(PluginFiles.SCRIPT, PluginFiles.CONFIG)));
        assertThat(entries.get(PluginFiles.CONFIG), is(Files.readAllBytes(PluginFiles.dir().resolve(PluginFiles.CONFIG))));
        assertThat(entries.get(PluginFiles.SCRIPT), is(Files.readAllBytes(PluginFiles.dir().resolve(PluginFiles.SCRIPT))));
    }

    @Test
    void theIndexIsStashsPackageListWithTheZipsSha256() throws IOException, NoSuchAlgorithmException {
        Path indexFile = PackagePlugin.fromFolder(PluginFiles.dir(), "1.2.3", DATE).writeTo(temp);
        byte[] zip = Files.readAllBytes(temp.resolve("larder.zip"));
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip));

        List<Map<String, Object>> index;
        try (InputStream in = Files.newInputStream(indexFile)) {
            index = new Yaml().load(in);
        }
        assertThat(indexFile, is(temp.resolve("index.yml")));
        assertThat(index, hasSize(1));
        Map<String, Object> entry = index.getFirst();
        assertThat(entry.get("id"), is("larder"));
        assertThat(entry.get("name"), is("Larder"));
        assertThat(entry.get("version"), is("1.2.3"));
        assertThat(entry.get("date"), is("2026-03-04 05:06:07"));
        assertThat(entry.get("path"), is("larder.zip"));
        assertThat(entry.get("sha256"), is(sha256));
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) entry.get("metadata");
        assertThat((String) metadata.get("description"), containsString("Larder"));
    }

    @Test
    void theSameFilesGiveTheSameZipWhateverTheirTimesOrTheDate() throws IOException {
        Path copy = Files.createDirectories(temp.resolve("copy"));
        for (String name : List.of(PluginFiles.CONFIG, PluginFiles.SCRIPT)) {
            Files.copy(PluginFiles.dir().resolve(name), copy.resolve(name));
            Files.setLastModifiedTime(copy.resolve(name), FileTime.from(DATE));
        }
        PackagePlugin.PluginSource first = PackagePlugin.fromFolder(PluginFiles.dir(), "1", DATE);
        PackagePlugin.PluginSource second = PackagePlugin.fromFolder(copy, "1", Instant.now());
        assertThat(second.zip(), is(first.zip()));
        assertThat(second.sha256(), is(first.sha256()));
    }

    @Test
    void theJarsFilesPackToTheBuildsBytesWithTheBuildsVersionAndDate() throws IOException {
        PackagePlugin.BuildInfo build = PackagePlugin.buildInfo();
        PackagePlugin.PluginSource served = PackagePlugin.fromClasspath();
        PackagePlugin.PluginSource built = PackagePlugin.fromFolder(PluginFiles.dir(), build.version(), build.date());
        assertThat(served.zip(), is(built.zip()));
        assertThat(served.index(), is(built.index()));
        assertThat(served.version(), is(System.getProperty("larder.version")));
        assertThat(build.date().isAfter(Instant.parse("2025-01-01T00:00:00Z")), is(true));
        assertThat(PackagePlugin.fromClasspath().sha256(), is(served.sha256()));
    }

    @Test
    void filesThatLarderYmlDoesNotNameAreLeftOut() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("extra"));
        Files.copy(PluginFiles.dir().resolve(PluginFiles.CONFIG), folder.resolve(PluginFiles.CONFIG));
        Files.copy(PluginFiles.dir().resolve(PluginFiles.SCRIPT), folder.resolve(PluginFiles.SCRIPT));
        Files.writeString(folder.resolve("notes.txt"), "not part of the plugin");
        PackagePlugin.PluginSource source = PackagePlugin.fromFolder(folder, "1", DATE);
        assertThat(List.copyOf(entries(source.zip()).keySet()), is(List.of(PluginFiles.SCRIPT, PluginFiles.CONFIG)));
    }

    @Test
    void anExecFileThatIsMissingIsNamed() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("noscript"));
        Files.copy(PluginFiles.dir().resolve(PluginFiles.CONFIG), folder.resolve(PluginFiles.CONFIG));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PackagePlugin.fromFolder(folder, "1", DATE));
        assertThat(e.getMessage(), containsString("no larder.js"));
    }

    @Test
    void theMapsOrderDoesNotChangeTheZip() {
        Map<String, byte[]> forward = new LinkedHashMap<>();
        forward.put("larder.yml", "name: Larder\n".getBytes(StandardCharsets.UTF_8));
        forward.put("a.js", "1".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> backward = new LinkedHashMap<>();
        backward.put("a.js", "1".getBytes(StandardCharsets.UTF_8));
        backward.put("larder.yml", "name: Larder\n".getBytes(StandardCharsets.UTF_8));
        assertThat(PackagePlugin.pack(backward, "1", DATE).zip(), is(PackagePlugin.pack(forward, "1", DATE).zip()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x.js", "sub/x.js", ".."})
    void fileNamesWithFoldersAreRefused(String name) {
        Map<String, byte[]> files = Map.of("larder.yml", "name: Larder\n".getBytes(StandardCharsets.UTF_8),
                name, new byte[1]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PackagePlugin.pack(files, "1", DATE));
        assertThat(e.getMessage(), containsString("plain file names"));
    }

    @Test
    void otherContentGivesAnotherSha256() throws IOException {
        Path changed = Files.createDirectories(temp.resolve("changed"));
        Files.copy(PluginFiles.dir().resolve(PluginFiles.CONFIG), changed.resolve(PluginFiles.CONFIG));
        Files.writeString(changed.resolve(PluginFiles.SCRIPT),
                Files.readString(PluginFiles.dir().resolve(PluginFiles.SCRIPT)) + "\n");
        PackagePlugin.PluginSource original = PackagePlugin.fromFolder(PluginFiles.dir(), "1", DATE);
        PackagePlugin.PluginSource other = PackagePlugin.fromFolder(changed, "1", DATE);
        assertThat(other.sha256(), not(original.sha256()));
    }

    @Test
    void aFolderWithoutLarderYmlIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PackagePlugin.fromFolder(temp, "1", DATE));
        assertThat(e.getMessage(), containsString("no larder.yml"));
    }

    private static Map<String, byte[]> entries(byte[] zipBytes) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }
}
