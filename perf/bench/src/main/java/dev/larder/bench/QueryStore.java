package dev.larder.bench;

import dev.larder.emulator.library.LibrarySpec;
import dev.larder.store.Store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A synced store the query benchmark keeps between runs, in a folder of its own with a marker file naming what it
 * holds: the emulator's library spec and the schema version it was synced under. A run whose spec and schema match
 * the marker reuses the store; any other run syncs it again. The marker is written only after a full sync ended
 * without errors, so a store left by a killed run is never reused. A store stays valid only as long as the
 * emulator generates the same library for a spec: after changing its generator, delete the folder.
 */
final class QueryStore {

    private final Path dir;
    private final String expected;

    /**
     * @param dir  the folder (created when needed)
     * @param spec the library the store must hold
     */
    QueryStore(Path dir, LibrarySpec spec) {
        this.dir = dir;
        this.expected = "library=" + spec + "\nschema=" + Store.newestSchemaVersion() + "\n";
    }

    /** @return the SQLite file */
    Path database() {
        return dir.resolve("larder.db");
    }

    /** @return the folder */
    Path dir() {
        return dir;
    }

    /**
     * @return whether the folder holds a store synced from this spec under this schema
     * @throws IOException when the marker cannot be read
     */
    boolean reusable() throws IOException {
        Path marker = marker();
        return Files.isRegularFile(marker) && Files.isRegularFile(database())
                && Files.readString(marker).equals(expected);
    }

    /**
     * Deletes the marker and the store's files, for a sync from scratch.
     *
     * @throws IOException when a file cannot be deleted
     */
    void clear() throws IOException {
        Files.createDirectories(dir);
        Files.deleteIfExists(marker());
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(dir.resolve("larder.db" + suffix));
        }
    }

    /**
     * Records that the store now holds the spec, after a full sync ended without errors.
     *
     * @throws IOException when the marker cannot be written
     */
    void mark() throws IOException {
        Files.writeString(marker(), expected);
    }

    private Path marker() {
        return dir.resolve("library.txt");
    }
}
