package dev.larder.store;

import dev.larder.model.EntityType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;

/**
 * A contentless FTS5 index over one entity table's live rows ({@code rowid} = entity id); the text stays in the
 * entity tables. The SQL for the index lives here.
 *
 * @param type        the entity type
 * @param entityTable the entity table, aliased {@code t} in the sources
 * @param ftsTable    the FTS5 table
 * @param columns     the FTS5 columns
 * @param sources     per column, the SQL expression over {@code t} that yields its text
 */
record FullText(EntityType type, String entityTable, String ftsTable, List<String> columns, List<String> sources) {

    /** Re-indexes the given entities (live ones are indexed again, deleted ones dropped). */
    void refresh(Connection connection, Collection<Integer> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        String idArray = Sql.idArray(ids);
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM " + ftsTable + " WHERE rowid IN (SELECT value FROM json_each(?))");
             PreparedStatement insert = connection.prepareStatement(
                     insertSql() + " AND t.id IN (SELECT value FROM json_each(?))")) {
            delete.setString(1, idArray);
            delete.executeUpdate();
            insert.setString(1, idArray);
            insert.executeUpdate();
        }
    }

    /** Indexes every live entity from scratch. */
    void rebuild(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("INSERT INTO " + ftsTable + " (" + ftsTable + ") VALUES ('delete-all')");
            s.executeUpdate(insertSql());
        }
    }

    private String insertSql() {
        return "INSERT INTO " + ftsTable + " (rowid, " + String.join(", ", columns) + ") SELECT t.id, "
               + String.join(", ", sources) + " FROM " + entityTable + " t WHERE t.deleted_at IS NULL";
    }
}
