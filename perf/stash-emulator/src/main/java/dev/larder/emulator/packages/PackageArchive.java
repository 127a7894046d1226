package dev.larder.emulator.packages;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * A package's zip, read and checked before anything is written: the plugin folder's contents with the plugin's
 * {@code .yml} at its root. Folder entries are skipped and file names are cleaned, as Stash's
 * {@code installPackage} does; the cleaned names are what the manifest lists.
 *
 * <p>Stricter than Stash: a zip with any entry whose name could land outside the package folder (absolute,
 * a backslash, or {@code ..} climbing above the root; Go's {@code zip: insecure file path}) is refused as a whole,
 * and file modes from the zip are not applied. Immutable and thread-safe.
 */
public final class PackageArchive {

    /** End-of-central-directory signature: every zip, even an empty one, has it. */
    private static final byte[] END_OF_CENTRAL_DIRECTORY = {'P', 'K', 5, 6};

    private final Map<String, byte[]> files;

    private PackageArchive(Map<String, byte[]> files) {
        this.files = Collections.unmodifiableMap(files);
    }

    /**
     * Reads a zip into memory.
     *
     * @param zip the zip's bytes
     * @return the archive
     * @throws PackageException {@code reading zip data: zip: not a valid zip file} or
     *                          {@code reading zip data: zip: insecure file path "<name>"}
     */
    public static PackageArchive read(byte[] zip) throws PackageException {
        if (!hasEndOfCentralDirectory(zip)) {
            throw new PackageException("reading zip data: zip: not a valid zip file");
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = cleanLocalName(entry.getName());
                byte[] content = in.readAllBytes();
                if (!entry.isDirectory()) {
                    files.remove(name); // a repeated name is written again, last content wins
                    files.put(name, content);
                }
            }
        } catch (ZipException e) {
            throw new PackageException("reading zip data: zip: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new PackageException("reading zip data: " + e.getMessage(), e);
        }
        return new PackageArchive(files);
    }

    /** @return the cleaned relative names of the files, in zip order ({@code /}-separated) */
    public List<String> files() {
        return List.copyOf(files.keySet());
    }

    /**
     * Writes every file under a folder, creating sub-folders and overwriting files of the same name.
     *
     * @param dir the package folder
     * @throws IOException when a file cannot be written
     */
    public void extractTo(Path dir) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = root.resolve(file.getKey()).normalize();
            if (!target.startsWith(root)) {
                throw new IOException("zip entry " + file.getKey() + " leaves " + root); // ruled out by read()
            }
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
    }

    /**
     * Go's {@code filepath.Clean} of a name that {@code filepath.IsLocal} accepts.
     *
     * @throws PackageException for a name that is empty, absolute, has a backslash or climbs above the root
     */
    private static String cleanLocalName(String name) throws PackageException {
        PackageException insecure = new PackageException("reading zip data: zip: insecure file path \"" + name
                + "\"");
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\")) {
            throw insecure;
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : name.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.pollLast() == null) {
                    throw insecure;
                }
            } else {
                segments.addLast(segment);
            }
        }
        return segments.isEmpty() ? "." : String.join("/", segments);
    }

    private static boolean hasEndOfCentralDirectory(byte[] zip) {
        // the record is 22 bytes plus a comment of at most 65,535 bytes, at the very end
        int lowest = Math.max(0, zip.length - 22 - 65_535);
        for (int i = zip.length - 22; i >= lowest; i--) {
            if (zip[i] == END_OF_CENTRAL_DIRECTORY[0] && zip[i + 1] == END_OF_CENTRAL_DIRECTORY[1]
                    && zip[i + 2] == END_OF_CENTRAL_DIRECTORY[2] && zip[i + 3] == END_OF_CENTRAL_DIRECTORY[3]) {
                return true;
            }
        }
        return false;
    }
}
