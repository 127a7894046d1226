package dev.larder.emulator.packages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.nodes.Node;

/**
 * A package source's index ({@code index.yml}): a YAML list of packages, each with {@code id, name, version, date,
 * path, sha256} and optionally {@code requires} and {@code metadata} (Stash's {@code RemotePackage}; other keys are
 * ignored). Immutable and thread-safe.
 */
public final class PackageIndex {

    private final List<RemotePackage> packages;

    private PackageIndex(List<RemotePackage> packages) {
        this.packages = List.copyOf(packages);
    }

    /**
     * Parses an index.
     *
     * @param yaml the index text; an empty document is an empty index, as in Stash
     * @return the index
     * @throws PackageException {@code reading package list: ...} when it is not a list of packages
     */
    public static PackageIndex parse(String yaml) throws PackageException {
        try {
            Node root = PackageYaml.root(yaml);
            List<RemotePackage> packages = new ArrayList<>();
            for (Node item : PackageYaml.sequence(root, "a list of packages")) {
                packages.add(remotePackage(PackageYaml.mapping(item, "a package")));
            }
            return new PackageIndex(packages);
        } catch (PackageException e) {
            throw e.within("reading package list");
        }
    }

    private static RemotePackage remotePackage(Map<String, Node> fields) throws PackageException {
        return new RemotePackage(PackageYaml.text(fields, "id"), PackageYaml.text(fields, "name"),
                PackageYaml.text(fields, "version"), PackageYaml.date(fields, "date"),
                PackageYaml.text(fields, "path"), PackageYaml.text(fields, "sha256"),
                PackageYaml.texts(fields, "requires"), PackageYaml.map(fields, "metadata"));
    }

    /** @return the packages in index order */
    public List<RemotePackage> packages() {
        return packages;
    }

    /**
     * Finds a package by id (exact match). When the index lists an id more than once, the newest date wins and a
     * later entry wins a tie, as Stash's index map keeps them.
     *
     * @param id a package id
     * @return the package, or empty when the index has none with that id
     */
    public Optional<RemotePackage> find(String id) {
        RemotePackage found = null;
        for (RemotePackage p : packages) {
            if (p.id().equals(id) && (found == null || !isAfter(found.date(), p.date()))) {
                found = p;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Go's {@code a.After(b)} with null as the zero time. */
    private static boolean isAfter(Instant a, Instant b) {
        return a != null && (b == null || a.isAfter(b));
    }
}
