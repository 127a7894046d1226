package dev.larder.store;

import dev.larder.model.EntityType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;

/**
 * A hierarchy of one entity type (tags with several parents, studios with one, groups inside groups) and its
 * closure table: one row per (ancestor, descendant) pair of live entities with the length of the shortest path
 * between them, each live entity being its own ancestor at depth 0. A deleted entity has no rows and breaks the
 * paths through it, as Stash's delete drops its parent and child links. The SQL for the closure lives here.
 *
 * @param type         the entity type
 * @param entityTable  the entity table
 * @param closureTable the closure table
 * @param edgesSql     a query yielding (child id, parent id) for every parent link, deleted or not
 */
record Hierarchy(EntityType type, String entityTable, String closureTable, String edgesSql) {

    /** Bounds walks in case Stash ever hands over a cycle (its UI refuses to make one). */
    private static final int MAX_DEPTH = 100;

    /**
     * Recomputes the closure rows of the given entities and of everything below them. Call after the batch's own
     * rows (links, deletions, restores) are written.
     *
     * @param changed ids whose links or deletion state changed
     */
    void refresh(Connection connection, Collection<Integer> changed) throws SQLException {
        if (changed.isEmpty()) {
            return;
        }
        clearAffected(connection);
        try (PreparedStatement affected = connection.prepareStatement(
                "INSERT INTO temp.closure_affected (id) WITH RECURSIVE e(child, parent) AS (" + edgesSql + "),"
                + " down(id, d) AS (SELECT value, 0 FROM json_each(?) UNION"
                + " SELECT e.child, down.d + 1 FROM e JOIN down ON e.parent = down.id WHERE down.d < " + MAX_DEPTH
                + ") SELECT DISTINCT id FROM down")) {
            affected.setString(1, Sql.idArray(changed));
            affected.executeUpdate();
        }
        recomputeAffected(connection);
    }

    /** Recomputes the whole closure (after a bulk load or when a migration adds it). */
    void rebuild(Connection connection) throws SQLException {
        clearAffected(connection);
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("INSERT INTO temp.closure_affected (id) SELECT id FROM " + entityTable);
        }
        recomputeAffected(connection);
    }

    private static void clearAffected(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TEMP TABLE IF NOT EXISTS closure_affected (id INTEGER PRIMARY KEY)");
            s.execute("DELETE FROM temp.closure_affected");
        }
    }

    private void recomputeAffected(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("DELETE FROM " + closureTable
                            + " WHERE descendant_id IN (SELECT id FROM temp.closure_affected)");
            s.executeUpdate("INSERT INTO " + closureTable + " (ancestor_id, descendant_id, depth)"
                            + " WITH RECURSIVE e(child, parent) AS (" + edgesSql + "),"
                            + " up(descendant, ancestor, d) AS ("
                            + "SELECT a.id, a.id, 0 FROM temp.closure_affected a JOIN " + entityTable
                            + " t ON t.id = a.id AND t.deleted_at IS NULL"
                            + " UNION SELECT up.descendant, e.parent, up.d + 1 FROM up"
                            + " JOIN e ON e.child = up.ancestor JOIN " + entityTable
                            + " t ON t.id = e.parent AND t.deleted_at IS NULL WHERE up.d < " + MAX_DEPTH + ")"
                            + " SELECT ancestor, descendant, min(d) FROM up GROUP BY ancestor, descendant");
        }
    }
}
