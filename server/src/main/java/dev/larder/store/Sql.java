package dev.larder.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Small JDBC helpers shared by the store's table families. */
final class Sql {

    private Sql() {
    }

    /** Binds values to parameters 1..n; nulls as SQL NULL. */
    static void bind(PreparedStatement statement, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(i + 1, values.get(i));
        }
    }

    /**
     * @param ids ids
     * @return a JSON array text of the ids, bound as one parameter and opened with {@code json_each(?)}
     */
    static String idArray(Collection<Integer> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }
}
