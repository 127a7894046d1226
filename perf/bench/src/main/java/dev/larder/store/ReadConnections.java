package dev.larder.store;

import java.sql.Connection;

/**
 * Opens read-only connections to an L2 file exactly as the store's read pool does (same pragmas, same read-only
 * mode, Larder's {@code REGEXP}), for the benchmark that puts another data-access layer on top of them.
 */
public final class ReadConnections {

    private ReadConnections() {
    }

    /**
     * @param config the store's settings
     * @return a new read-only connection in auto-commit mode; the caller closes it
     * @throws StoreException when the file cannot be opened
     */
    public static Connection open(StoreConfig config) {
        return Connections.openReader(config);
    }
}
