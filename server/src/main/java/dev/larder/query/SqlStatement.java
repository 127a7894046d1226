package dev.larder.query;

import java.util.List;
import java.util.Objects;

/**
 * One SQL statement the query engine runs on L2, with the parameters it binds: what {@link QueryEngine#explain}
 * answers, so that a statement can be run again elsewhere (the query benchmark runs it over its own JDBC connection
 * to tell Larder's overhead from SQLite's work). Immutable.
 *
 * @param role   what the statement computes: {@code count}, {@code page}, {@code items} (the page's rows) or
 *               {@code items.<name>} (one related list of the page's items, such as {@code items.tags})
 * @param sql    the statement, its parameters written {@code ?}
 * @param params the values bound to them in order: Integer, Long, Double or String, never null
 */
public record SqlStatement(String role, String sql, List<Object> params) {

    /** Checks and copies. */
    public SqlStatement {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(sql, "sql");
        params = List.copyOf(params);
    }
}
