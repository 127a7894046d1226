package dev.larder.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Read-only SQL run on one of the store's pooled connections, inside one read transaction (a consistent snapshot).
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface SqlWork<T> {

    /**
     * @param connection a read-only connection, valid only during the call; do not close it or keep statements
     *                   or result sets open after returning
     * @return the result
     * @throws SQLException on SQL errors (wrapped in {@link StoreException} by the store)
     */
    T run(Connection connection) throws SQLException;
}
