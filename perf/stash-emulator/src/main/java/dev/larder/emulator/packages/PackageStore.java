package dev.larder.emulator.packages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The installed packages on disk, as Stash's folder-based {@code Store} keeps them ({@code pkg/pkg/store.go},
 * {@code manager.go}): a package from a source whose configured local path is {@code L} lives in
 * {@code <plugins dir>/L/<id>/} (directly in {@code <plugins dir>/<id>/} when {@code L} is empty), with its files
 * and a {@value Manifest#FILE_NAME} file listing them.
 *
 * <p>Installing over an earlier install first deletes the files the earlier manifest lists, then the manifest;
 * files the package did not install stay. Uninstalling does the same, then removes the package folder if that left
 * it empty (so a package with sub-folders leaves them behind, as in Stash). Not thread-safe on its own: the job
 * queue runs one package job at a time.
 */
public final class PackageStore {

    private static final Comparator<Manifest> STASH_ORDER = Comparator
            .comparing((Manifest m) -> m.id().toLowerCase(Locale.ROOT))
            .thenComparing(Manifest::id)
            .thenComparing(Manifest::sourceRepository);

    private final Path pluginsDir;

    /**
     * @param pluginsDir Stash's {@code plugins_path}; need not exist yet
     */
    public PackageStore(Path pluginsDir) {
        this.pluginsDir = Objects.requireNonNull(pluginsDir, "pluginsDir");
    }

    /**
     * The folder a package is (or would be) installed in.
     *
     * @param localPath the source's local path, empty for the plugins folder itself
     * @param id        the package id
     * @return the folder
     * @throws PackageException when the id is not a plain folder name (the emulator refuses what could leave the
     *                          plugins folder; Stash joins it unchecked)
     */
    public Path packageDir(String localPath, String id) throws PackageException {
        if (id.isEmpty() || id.equals(".") || id.equals("..") || id.contains("/") || id.contains("\\")) {
            throw new PackageException("invalid package id \"" + id + "\"");
        }
        return sourceDir(localPath).resolve(id);
    }

    /**
     * Installs a package, replacing an earlier install of the same id from the same local path.
     *
     * @param localPath the source's local path, empty for the plugins folder itself
     * @param pkg       the index entry
     * @param sourceURL the index URL, recorded in the manifest
     * @param archive   the checked zip
     * @return the manifest written
     * @throws PackageException {@code uninstalling existing package: ...} or {@code installing package: ...}
     */
    public Manifest install(String localPath, RemotePackage pkg, String sourceURL, PackageArchive archive)
            throws PackageException {
        Path dir = packageDir(localPath, pkg.id());
        if (Files.isRegularFile(dir.resolve(Manifest.FILE_NAME))) {
            try {
                deletePackageFiles(dir);
            } catch (PackageException e) {
                throw e.within("uninstalling existing package");
            }
        }
        Manifest manifest = Manifest.of(pkg, sourceURL, archive.files());
        try {
            archive.extractTo(dir);
            Files.writeString(dir.resolve(Manifest.FILE_NAME), manifest.toYaml(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PackageException("installing package: " + e, e);
        }
        return manifest;
    }

    /**
     * Uninstalls a package.
     *
     * @param localPath the source's local path, empty for the plugins folder itself
     * @param id        the package id
     * @throws PackageException {@code deleting local package: getting manifest: ...} when it is not installed there
     */
    public void uninstall(String localPath, String id) throws PackageException {
        Path dir = packageDir(localPath, id);
        try {
            deletePackageFiles(dir);
        } catch (PackageException e) {
            throw e.within("deleting local package");
        }
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // not empty: files the package did not install stay, as in Stash
        }
    }

    /**
     * The installed packages under the given local paths (Stash's {@code ListInstalled}): each sub-folder with a
     * manifest. Folders without one are skipped; one id from one source is listed once.
     *
     * @param localPaths the configured sources' local paths; repeats are read once
     * @return the manifests, ordered by id ignoring case, then id, then source URL (as Stash sorts them)
     * @throws PackageException {@code reading manifest file "<path>": ...} for a manifest that cannot be read
     */
    public List<Manifest> installed(List<String> localPaths) throws PackageException {
        Map<List<String>, Manifest> bySpec = new LinkedHashMap<>();
        for (String localPath : new LinkedHashSet<>(localPaths)) {
            for (Path dir : subFolders(sourceDir(localPath))) {
                Manifest manifest = readManifest(dir);
                if (manifest != null) {
                    bySpec.put(List.of(manifest.id(), manifest.sourceRepository()), manifest);
                }
            }
        }
        List<Manifest> out = new ArrayList<>(bySpec.values());
        out.sort(STASH_ORDER);
        return out;
    }

    private Path sourceDir(String localPath) {
        return localPath.isEmpty() || localPath.equals(".") ? pluginsDir : pluginsDir.resolve(localPath);
    }

    private static List<Path> subFolders(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            return List.of(); // an unreadable or missing source folder lists nothing, as in Stash
        }
    }

    /** @return the manifest, or null when the folder has none */
    private static Manifest readManifest(Path dir) throws PackageException {
        Path file = dir.resolve(Manifest.FILE_NAME);
        try {
            return Manifest.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new PackageException("reading manifest file \"" + file + "\": " + e, e);
        } catch (PackageException e) {
            throw e.within("reading manifest file \"" + file + "\"");
        }
    }

    /** Deletes the files the manifest lists (missing ones are ignored), then the manifest. */
    private static void deletePackageFiles(Path dir) throws PackageException {
        Path manifestFile = dir.resolve(Manifest.FILE_NAME);
        Manifest manifest;
        try {
            manifest = Manifest.parse(Files.readString(manifestFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PackageException("getting manifest: reading manifest file \"" + manifestFile + "\": "
                    + (e instanceof NoSuchFileException ? "no such file or directory" : e.toString()), e);
        } catch (PackageException e) {
            throw e.within("reading manifest file \"" + manifestFile + "\"").within("getting manifest");
        }
        Path root = dir.toAbsolutePath().normalize();
        for (String name : manifest.files()) {
            Path file = root.resolve(name).normalize();
            if (file.startsWith(root)) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // ignored, as Stash ignores a file it cannot delete
                }
            }
        }
        try {
            Files.delete(manifestFile);
        } catch (IOException e) {
            throw new PackageException("deleting manifest: " + e, e);
        }
    }
}
