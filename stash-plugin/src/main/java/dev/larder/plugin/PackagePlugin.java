package dev.larder.plugin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.SequencedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Packs Larder's Stash plugin as a Stash plugin source (Stash's {@code pkg/pkg} package index): {@value #ZIP_NAME}
 * holding the plugin's files at its root, and {@value #INDEX_NAME}, a YAML list with one package entry
 * ({@code id}, {@code name}, {@code version}, {@code date}, {@code path}, {@code sha256}, {@code metadata}).
 *
 * <p>The plugin's files are {@code larder.yml} and the files its {@code exec} list names, read either from a folder
 * ({@link #fromFolder}, what the build packs) or from this module's jar, which carries them under
 * {@value #RESOURCE_DIR} ({@link #fromClasspath()}, what Larder serves). Both go through {@link #pack}, so the same
 * files give the same bytes either way.
 *
 * <p>The zip is deterministic: entries in name order with a fixed time, so the same files always give the same
 * bytes and the same sha256. The build runs {@link #main} in the {@code package} phase. Stateless and thread-safe.
 */
public final class PackagePlugin {

    /** The package's id in the index; Stash installs it into a folder of this name. */
    public static final String PLUGIN_ID = "larder";
    /** The zip's file name, relative to the index. */
    public static final String ZIP_NAME = PLUGIN_ID + ".zip";
    /** The index's file name. */
    public static final String INDEX_NAME = "index.yml";
    /** The class path folder that holds the plugin's files in this module's jar. */
    public static final String RESOURCE_DIR = "stash-plugin/";

    private static final String CONFIG_NAME = PLUGIN_ID + ".yml";
    /** Written by the build (resource filtering): the project version and Maven's build timestamp. */
    private static final String BUILD_INFO = "plugin-build.properties";
    /** The time of every zip entry (the DOS epoch's first representable day after 1980). */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
    /** Stash's index date format (Go's {@code 2006-01-02 15:04:05}), in UTC. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private PackagePlugin() {
    }

    /**
     * Writes the plugin source for the build, with the version and date of {@link #buildInfo()}, so that the index
     * the build writes is the one Larder serves from the jar.
     *
     * @param args the plugin directory, the output directory
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: PackagePlugin <plugin dir> <output dir>");
        }
        BuildInfo build = buildInfo();
        fromFolder(Path.of(args[0]), build.version(), build.date()).writeTo(Path.of(args[1]));
    }

    /**
     * Packs the plugin files of a folder.
     *
     * @param pluginDir a directory holding {@code larder.yml} and the files its {@code exec} list names; other files
     *                  in it are left out
     * @param version   the package version shown by Stash, not blank
     * @param date      the package date (written in UTC, to the second)
     * @return the plugin source
     * @throws IOException              when a file cannot be read
     * @throws IllegalArgumentException when {@code larder.yml} or a file it names is missing, or it has no one-line
     *                                  {@code name}
     */
    public static PluginSource fromFolder(Path pluginDir, String version, Instant date) throws IOException {
        return pack(pluginFiles(name -> {
            try {
                return Files.readAllBytes(pluginDir.resolve(name));
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("no " + name + " in " + pluginDir, e);
            }
        }), version, date);
    }

    /**
     * Packs the plugin files this module's jar carries under {@value #RESOURCE_DIR}, with the jar's
     * {@link #buildInfo()}: what Larder serves to Stash. Calls with the same jar give the same bytes.
     *
     * @return the plugin source
     * @throws IOException           when a resource cannot be read
     * @throws IllegalStateException when the jar lacks a plugin file or its build information
     */
    public static PluginSource fromClasspath() throws IOException {
        BuildInfo build = buildInfo();
        return pack(pluginFiles(name -> {
            try (InputStream in = PackagePlugin.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + name)) {
                if (in == null) {
                    throw new IllegalStateException("no " + RESOURCE_DIR + name + " on the class path");
                }
                return in.readAllBytes();
            }
        }), build.version(), build.date());
    }

    /**
     * The version and date this module was built with. The date is Maven's build timestamp, written into the jar
     * when the module is built: it is stable for a given build (every request to a Larder, every restart, and the
     * {@code index.yml} the build writes carry the same date), and it is when these bytes were made, which is what
     * Stash shows as the package's date. A date taken at each request would instead make one unchanged package look
     * newer at every fetch.
     *
     * @return the version and date
     * @throws IllegalStateException when the build information is missing or was not filled in by the build
     */
    public static BuildInfo buildInfo() {
        Properties properties = new Properties();
        try (InputStream in = PackagePlugin.class.getResourceAsStream(BUILD_INFO)) {
            if (in == null) {
                throw new IllegalStateException("no " + BUILD_INFO + " beside " + PackagePlugin.class.getName());
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = properties.getProperty("version", "");
        String date = properties.getProperty("date", "");
        if (version.isBlank() || version.contains("${") || date.contains("${")) {
            throw new IllegalStateException(BUILD_INFO + " was not filtered by the build: " + properties);
        }
        try {
            return new BuildInfo(version, Instant.parse(date));
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(BUILD_INFO + " has no ISO-8601 date: " + date, e);
        }
    }

    /**
     * The one packing step: zips the files and writes the index entry that describes the zip.
     *
     * @param files   file name (flat, no folders) to content; must hold {@code larder.yml}. Entries go into the zip
     *                in name order whatever the map's order, so the same contents always give the same bytes
     * @param version the package version shown by Stash, not blank
     * @param date    the package date (written in UTC, to the second)
     * @return the plugin source
     * @throws IllegalArgumentException when {@code larder.yml} is missing or has no one-line {@code name}, a file name
     *                                  is not flat, or the version is blank
     */
    public static PluginSource pack(Map<String, byte[]> files, String version, Instant date) {
        Objects.requireNonNull(date, "date");
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("version must not be blank");
        }
        byte[] config = files.get(CONFIG_NAME);
        if (config == null) {
            throw new IllegalArgumentException("no " + CONFIG_NAME + " among the plugin files " + files.keySet());
        }
        List<String> configLines = new String(config, StandardCharsets.UTF_8).lines().toList();
        String name = topLevelScalar(configLines, "name");
        if (name == null) {
            throw new IllegalArgumentException(CONFIG_NAME + " has no one-line name");
        }
        String description = topLevelScalar(configLines, "description");

        byte[] zip = zip(new TreeMap<>(files));
        String sha256 = sha256(zip);
        StringBuilder index = new StringBuilder()
                .append("- id: ").append(PLUGIN_ID).append('\n')
                .append("  name: ").append(quoted(name)).append('\n')
                .append("  version: ").append(quoted(version)).append('\n')
                .append("  date: ").append(quoted(DATE.format(date))).append('\n')
                .append("  path: ").append(ZIP_NAME).append('\n')
                .append("  sha256: ").append(sha256).append('\n');
        if (description != null) {
            index.append("  metadata:\n    description: ").append(quoted(description)).append('\n');
        }
        return new PluginSource(version, zip, index.toString(), sha256);
    }

    /** Reads {@code larder.yml}, then each file its {@code exec} list names. */
    private static SequencedMap<String, byte[]> pluginFiles(FileReader reader) throws IOException {
        SequencedMap<String, byte[]> files = new LinkedHashMap<>();
        byte[] config = reader.read(CONFIG_NAME);
        files.put(CONFIG_NAME, config);
        for (String exec : topLevelList(new String(config, StandardCharsets.UTF_8).lines().toList(), "exec")) {
            checkFlat(exec);
            files.put(exec, reader.read(exec));
        }
        return files;
    }

    /** Reads one plugin file by its name. */
    @FunctionalInterface
    private interface FileReader {
        byte[] read(String name) throws IOException;
    }

    /** Zips files at the zip's root, in the map's order, with a fixed entry time. */
    private static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                checkFlat(file.getKey());
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setTimeLocal(ENTRY_TIME);
                out.putNextEntry(entry);
                out.write(file.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a zip in memory cannot fail to write", e);
        }
        return bytes.toByteArray();
    }

    private static void checkFlat(String name) {
        if (name.isBlank() || name.contains("/") || name.contains("\\") || name.equals("..") || name.equals(".")) {
            throw new IllegalArgumentException("plugin file names must be plain file names, got \"" + name + "\"");
        }
    }

    /**
     * The lowercase hex SHA-256 of some bytes, as Stash's index carries it.
     *
     * @param bytes the bytes
     * @return 64 hex digits
     */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The value of a top-level {@code key: value} line (plain or double-quoted), or null. */
    private static String topLevelScalar(List<String> lines, String key) {
        String prefix = key + ":";
        for (String line : lines) {
            if (line.startsWith(prefix)) {
                String value = unquoted(line.substring(prefix.length()).strip());
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    /**
     * The items of a top-level block list ({@code key:}, then one {@code - item} line per item); empty when the key
     * is absent.
     *
     * @throws IllegalArgumentException when the key has an inline value (a flow list), which this reader does not read
     */
    private static List<String> topLevelList(List<String> lines, String key) {
        List<String> items = new ArrayList<>();
        boolean inList = false;
        for (String line : lines) {
            if (!inList) {
                if (line.startsWith(key + ":")) {
                    if (!line.substring(key.length() + 1).isBlank()) {
                        throw new IllegalArgumentException(CONFIG_NAME + ": write " + key + " as a block list");
                    }
                    inList = true;
                }
                continue;
            }
            String item = line.strip();
            if (item.isEmpty() || item.startsWith("#")) {
                continue;
            }
            if (!item.startsWith("-")) {
                break;
            }
            items.add(unquoted(item.substring(1).strip()));
        }
        return items;
    }

    private static String unquoted(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    /** A YAML double-quoted scalar. */
    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * The version and date the plugin module was built with.
     *
     * @param version the project version, e.g. {@code 0.1.0-SNAPSHOT}
     * @param date    Maven's build timestamp, UTC, to the second
     */
    public record BuildInfo(String version, Instant date) {
    }

    /**
     * A packed plugin source, in memory. Immutable: the zip is copied in and out.
     *
     * @param version the package version
     * @param zip     the bytes of {@value PackagePlugin#ZIP_NAME}
     * @param index   the text of {@value PackagePlugin#INDEX_NAME} (UTF-8), whose {@code path} is
     *                {@value PackagePlugin#ZIP_NAME}, relative
     * @param sha256  the zip's SHA-256, lowercase hex
     */
    public record PluginSource(String version, byte[] zip, String index, String sha256) {

        /** Copies the zip in. */
        public PluginSource {
            zip = zip.clone();
        }

        /** @return a copy of the zip's bytes */
        @Override
        public byte[] zip() {
            return zip.clone();
        }

        /**
         * Writes {@value PackagePlugin#ZIP_NAME} and {@value PackagePlugin#INDEX_NAME} into a directory, replacing earlier ones.
         *
         * @param outputDir where to write; created when missing
         * @return the index file written (the zip is beside it)
         * @throws IOException when a file cannot be written
         */
        public Path writeTo(Path outputDir) throws IOException {
            Files.createDirectories(outputDir);
            Files.write(outputDir.resolve(ZIP_NAME), zip);
            return Files.writeString(outputDir.resolve(INDEX_NAME), index, StandardCharsets.UTF_8);
        }
    }
}
