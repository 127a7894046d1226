package dev.larder.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.larder.model.EntityType;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A list member of an entity (its tags, files, groups with their scene index, a gallery's chapters) kept as rows of
 * its own table, one row per list item in list order ({@code position}), keyed by the owner's id. Writing an owner
 * replaces all of its rows. The SQL for the table lives here.
 *
 * @param json         the list member's name in the owner's JSON
 * @param table        the table
 * @param ownerColumn  the column holding the owner's id
 * @param item         how one list item maps to the row's columns
 * @param owned        null for plain links; else the type of the items, which are entities of their own with an
 *                     {@code id} primary key, {@code synced_at} and {@code deleted_at} (gallery chapters):
 *                     replacing soft-deletes the items that left the list and restores those that are in it
 */
record Relation(String json, String table, String ownerColumn, List<Shape> item, EntityType owned) {

    /** @return whether the items are entities of their own ({@link #owned()} is set) */
    boolean ownsEntities() {
        return owned != null;
    }

    private List<String> itemColumns() {
        return item.stream().flatMap(s -> s.leaves().stream()).map(Shape.Leaf::column).toList();
    }

    /** @return parameters: (deleted_at if {@link #ownsEntities()}), JSON array of owner ids */
    String clearSql() {
        return ownsEntities()
                ? "UPDATE " + table + " SET deleted_at = ? WHERE " + ownerColumn
                  + " IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL"
                : "DELETE FROM " + table + " WHERE " + ownerColumn + " IN (SELECT value FROM json_each(?))";
    }

    /** @return parameters: owner id, position, the item's columns, (synced_at if {@link #ownsEntities()}) */
    String insertSql() {
        List<String> columns = Stream.concat(Stream.of(ownerColumn, "position"), itemColumns().stream()).toList();
        String insert = "INSERT INTO " + table + " (" + String.join(", ", columns)
                        + (ownsEntities() ? ", synced_at, deleted_at" : "") + ") VALUES ("
                        + columns.stream().map(c -> "?").collect(Collectors.joining(", "))
                        + (ownsEntities() ? ", ?, NULL)" : ")");
        if (!ownsEntities()) {
            return insert;
        }
        return insert + " ON CONFLICT (id) DO UPDATE SET "
               + columns.stream().filter(c -> !c.equals("id")).map(c -> c + " = excluded." + c)
                       .collect(Collectors.joining(", "))
               + ", synced_at = excluded.synced_at, deleted_at = NULL";
    }

    /** @return parameters: JSON array of owner ids; yields the ids of live owned entities */
    String liveOwnedSql() {
        return "SELECT id FROM " + table + " WHERE " + ownerColumn
               + " IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL";
    }

    /** @return parameters: owner id; yields the rows in list order */
    String selectSql() {
        return "SELECT * FROM " + table + " WHERE " + ownerColumn + " = ?"
               + (ownsEntities() ? " AND deleted_at IS NULL" : "") + " ORDER BY position";
    }

    /**
     * Adds one insert per list item of {@code owner}'s JSON to the batch of {@code insert} ({@link #insertSql()}).
     *
     * @return the items' ids when {@link #ownsEntities()}, else an empty list
     */
    List<Integer> addInserts(PreparedStatement insert, int ownerId, JsonNode owner, String syncedAt)
            throws SQLException {
        JsonNode list = owner.get(json);
        List<Integer> ids = new ArrayList<>();
        if (list == null || !list.isArray()) {
            return ids;
        }
        List<Object> values = new ArrayList<>();
        int position = 0;
        for (JsonNode element : list) {
            values.clear();
            values.add(ownerId);
            values.add(position++);
            item.forEach(s -> s.extract(element, values));
            if (ownsEntities()) {
                values.add(syncedAt);
                ids.add(element.path("id").asInt());
            }
            Sql.bind(insert, values);
            insert.addBatch();
        }
        return ids;
    }

    /** Reads the owner's list back into {@code target} as JSON. */
    void rebuild(ResultSet rows, ObjectNode target) throws SQLException {
        ArrayNode list = target.putArray(json);
        while (rows.next()) {
            ObjectNode element = JsonNodeFactory.instance.objectNode();
            for (Shape shape : item) {
                shape.rebuild(rows, element);
            }
            list.add(element);
        }
    }
}
