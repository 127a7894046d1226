package dev.larder.plugin;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
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
import org.yaml.snakeyaml.Yaml;

/** The plugin source: the zip's contents, the index's entry, and a zip that depends on its content only. */
class PackagePluginTest {

    private static final Instant DATE = Instant.parse("2026-03-04T05:06:07.890Z");

    @TempDir
    Path temp;

    @Test
    void theZipHoldsBothPluginFilesAtItsRoot() throws IOException {
        PackagePlugin.PluginSource source = PackagePlugin.write(PluginFiles.dir(), temp, "1.2.3", DATE);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(source.zip()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        assertThat(List.copyOf(entries.keySet()), is(List.of(PluginFiles.SCRIPT, PluginFiles.CONFIG)));
        assertThat(entries.get(PluginFiles.CONFIG), is(Files.readAllBytes(PluginFiles.dir().resolve(PluginFiles.CONFIG))));
        assertThat(entries.get(PluginFiles.SCRIPT), is(Files.readAllBytes(PluginFiles.dir().resolve(PluginFiles.SCRIPT))));
    }

    @Test
    void theIndexIsStashsPackageListWithTheZipsSha256() throws IOException, NoSuchAlgorithmException {
        PackagePlugin.PluginSource source = PackagePlugin.write(PluginFiles.dir(), temp, "1.2.3", DATE);
        String sha256 = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(source.zip())));

        List<Map<String, Object>> index;
        try (InputStream in = Files.newInputStream(source.index())) {
            index = new Yaml().load(in);
        }
        assertThat(index, hasSize(1));
        Map<String, Object> entry = index.getFirst();
        assertThat(entry.get("id"), is("larder"));
        assertThat(entry.get("name"), is("Larder"));
        assertThat(entry.get("version"), is("1.2.3"));
        assertThat(entry.get("date"), is("2026-03-04 05:06:07"));
        assertThat(entry.get("path"), is("larder.zip"));
        assertThat(entry.get("sha256"), is(sha256));
        assertThat(source.sha256(), is(sha256));
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
        PackagePlugin.PluginSource first = PackagePlugin.write(PluginFiles.dir(), temp.resolve("a"), "1", DATE);
        PackagePlugin.PluginSource second = PackagePlugin.write(copy, temp.resolve("b"), "1", Instant.now());
        assertThat(Files.readAllBytes(second.zip()), is(Files.readAllBytes(first.zip())));
        assertThat(second.sha256(), is(first.sha256()));
    }

    @Test
    void otherContentGivesAnotherSha256() throws IOException {
        Path changed = Files.createDirectories(temp.resolve("changed"));
        Files.copy(PluginFiles.dir().resolve(PluginFiles.CONFIG), changed.resolve(PluginFiles.CONFIG));
        Files.writeString(changed.resolve(PluginFiles.SCRIPT),
                Files.readString(PluginFiles.dir().resolve(PluginFiles.SCRIPT)) + "\n");
        PackagePlugin.PluginSource original = PackagePlugin.write(PluginFiles.dir(), temp.resolve("a"), "1", DATE);
        PackagePlugin.PluginSource other = PackagePlugin.write(changed, temp.resolve("b"), "1", DATE);
        assertThat(other.sha256(), not(original.sha256()));
    }

    @Test
    void aFolderWithoutLarderYmlIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PackagePlugin.write(temp, temp.resolve("out"), "1", DATE));
        assertThat(e.getMessage(), containsString("no larder.yml"));
    }
}
