package dev.larder.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bulk-load mode of the writer: while active, the secondary ({@code ix_*}) indexes are dropped and the
 * full-text indexes, closures and tallies are left stale; finishing recreates the indexes and rebuilds the rest. The
 * state lives in {@code store_meta} (the flag and the dropped indexes' DDL), committed with each step, so a process
 * killed at any point leaves a database that the next open finishes (a migration that adds derived tables sets the
 * flag for that reason). Confined to the writer thread (or to open, before it starts).
 */
final class BulkLoad {

    private static final String FLAG = "bulk_load";
    private static final String INDEX_PREFIX = "bulk_load.index.";

    private boolean active;

    /**
     * @param connection the writer connection (auto-commit off)
     * @return the mode as the database records it
     */
    static BulkLoad read(Connection connection) throws SQLException {
        BulkLoad bulkLoad = new BulkLoad();
        try (PreparedStatement s = connection.prepareStatement("SELECT 1 FROM store_meta WHERE key = ?")) {
            s.setString(1, FLAG);
            try (ResultSet rs = s.executeQuery()) {
                bulkLoad.active = rs.next();
            }
        }
        connection.commit();
        return bulkLoad;
    }

    /** @return whether a bulk load is in progress */
    boolean active() {
        return active;
    }

    /** Drops the secondary indexes, keeping their DDL, and records the mode; no-op when already active. */
    void begin(Connection connection) throws SQLException {
        if (active) {
            return;
        }
        try (Statement s = connection.createStatement();
             PreparedStatement keep = connection.prepareStatement(
                     "INSERT OR REPLACE INTO store_meta (key, value) VALUES (?, ?)")) {
            Map<String, String> indexes = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                                               + " AND name LIKE 'ix\\_%' ESCAPE '\\' AND sql IS NOT NULL")) {
                while (rs.next()) {
                    indexes.put(rs.getString(1), rs.getString(2));
                }
            }
            for (var index : indexes.entrySet()) {
                keep.setString(1, INDEX_PREFIX + index.getKey());
                keep.setString(2, index.getValue());
                keep.executeUpdate();
                s.execute("DROP INDEX " + index.getKey());
            }
            keep.setString(1, FLAG);
            keep.setString(2, "active");
            keep.executeUpdate();
            connection.commit();
            active = true;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /**
     * Recreates the dropped indexes (one transaction each), then rebuilds full text, closures and tallies and clears
     * the mode (one transaction); every step can be repeated after a crash. No-op when not active.
     */
    void finish(Connection connection) throws SQLException {
        if (!active) {
            return;
        }
        try {
            Map<String, String> indexes = new LinkedHashMap<>();
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT key, value FROM store_meta WHERE key LIKE ? ORDER BY key")) {
                s.setString(1, INDEX_PREFIX + "%");
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        indexes.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            try (Statement s = connection.createStatement();
                 PreparedStatement forget = connection.prepareStatement("DELETE FROM store_meta WHERE key = ?")) {
                for (var index : indexes.entrySet()) {
                    s.execute(index.getValue().replaceFirst("(?i)^CREATE INDEX ", "CREATE INDEX IF NOT EXISTS "));
                    forget.setString(1, index.getKey());
                    forget.executeUpdate();
                    connection.commit();
                }
                for (FullText fullText : Catalog.FULL_TEXT) {
                    fullText.rebuild(connection);
                }
                for (Hierarchy hierarchy : Catalog.HIERARCHIES) {
                    hierarchy.rebuild(connection);
                }
                for (Tallies tallies : Catalog.TALLIES) {
                    tallies.rebuild(connection);
                }
                forget.setString(1, FLAG);
                forget.executeUpdate();
                connection.commit();
            }
            active = false;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }
}
