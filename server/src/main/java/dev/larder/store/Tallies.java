package dev.larder.store;

import dev.larder.model.EntityType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One tallies table: per entity of a type, aggregates of other entities' rows that point at it (a performer's live
 * scenes, their o-counters and durations, its latest play), which criteria and sorts would otherwise compute per
 * row from millions of links. A row is keyed by the entity's id whether or not that entity is stored yet, so a
 * source written before its target still counts. The SQL for the table lives here.
 *
 * <p>Kept by deltas in the writer's transaction: the contributions of the sources a batch touches are captured
 * before the batch is written (with sign -1) and after (with sign +1), and their differences are added. A latest
 * value (MAX) only rises that way; when a source that held a target's latest value loses or lowers it, that
 * target's value is recomputed from its sources alone. Bulk loads rebuild the table instead.
 *
 * @param table    the tallies table ({@code performer_tallies})
 * @param idColumn its key, the target entity's id
 * @param columns  the aggregates by column name
 * @param feeds    the sources' contributions
 */
record Tallies(String table, String idColumn, Map<String, Aggregate> columns, List<Feed> feeds) {

    /** How a column combines its contributions. */
    enum Aggregate {
        /** the sum (a count is a sum of 1s); never NULL, 0 without contributions */
        SUM,
        /** the greatest value, NULL without contributions; each MAX column has exactly one feed */
        MAX
    }

    /**
     * The contributions of one kind of source rows: one row per (target, source) pair with values for some of the
     * table's columns, over live sources only.
     *
     * @param source   the source's entity type, whose writes change the contributions
     * @param from     the FROM clause (tables and joins)
     * @param live     the condition that keeps live sources only
     * @param target   the expression of the target's id (rows where it is NULL contribute nothing)
     * @param sourceId the expression of the source's id
     * @param values   per column fed, the expression of the contribution
     */
    record Feed(EntityType source, String from, String live, String target, String sourceId,
                Map<String, String> values) {

        Feed {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        private String select(String extra) {
            return " FROM " + from + " WHERE " + live + " AND " + target + " IS NOT NULL" + extra;
        }
    }

    Tallies {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        feeds = List.copyOf(feeds);
        for (var column : columns.entrySet()) {
            long fed = feeds.stream().filter(f -> f.values().containsKey(column.getKey())).count();
            if (fed == 0 || column.getValue() == Aggregate.MAX && fed > 1) {
                throw new IllegalStateException(table + "." + column.getKey() + " has " + fed + " feeds");
            }
        }
        for (Feed feed : feeds) {
            if (!columns.keySet().containsAll(feed.values().keySet())) {
                throw new IllegalStateException(table + ": a feed names a column it does not have");
            }
        }
    }

    /** @return the source types whose writes change this table */
    Set<EntityType> sources() {
        return feeds.stream().map(Feed::source).collect(Collectors.toCollection(
                () -> EnumSet.noneOf(EntityType.class)));
    }

    private String deltaTable() {
        return "temp." + table + "_delta";
    }

    /**
     * Records the current contributions of the given sources, to be added ({@code sign} 1, after a write) or taken
     * away ({@code sign} -1, before it) by {@link #apply}.
     *
     * @param sources per type, the source ids a batch touches (absent types: none)
     */
    void capture(Connection connection, Map<EntityType, ? extends Collection<Integer>> sources, int sign)
            throws SQLException {
        createDeltaTable(connection);
        for (Feed feed : feeds) {
            Collection<Integer> ids = sources.get(feed.source());
            if (ids == null || ids.isEmpty()) {
                continue;
            }
            String sql = "INSERT INTO " + deltaTable() + " (sign, target_id, source_id, "
                         + String.join(", ", feed.values().keySet()) + ") SELECT " + sign + ", " + feed.target()
                         + ", " + feed.sourceId() + ", " + String.join(", ", feed.values().values())
                         + feed.select(" AND " + feed.sourceId() + " IN (SELECT value FROM json_each(?))");
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                s.setString(1, Sql.idArray(ids));
                s.executeUpdate();
            }
        }
    }

