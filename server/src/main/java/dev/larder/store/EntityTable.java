package dev.larder.store;

import dev.larder.model.EntityType;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The table of one entity type: how the entity's JSON maps to its columns and relation tables, and the SQL for the
 * table. Every entity table has an {@code id INTEGER PRIMARY KEY}, {@code synced_at} and {@code deleted_at}.
 *
 * @param type      the entity type
 * @param table     the table name
 * @param columns   the scalar and nested-object members, the first being {@code id}
 * @param relations the list members, each in its own table
 */
record EntityTable(EntityType type, String table, List<Shape> columns, List<Relation> relations) {

    private List<String> columnNames() {
        return columns.stream().flatMap(s -> s.leaves().stream()).map(Shape.Leaf::column).toList();
    }

    /** @return parameters: the columns in {@link Shape#leaves()} order, then synced_at; clears deleted_at */
    String upsertSql() {
        List<String> names = columnNames();
        return "INSERT INTO " + table + " (" + String.join(", ", names) + ", synced_at, deleted_at) VALUES ("
               + names.stream().map(c -> "?").collect(Collectors.joining(", ")) + ", ?, NULL)"
               + " ON CONFLICT (id) DO UPDATE SET "
               + names.stream().filter(c -> !c.equals("id")).map(c -> c + " = excluded." + c)
                       .collect(Collectors.joining(", "))
               + ", synced_at = excluded.synced_at, deleted_at = NULL";
    }

    /** @return parameters: deleted_at, JSON array of ids; returns the ids that were live */
    String softDeleteSql() {
        return "UPDATE " + table + " SET deleted_at = ? WHERE id IN (SELECT value FROM json_each(?))"
               + " AND deleted_at IS NULL RETURNING id";
    }

    /**
     * @param column a column of this table holding another entity's id
     * @return parameters: deleted_at, JSON array of that column's values; returns the ids that were live
     */
    String softDeleteByColumnSql(String column) {
        return "UPDATE " + table + " SET deleted_at = ? WHERE " + column + " IN (SELECT value FROM json_each(?))"
               + " AND deleted_at IS NULL RETURNING id";
    }

    /**
     * @param column a column of this table holding another entity's id
     * @return parameters: JSON array of that column's values; yields the ids of the live rows holding one
     */
    String liveIdsByColumnSql(String column) {
        return "SELECT id FROM " + table + " WHERE " + column + " IN (SELECT value FROM json_each(?))"
               + " AND deleted_at IS NULL";
    }

    /** @return parameters: synced_at, JSON array of ids; returns the ids that were deleted */
    String restoreSql() {
        return "UPDATE " + table + " SET deleted_at = NULL, synced_at = ? WHERE id IN (SELECT value FROM json_each(?))"
               + " AND deleted_at IS NOT NULL RETURNING id";
    }

    /** @return parameters: id */
    String selectSql() {
        return "SELECT * FROM " + table + " WHERE id = ?";
    }

    /** @return no parameters */
    /** @return parameters: id; yields the live entity's {@code updated_at}, no row when absent or deleted */
    String liveUpdatedAtSql() {
        return "SELECT updated_at FROM " + table + " WHERE id = ? AND deleted_at IS NULL";
    }

    String countSql() {
        return "SELECT count(*) FROM " + table + " WHERE deleted_at IS NULL";
    }

    /** @return parameters: from, to (inclusive) */
    String countRangeSql() {
        return "SELECT count(*) FROM " + table + " WHERE deleted_at IS NULL AND id BETWEEN ? AND ?";
    }

    /** @return parameters: from, to (inclusive) */
    String idsSql() {
        return "SELECT id FROM " + table + " WHERE deleted_at IS NULL AND id BETWEEN ? AND ? ORDER BY id";
    }

    /** @return no parameters */
    String maxIdSql() {
        return "SELECT max(id) FROM " + table + " WHERE deleted_at IS NULL";
    }
}
