package dev.larder.query;

import dev.larder.model.stats.Totals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The totals of a set in one statement: how many rows a predicate over a table's {@code t} matches and the sum of
 * each measure over them (0 for an empty set).
 *
 * @param table    the entity table
 * @param measures what to sum
 * @param where    the set: live rows and the filter
 */
record SetTotals(String table, List<Measure> measures, Where where) {

    /** @return the statement; its parameters are {@code where}'s */
    String sql() {
        StringBuilder sql = new StringBuilder("SELECT count(*)");
        for (Measure measure : measures) {
            sql.append(", coalesce(sum(").append(measure.expression().replace("{t}", "t")).append("), 0)");
        }
        return sql.append(" FROM ").append(table).append(" t WHERE ").append(where.sql()).toString();
    }

    /**
     * @param c a read connection
     * @return the totals
     */
    Totals read(Connection c) throws SQLException {
        try (PreparedStatement s = QueryEngine.prepare(c, sql(), where.params()); ResultSet rs = s.executeQuery()) {
            rs.next();
            Map<String, Number> sums = new LinkedHashMap<>();
            for (int i = 0; i < measures.size(); i++) {
                Measure measure = measures.get(i);
                sums.put(measure.name(), measure.real() ? (Number) rs.getDouble(2 + i) : (Number) rs.getLong(2 + i));
            }
            return new Totals(rs.getLong(1), sums);
        }
    }

    /** @return an estimate of the heap bytes the totals hold */
    int weight() {
        return 96 + measures.size() * 64;
    }
}
