package dev.larder.store;

import org.sqlite.SQLiteConfig;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Opens the store's SQLite connections with the pragmas from {@link StoreConfig}: WAL (set by the writer; it
 * persists in the file), {@code synchronous=NORMAL} (durable at checkpoints, never corrupt), temp tables in memory,
 * the configured page cache and mmap size, and no foreign-key enforcement (relations may name entities synced
 * later, and soft-deleted rows keep their links).
 */
final class Connections {

    private Connections() {
    }

    /** @return the one read-write connection, in WAL mode */
    static Connection openWriter(StoreConfig config) {
        return open(config, false);
    }

    /** @return a read-only connection (opened read-only, and {@code query_only} on top) */
    static Connection openReader(StoreConfig config) {
        return open(config, true);
    }

    private static Connection open(StoreConfig config, boolean readOnly) {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setReadOnly(readOnly);
        sqlite.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, config.busyTimeout().toMillis()));
        try {
            Connection connection = sqlite.createConnection("jdbc:sqlite:" + config.path().toAbsolutePath());
            try (Statement s = connection.createStatement()) {
                if (!readOnly) {
                    s.execute("PRAGMA journal_mode = WAL");
                }
                s.execute("PRAGMA synchronous = NORMAL");
                s.execute("PRAGMA foreign_keys = OFF");
                // sorts of index builds and FTS rebuilds spill to disk instead of growing the RSS past the heap
                s.execute("PRAGMA temp_store = FILE");
                s.execute("PRAGMA cache_size = -" + config.cacheSizeKib());
                s.execute("PRAGMA mmap_size = " + config.mmapSizeBytes());
                if (readOnly) {
                    s.execute("PRAGMA query_only = ON");
                    Regexp.register(connection);
                }
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return connection;
        } catch (SQLException e) {
            throw new StoreException("cannot open L2 database " + config.path() + ": " + e.getMessage(), e);
        }
    }
}
