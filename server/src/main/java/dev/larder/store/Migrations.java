package dev.larder.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Brings a database to the newest schema version this code knows, one {@link Migration} per transaction, and
 * refuses a database that is newer than that.
 */
final class Migrations {

    /** Every migration of L2, in order. Never edit one that has shipped: add the next. */
    static final List<Migration> ALL = List.of(
            new Migration(1, "entities, files, relations, hierarchy closures, full text",
                    resource("V001__entities.sql")),
            new Migration(2, "people queries: full text as Stash's q searches, tallies",
                    resource("V002__people_queries.sql")),
            new Migration(3, "removal-time indexes of soft-deleted entities", resource("V003__removed_index.sql")));

    private Migrations() {
    }

    /**
     * Applies the pending migrations.
     *
     * @param connection  a read-write connection in auto-commit mode
     * @param migrations  the known migrations, versions 1..n in order
     * @param description names the database in messages
     * @return the schema version afterwards
     * @throws StoreException when the database's version is newer than the newest known migration
     */
    static int migrate(Connection connection, List<Migration> migrations, String description) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
                      + " description TEXT NOT NULL, applied_at TEXT NOT NULL)");
        }
        int current = version(connection);
        int newest = migrations.isEmpty() ? 0 : migrations.getLast().version();
        if (current > newest) {
            throw new StoreException("L2 database " + description + " has schema version " + current
                                     + ", newer than " + newest + ", the newest this Larder knows;"
                                     + " run a newer Larder or point l2.path at another file");
        }
        for (Migration migration : migrations) {
            if (migration.version() <= current) {
                continue;
            }
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement();
                 PreparedStatement record = connection.prepareStatement(
                         "INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)")) {
                for (String statement : statements(migration.script())) {
                    s.execute(statement);
                }
                record.setInt(1, migration.version());
                record.setString(2, migration.description());
                record.setString(3, Instant.now().toString());
                record.executeUpdate();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw new StoreException("L2 migration " + migration.version() + " (" + migration.description()
                                         + ") failed on " + description + ": " + e.getMessage(), e);
            } finally {
                connection.setAutoCommit(true);
            }
        }
        return version(connection);
    }

    /** @return the highest applied version, 0 for a new database */
    static int version(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_migrations")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<String> statements(String script) {
        String withoutComments = script.lines().filter(l -> !l.stripLeading().startsWith("--"))
                .collect(Collectors.joining("\n"));
        return Arrays.stream(withoutComments.split(";\\s*(\\n|$)")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    private static String resource(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
