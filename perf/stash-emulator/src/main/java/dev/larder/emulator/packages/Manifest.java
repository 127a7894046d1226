package dev.larder.emulator.packages;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;

/**
 * What Stash records about an installed package, in the YAML file {@value #FILE_NAME} inside the package's folder
 * ({@code pkg/pkg/pkg.go} {@code Manifest}, written by {@code Manager.installPackage}). Stash writes the keys
 * {@code id, name, metadata, version, date, requires, source_repository, files}; it never fills
 * {@code requires} on install, so installed packages list no requirements.
 *
 * @param id               the package id
 * @param name             display name
 * @param metadata         the index entry's metadata; never null
 * @param version          version text, possibly empty
 * @param date             the index entry's date, or null for none
 * @param requires         required package ids; never null
 * @param sourceRepository the index URL it was installed from
 * @param files            the files installed, relative to the package folder, {@code /}-separated; never null
 */
public record Manifest(String id, String name, Map<String, Object> metadata, String version, Instant date,
                       List<String> requires, String sourceRepository, List<String> files) {

    /** The manifest's file name (Stash's {@code pkg.ManifestFile}). */
    public static final String FILE_NAME = "manifest";

    /** Copies the collections so the record is immutable. */
    public Manifest {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        requires = List.copyOf(requires);
        files = List.copyOf(files);
    }

    /**
     * The manifest Stash writes for a package it installed.
     *
     * @param pkg       the index entry
     * @param sourceURL the index URL
     * @param files     the files written
     * @return the manifest
     */
    public static Manifest of(RemotePackage pkg, String sourceURL, List<String> files) {
        return new Manifest(pkg.id(), pkg.name(), pkg.metadata(), pkg.version(), pkg.date(), List.of(), sourceURL,
                files);
    }

    /**
     * Reads a manifest file's text.
     *
     * @param yaml the text
     * @return the manifest
     * @throws PackageException when it is not a manifest
     */
    public static Manifest parse(String yaml) throws PackageException {
        Node root = PackageYaml.root(yaml);
        if (root == null) {
            return new Manifest("", "", Map.of(), "", null, List.of(), "", List.of());
        }
        Map<String, Node> fields = PackageYaml.mapping(root, "a manifest");
        return new Manifest(PackageYaml.text(fields, "id"), PackageYaml.text(fields, "name"),
                PackageYaml.map(fields, "metadata"), PackageYaml.text(fields, "version"),
                PackageYaml.date(fields, "date"), PackageYaml.texts(fields, "requires"),
                PackageYaml.text(fields, "source_repository"), PackageYaml.texts(fields, "files"));
    }

    /** @return the manifest as Stash writes it: block YAML, keys in Stash's order */
    public String toYaml() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("name", name);
        out.put("metadata", metadata);
        out.put("version", version);
        out.put("date", PackageYaml.format(date));
        out.put("requires", requires);
        out.put("source_repository", sourceRepository);
        out.put("files", files);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(out);
    }
}
