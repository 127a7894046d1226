package dev.larder.query;

import dev.larder.model.EntityType;

import java.util.List;
import java.util.Set;

/**
 * What a compact item of a type shows, the form a browse page needs: scalar fields read from the entity's row (and
 * from one optional joined row, such as a scene's primary file), related entities as {@code {id, name}}, and
 * Larder's own media URLs. JSON names are Stash's field names. Immutable.
 *
 * @param join    SQL joined to the entity table {@code {t}} for the fields, or empty (e.g. the primary file)
 * @param fields  the scalar fields, in output order
 * @param related the related entities, in output order
 * @param media   the media kinds, each rendered as {@code /media/<type>/<id>/<kind>} when its path column is set
 */
record ItemShape(String join, List<Field> fields, List<Related> related, List<Media> media) {

    /** How a column's value is written. */
    enum Kind {
        /** a whole number */
        INT,
        /** a number with a fraction */
        REAL,
        /** text */
        TEXT,
        /** 0/1 written as false/true */
        BOOL,
        /** JSON text written as its value */
        JSON,
        /** a whole number written as a string, as Stash writes ids */
        ID
    }

    /**
     * @param name       the JSON name, with dots for nesting ({@code file.duration})
     * @param expression SQL over {@code {t}} and the join
     * @param kind       how the value is written
     * @param reads      the types besides the item's own that the expression reads (a performer's scene count
     *                   reads scenes), whose generations the rendered item must carry
     */
    record Field(String name, String expression, Kind kind, Set<EntityType> reads) {

        Field {
            reads = Set.copyOf(reads);
        }

        /** A field of the item's own row (or its join). */
        Field(String name, String expression, Kind kind) {
            this(name, expression, kind, Set.of());
        }
    }

    /**
     * Related entities: {@code sql} yields rows {@code (owner id, related id, related name)} for the owner ids in
     * the JSON array bound as its one parameter, in the order they are shown.
     *
     * @param name   the JSON name
     * @param type   the related type (its generation is part of the item's key)
     * @param single true for one object or null (a scene's studio), false for a list
     * @param sql    the query
     */
    record Related(String name, EntityType type, boolean single, String sql) {
    }

    /**
     * @param kind   the media kind in the URL ({@code screenshot})
     * @param column the entity column holding Stash's path, null when there is none
     */
    record Media(String kind, String column) {
    }

    /**
     * A list of related entities through a join table kept in Stash's order, live ones only.
     *
     * @param name        the JSON name
     * @param type        the related type
     * @param joinTable   the join table
     * @param ownerColumn its column holding the owner's id
     * @param otherColumn its column holding the related id
     * @param otherTable  the related entity table
     * @param nameColumn  the related entity's display column ({@code name} or {@code title})
     * @return the declaration
     */
    static Related list(String name, EntityType type, String joinTable, String ownerColumn, String otherColumn,
                        String otherTable, String nameColumn) {
        return joined(name, type, joinTable, ownerColumn, otherColumn, otherTable, nameColumn, "j.position");
    }

    /**
     * A list of related entities through a join table owned by the other side, live ones only, in the order of
     * their names (as Stash lists a tag's children); the parameters are those of {@link #list}.
     *
     * @return the declaration
     */
    static Related listByName(String name, EntityType type, String joinTable, String ownerColumn, String otherColumn,
                              String otherTable, String nameColumn) {
        return joined(name, type, joinTable, ownerColumn, otherColumn, otherTable, nameColumn,
                "o." + nameColumn + " COLLATE NOCASE, o.id");
    }

    private static Related joined(String name, EntityType type, String joinTable, String ownerColumn,
                                  String otherColumn, String otherTable, String nameColumn, String order) {
        return new Related(name, type, false,
                "SELECT j." + ownerColumn + ", o.id, o." + nameColumn + " FROM " + joinTable + " j JOIN " + otherTable
                + " o ON o.id = j." + otherColumn + " AND o.deleted_at IS NULL WHERE j." + ownerColumn
                + " IN (SELECT value FROM json_each(?)) ORDER BY j." + ownerColumn + ", " + order);
    }

    /**
     * One related entity referenced by a column of the owner's table.
     *
     * @param name       the JSON name
     * @param type       the related type
     * @param ownerTable the owner's entity table
     * @param column     the owner's column holding the related id
     * @param otherTable the related entity table
     * @param nameColumn the related entity's display column
     * @return the declaration
     */
    static Related single(String name, EntityType type, String ownerTable, String column, String otherTable,
                          String nameColumn) {
        return new Related(name, type, true,
                "SELECT w.id, o.id, o." + nameColumn + " FROM " + ownerTable + " w JOIN " + otherTable
                + " o ON o.id = w." + column + " AND o.deleted_at IS NULL"
                + " WHERE w.id IN (SELECT value FROM json_each(?))");
    }
}
