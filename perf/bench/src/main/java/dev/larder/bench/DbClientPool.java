package dev.larder.bench;

import dev.larder.store.ReadConnections;
import dev.larder.store.StoreConfig;
import io.helidon.dbclient.jdbc.JdbcConnectionPool;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A fixed set of read-only L2 connections, opened as the store's read pool opens them, lent to Helidon's DbClient
 * through its one-method {@link JdbcConnectionPool} SPI. This is what lets {@code helidon-dbclient-jdbc} 4.5.0 run
 * without {@code helidon-dbclient-hikari}: only {@code JdbcConnectionPool.create(Config)} looks for a provider, and
 * {@code JdbcClientBuilder.connectionPool(...)} takes any implementation. DbClient closes the connection it got once
 * a statement's rows are consumed; here that hands it back (rolled back if a transaction was left open).
 * Thread-safe.
 */
final class DbClientPool implements JdbcConnectionPool, AutoCloseable {

    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();

    /**
     * @param config the store's settings (file, pragmas)
     * @param size   connections to open
     */
    DbClientPool(StoreConfig config, int size) {
        idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            Connection connection = ReadConnections.open(config);
            all.add(connection);
            idle.add(connection);
        }
    }

    @Override
    public Connection connection() {
        Connection connection;
        try {
            connection = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a read connection", e);
        }
        boolean[] returned = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        if (!returned[0]) {
                            returned[0] = true;
                            if (!connection.getAutoCommit()) {
                                connection.rollback();
                            }
                            idle.add(connection);
                        }
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public void close() throws SQLException {
        for (Connection connection : all) {
            connection.close();
        }
    }
}
