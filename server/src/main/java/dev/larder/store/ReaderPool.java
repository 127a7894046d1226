package dev.larder.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A fixed set of read-only connections. Each {@link #read} borrows one (waiting while all are busy) and runs the
 * work in one read transaction, so it sees one consistent snapshot; in WAL mode that never waits for the writer.
 * Thread-safe.
 */
final class ReaderPool implements AutoCloseable {

    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();
    private volatile boolean closed;

    ReaderPool(StoreConfig config) {
        idle = new ArrayBlockingQueue<>(config.readPoolSize());
        try {
            for (int i = 0; i < config.readPoolSize(); i++) {
                Connection connection = Connections.openReader(config);
                all.add(connection);
                connection.setAutoCommit(false);
                idle.add(connection);
            }
        } catch (SQLException | RuntimeException e) {
            closeAll();
            throw e instanceof StoreException se ? se
                    : new StoreException("cannot open L2 read connections: " + e.getMessage(), e);
        }
    }

    <T> T read(SqlWork<T> work) {
        if (closed) {
            throw new IllegalStateException("the L2 store is closed");
        }
        Connection connection;
        try {
            connection = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for an L2 read connection", e);
        }
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("L2 read failed: " + e.getMessage(), e);
        } finally {
            try {
                connection.rollback();
            } catch (SQLException e) {
                // the transaction was read-only: nothing to undo, and the connection stays usable
            }
            idle.add(connection);
        }
    }

    /** Waits up to {@code timeoutMillis} for borrowed connections to come back, then closes all. */
    void close(long timeoutMillis) {
        closed = true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        int returned = 0;
        while (returned < all.size() && System.nanoTime() < deadline) {
            try {
                if (idle.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS) != null) {
                    returned++;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        closeAll();
    }

    @Override
    public void close() {
        close(TimeUnit.SECONDS.toMillis(30));
    }

    private void closeAll() {
        for (Connection connection : all) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing: the file handle goes either way
            }
        }
    }
}
