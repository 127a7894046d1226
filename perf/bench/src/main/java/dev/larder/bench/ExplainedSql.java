package dev.larder.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL statements Larder's explain route listed for one request ({@code {"statements": [{"role", "sql",
 * "params"}]}}), to run again over JDBC: each is prepared, bound, executed and read row by row, every column
 * fetched, as Larder's read path does. Immutable.
 *
 * @param statements the statements in the order Larder runs them
 */
record ExplainedSql(List<Statement> statements) {

    /**
     * One statement.
     *
     * @param role   what it computes ({@code count}, {@code page}, {@code items}...)
     * @param sql    its text
     * @param params its parameters: Long, Double or String
     */
    record Statement(String role, String sql, List<Object> params) {
    }

    ExplainedSql {
        statements = List.copyOf(statements);
    }

    /**
     * @param explain the body of an explain answer
     * @return its statements
     * @throws IllegalArgumentException when the body is not an explain answer, or a parameter is not a number or
     *                                  a string
     */
    static ExplainedSql parse(JsonNode explain) {
        JsonNode list = explain.get("statements");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("an explain answer holds a \"statements\" array, got " + explain);
        }
        List<Statement> statements = new ArrayList<>();
        for (JsonNode s : list) {
            List<Object> params = new ArrayList<>();
            for (JsonNode p : s.get("params")) {
                if (p.isIntegralNumber()) {
                    params.add(p.longValue());
                } else if (p.isNumber()) {
                    params.add(p.doubleValue());
                } else if (p.isTextual()) {
                    params.add(p.textValue());
                } else {
                    throw new IllegalArgumentException("a parameter is a number or a string, got " + p);
                }
            }
            statements.add(new Statement(s.get("role").asText(), s.get("sql").asText(), params));
        }
        return new ExplainedSql(statements);
    }

    /**
     * Runs every statement once, in order.
     *
     * @param connection a read-only connection to the store
     * @return the rows read, over all statements
     * @throws SQLException when a statement fails
     */
    long run(Connection connection) throws SQLException {
        long rows = 0;
        for (Statement statement : statements) {
            try (PreparedStatement s = connection.prepareStatement(statement.sql())) {
                for (int i = 0; i < statement.params().size(); i++) {
                    s.setObject(i + 1, statement.params().get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int c = 1; c <= columns; c++) {
                            rs.getObject(c);
                        }
                        rows++;
                    }
                }
            }
        }
        return rows;
    }

    /** @return the statements' roles, e.g. {@code count, page, items, items.tags} */
    List<String> roles() {
        return statements.stream().map(Statement::role).toList();
    }
}
