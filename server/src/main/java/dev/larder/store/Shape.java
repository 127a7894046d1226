package dev.larder.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.larder.stash.MediaUrls;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * How one member of an entity's JSON (as the sync fragments shape it) maps to table columns, both ways.
 * A {@link Leaf} is one column; an {@link Obj} is a nested object flattened into its members' columns.
 */
sealed interface Shape permits Shape.Leaf, Shape.Obj {

    /** @return the JSON member name */
    String json();

    /** @return the columns this shape writes, in order */
    List<Leaf> leaves();

    /**
     * Appends the column values taken from {@code parent} (an object node, or null for "absent").
     *
     * @param parent the object holding this member, or null
     * @param out    receives one value per leaf, in {@link #leaves()} order
     */
    void extract(JsonNode parent, List<Object> out);

    /**
     * Puts this member, rebuilt from a row, into {@code target}.
     *
     * @param row    a row holding this shape's columns
     * @param target the object to fill
     */
    void rebuild(ResultSet row, ObjectNode target) throws SQLException;

    /** The column type, which says how a JSON value is converted to SQL and back. */
    enum Kind {
        /** a string */
        TEXT,
        /** an integer (Int or Int64) */
        INT,
        /** a float */
        REAL,
        /** a boolean, stored as 0/1 */
        BOOL,
        /** an entity id: a string in JSON, an integer in SQL */
        ID,
        /** a media URL, stored as a path without scheme, host or API key ({@link MediaUrls}) */
        URL,
        /** any JSON value, stored as its compact JSON text (lists nobody filters on) */
        JSON,
        /** write-only: the value of the fingerprint whose type is the column name, from a fingerprints list */
        FINGERPRINT
    }

    /**
     * One column.
     *
     * @param json       member name
     * @param column     column name
     * @param kind       conversion
     * @param omitIfNull when true a null column leaves the member out of the rebuilt JSON (members that only one
     *                   variant of a union type has, such as a video file's {@code duration} among image files)
     */
    record Leaf(String json, String column, Kind kind, boolean omitIfNull) implements Shape {

        @Override
        public List<Leaf> leaves() {
            return List.of(this);
        }

        @Override
        public void extract(JsonNode parent, List<Object> out) {
            JsonNode node = parent == null ? null : parent.get(json);
            out.add(node == null || node.isNull() ? null : toSql(node));
        }

        private Object toSql(JsonNode node) {
            return switch (kind) {
                case TEXT -> node.asText();
                case INT -> node.asLong();
                case REAL -> node.asDouble();
                case BOOL -> node.asBoolean() ? 1 : 0;
                case ID -> Long.parseLong(node.asText());
                case URL -> MediaUrls.toPath(node.asText());
                case JSON -> node.toString();
                case FINGERPRINT -> fingerprint(node);
            };
        }

        private String fingerprint(JsonNode fingerprints) {
            for (JsonNode fp : fingerprints) {
                if (column.equals(fp.path("type").asText())) {
                    JsonNode value = fp.get("value");
                    return value == null || value.isNull() ? null : value.asText();
                }
            }
            return null;
        }

        @Override
        public void rebuild(ResultSet row, ObjectNode target) throws SQLException {
            if (kind == Kind.FINGERPRINT) {
                return;
            }
            Object value = row.getObject(column);
            if (value == null) {
                if (!omitIfNull) {
                    target.putNull(json);
                }
                return;
            }
            target.set(json, toJson(value));
        }

        /** @return whether this column's value is absent in the row (write-only columns count as absent) */
        boolean isNullIn(ResultSet row) throws SQLException {
            return kind == Kind.FINGERPRINT || row.getObject(column) == null;
        }

        private JsonNode toJson(Object value) {
            JsonNodeFactory f = JsonNodeFactory.instance;
            return switch (kind) {
                case TEXT, URL -> f.textNode(value.toString());
                case INT -> {
                    long v = ((Number) value).longValue();
                    yield v == (int) v ? f.numberNode((int) v) : f.numberNode(v);
                }
                case REAL -> f.numberNode(((Number) value).doubleValue());
                case BOOL -> f.booleanNode(((Number) value).intValue() != 0);
                case ID -> f.textNode(Long.toString(((Number) value).longValue()));
                case JSON -> Json.parse(value.toString());
                case FINGERPRINT -> throw new IllegalStateException("write-only column " + column);
            };
        }
    }

    /**
     * A nested object flattened into its members' columns.
     *
     * @param json     member name
     * @param members  the object's members
     * @param nullable when true, an object whose columns are all null is rebuilt as JSON null (a reference such as
     *                 {@code studio: {id}}); when false it is always rebuilt as an object (Stash's {@code paths})
     */
    record Obj(String json, List<Shape> members, boolean nullable) implements Shape {

        @Override
        public List<Leaf> leaves() {
            List<Leaf> all = new ArrayList<>();
            members.forEach(m -> all.addAll(m.leaves()));
            return all;
        }

        @Override
        public void extract(JsonNode parent, List<Object> out) {
            JsonNode node = parent == null ? null : parent.get(json);
            JsonNode object = node == null || node.isNull() ? null : node;
            members.forEach(m -> m.extract(object, out));
        }

        @Override
        public void rebuild(ResultSet row, ObjectNode target) throws SQLException {
            if (nullable && allNull(row)) {
                target.putNull(json);
                return;
            }
            ObjectNode object = target.putObject(json);
            for (Shape member : members) {
                member.rebuild(row, object);
            }
        }

        private boolean allNull(ResultSet row) throws SQLException {
            for (Leaf leaf : leaves()) {
                if (!leaf.isNullIn(row)) {
                    return false;
                }
            }
            return true;
        }
    }
}
