package dev.larder.plugin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Packs Larder's Stash plugin as a Stash plugin source (Stash's {@code pkg/pkg} package index): {@value #ZIP_NAME}
 * holding the plugin directory's files at its root, and {@value #INDEX_NAME}, a YAML list with one package entry
 * ({@code id}, {@code name}, {@code version}, {@code date}, {@code path}, {@code sha256}, {@code metadata}).
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

    private static final String CONFIG_NAME = PLUGIN_ID + ".yml";
    /** The time of every zip entry (the DOS epoch's first representable day after 1980). */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
    /** Stash's index date format (Go's {@code 2006-01-02 15:04:05}), in UTC. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private PackagePlugin() {
    }

    /**
     * Writes the plugin source for the build.
     *
     * @param args the plugin directory, the output directory, the version
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: PackagePlugin <plugin dir> <output dir> <version>");
        }
        write(Path.of(args[0]), Path.of(args[1]), args[2], Instant.now());
    }

    /**
     * Writes {@value #ZIP_NAME} and {@value #INDEX_NAME} into a directory, replacing earlier ones.
     *
     * @param pluginDir a directory holding {@code larder.yml} and the files it names, flat (no subdirectories)
     * @param outputDir where to write; created when missing
     * @param version   the package version shown by Stash, not blank
     * @param date      the package date (written in UTC, to the second)
     * @return what was written
     * @throws IOException              when a file cannot be read or written
     * @throws IllegalArgumentException when {@code larder.yml} is missing or has no one-line {@code name}
     */
    public static PluginSource write(Path pluginDir, Path outputDir, String version, Instant date)
            throws IOException {
        Objects.requireNonNull(date, "date");
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("version must not be blank");
        }
        Path config = pluginDir.resolve(CONFIG_NAME);
        if (!Files.isRegularFile(config)) {
            throw new IllegalArgumentException("no " + CONFIG_NAME + " in " + pluginDir);
        }
        List<String> configLines = Files.readAllLines(config, StandardCharsets.UTF_8);
        String name = topLevelScalar(configLines, "name");
        if (name == null) {
            throw new IllegalArgumentException(CONFIG_NAME + " has no one-line name");
        }
        String description = topLevelScalar(configLines, "description");

        byte[] zip = zip(pluginDir);
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
        Files.createDirectories(outputDir);
        Path zipFile = outputDir.resolve(ZIP_NAME);
        Path indexFile = outputDir.resolve(INDEX_NAME);
        Files.write(zipFile, zip);
        Files.writeString(indexFile, index, StandardCharsets.UTF_8);
        return new PluginSource(zipFile, indexFile, sha256);
    }

    /**
     * Zips a flat directory's regular files at the zip's root, in name order, with a fixed entry time.
     *
     * @param pluginDir the directory
     * @return the zip's bytes
     * @throws IOException when the directory or a file cannot be read
     */
    static byte[] zip(Path pluginDir) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(pluginDir)) {
            files = new ArrayList<>(listing.filter(Files::isRegularFile).sorted().toList());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Path file : files) {
                ZipEntry entry = new ZipEntry(file.getFileName().toString());
                entry.setTimeLocal(ENTRY_TIME);
                out.putNextEntry(entry);
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
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
                String value = line.substring(prefix.length()).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? null : value;
            }
        }
        return null;
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
     * What {@link #write} produced.
     *
     * @param zip    the zip file
     * @param index  the index file
     * @param sha256 the zip's SHA-256, lowercase hex
     */
    public record PluginSource(Path zip, Path index, String sha256) {
    }
}