    /** Adds what {@link #capture} recorded since the last call, and forgets it. */
    void apply(Connection connection) throws SQLException {
        createDeltaTable(connection);
        List<String> aggregates = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        columns.forEach((column, aggregate) -> {
            if (aggregate == Aggregate.SUM) {
                aggregates.add("sum(sign * coalesce(" + column + ", 0))");
                changed.add("sum(sign * coalesce(" + column + ", 0)) != 0");
            } else {
                aggregates.add("max(CASE WHEN sign = 1 THEN " + column + " END)");
                changed.add("max(CASE WHEN sign = 1 THEN " + column + " END)"
                            + " IS NOT max(CASE WHEN sign = -1 THEN " + column + " END)");
            }
        });
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("INSERT INTO " + table + " (" + idColumn + ", " + String.join(", ", columns.keySet())
                            + ") SELECT target_id, " + String.join(", ", aggregates) + " FROM " + deltaTable()
                            + " WHERE true GROUP BY target_id HAVING " + String.join(" OR ", changed)
                            + merge());
            for (var column : columns.entrySet()) {
                if (column.getValue() == Aggregate.MAX) {
                    s.executeUpdate(recomputeLost(column.getKey()));
                }
            }
            s.executeUpdate("DELETE FROM " + deltaTable());
        }
    }

    /**
     * @return SQL that recomputes a MAX column for the targets where a source held the stored value before the
     *         write and holds no value as high after it
     */
    private String recomputeLost(String column) {
        Feed feed = feeds.stream().filter(f -> f.values().containsKey(column)).findFirst().orElseThrow();
        return "UPDATE " + table + " SET " + column + " = (SELECT max(" + feed.values().get(column) + ")"
               + feed.select(" AND " + feed.target() + " = " + table + "." + idColumn) + ")"
               + " WHERE " + idColumn + " IN (SELECT b.target_id FROM " + deltaTable() + " b JOIN " + table
               + " p ON p." + idColumn + " = b.target_id WHERE b.sign = -1 AND b." + column + " >= p." + column
               + " AND NOT EXISTS (SELECT 1 FROM " + deltaTable() + " a WHERE a.sign = 1"
               + " AND a.target_id = b.target_id AND a.source_id = b.source_id AND a." + column + " >= b."
               + column + "))";
    }

    /** Recomputes the whole table from every live source (after a bulk load or when a migration adds it). */
    void rebuild(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("DELETE FROM " + table);
            for (Feed feed : feeds) {
                s.executeUpdate("INSERT INTO " + table + " (" + idColumn + ", "
                                + String.join(", ", feed.values().keySet()) + ") " + totalsSql(feed)
                                + merge(feed.values().keySet()));
            }
        }
    }

    /** @return SQL yielding, per target, the feed's aggregates over every live source, in the feed's column order */
    String totalsSql(Feed feed) {
        List<String> aggregates = new ArrayList<>();
        feed.values().forEach((column, value) -> aggregates.add(
                (columns.get(column) == Aggregate.SUM ? "sum(" : "max(") + value + ")"));
        return "SELECT " + feed.target() + ", " + String.join(", ", aggregates)
               + feed.select(" GROUP BY " + feed.target());
    }

    private String merge() {
        return merge(columns.keySet());
    }

    /** @return the upsert clause that adds sums to a row already there and keeps the greater of two maxima */
    private String merge(Collection<String> merged) {
        return " ON CONFLICT (" + idColumn + ") DO UPDATE SET " + merged.stream().map(c -> columns.get(c)
                == Aggregate.SUM ? c + " = " + c + " + excluded." + c
                : c + " = CASE WHEN excluded." + c + " IS NULL THEN " + c + " WHEN " + c + " IS NULL OR excluded."
                  + c + " > " + c + " THEN excluded." + c + " ELSE " + c + " END")
                .collect(Collectors.joining(", "));
    }

    private void createDeltaTable(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TEMP TABLE IF NOT EXISTS " + table + "_delta (sign INTEGER NOT NULL,"
                      + " target_id INTEGER NOT NULL, source_id INTEGER NOT NULL, "
                      + String.join(", ", columns.keySet()) + ")");
            s.execute("CREATE INDEX IF NOT EXISTS temp." + table + "_delta_pair ON " + table
                      + "_delta (target_id, source_id)");
        }
    }
}
