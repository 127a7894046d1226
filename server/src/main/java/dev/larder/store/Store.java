package dev.larder.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.larder.model.EntityType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Larder's L2 store: every Stash entity Larder keeps, in one SQLite file (WAL).
 *
 * <p><b>Writes</b> go through one writer thread with one connection: {@link #write} queues a {@link WriteBatch}, which
 * is applied in its own transaction (JDBC batches), in submission order; the future completes with the
 * {@link ChangeSet} after the commit, or exceptionally with a {@link StoreException} after a rollback (the writer
 * goes on with the next batch). Outside a bulk load each batch also updates the full-text indexes and the tag,
 * studio and group closures. {@link #beginBulkLoad()} / {@link #endBulkLoad()} bracket a first full sync: indexes,
 * full text and closures are built once at the end (a kill in between is finished by the next {@link #open}).
 *
 * <p><b>Reads</b> run on a pool of read-only connections ({@link StoreConfig#readPoolSize()}), never blocked by the
 * writer; each call sees one committed snapshot. Entities read are the live ones unless stated otherwise.
 *
 * <p>No secret reaches the file: media URLs are stored as paths without scheme, host or {@code apikey}.
 * Thread-safe; {@link #close()} drains queued writes first.
 */
public final class Store implements AutoCloseable {

    private final StoreConfig config;
    private final ExecutorService writerThread;
    private final BatchWriter writer;
    private final BulkLoad bulkLoad;
    private final ReaderPool readers;
    private final List<Consumer<ChangeSet>> commitListeners = new CopyOnWriteArrayList<>();

    private Store(StoreConfig config, BatchWriter writer, BulkLoad bulkLoad, ReaderPool readers) {
        this.config = config;
        this.writer = writer;
        this.bulkLoad = bulkLoad;
        this.readers = readers;
        this.writerThread = Executors.newSingleThreadExecutor(
                task -> Thread.ofPlatform().name("larder-l2-writer").daemon(true).unstarted(task));
    }

    /**
     * Opens (creating if needed) the database, migrates it to the newest schema, finishes a bulk load that a
     * previous process left unfinished, and starts the writer and the read pool.
     *
     * @param config the settings
     * @return the open store
     * @throws StoreException when the file cannot be opened, a migration fails, or its schema is newer than this
     *                        code knows
     */
    public static Store open(StoreConfig config) {
        return open(config, Migrations.ALL);
    }

    static Store open(StoreConfig config, List<Migration> migrations) {
        Objects.requireNonNull(config, "config");
        try {
            Path parent = config.path().toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the folder of l2.path " + config.path() + ": " + e, e);
        }
        Connection connection = Connections.openWriter(config);
        BatchWriter writer = null;
        try {
            Migrations.migrate(connection, migrations, config.path().toString());
            connection.setAutoCommit(false);
            BulkLoad bulkLoad = BulkLoad.read(connection);
            bulkLoad.finish(connection);
            writer = new BatchWriter(connection, config.writeBatchRows(), bulkLoad);
            return new Store(config, writer, bulkLoad, new ReaderPool(config));
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e instanceof StoreException se ? se
                    : new StoreException("cannot open L2 database " + config.path() + ": " + e.getMessage(), e);
        }
    }

    /** @return the settings the store was opened with */
    public StoreConfig config() {
        return config;
    }

    /**
     * Queues a batch for the writer.
     *
     * @param batch the changes
     * @return completes after the commit with what changed, or exceptionally with a {@link StoreException} after
     *         a rollback (SQL errors, or JSON that does not fit the fragment's shape, such as a non-numeric id);
     *         with an {@link IllegalStateException} at once when the store is closed
     */
    public CompletableFuture<ChangeSet> write(WriteBatch batch) {
        Objects.requireNonNull(batch, "batch");
        return onWriter(() -> committed(writer.apply(batch)), "write batch");
    }

    /**
     * Adds a listener for committed changes. It is called on the writer thread, after each commit that changed
     * anything and before the write's future completes, so whoever waited for a write sees what the listener did
     * (a cache that dropped its stale views); once with {@link ChangeSet#ofEverything()} after a bulk load,
     * whose rebuilt indexes, full text and closures change what every view reads. A listener must be quick and
     * must not throw; it must not write to the store.
     *
     * @param listener the listener
     */
    public void addCommitListener(Consumer<ChangeSet> listener) {
        commitListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private ChangeSet committed(ChangeSet changes) {
        if (!changes.isEmpty()) {
            commitListeners.forEach(listener -> listener.accept(changes));
        }
        return changes;
    }

    /**
     * Enters bulk-load mode (after the writes queued before it): secondary indexes are dropped, and full text and
     * closures are no longer kept up to date, until {@link #endBulkLoad()}. Meant for the first full sync into an
     * empty store; reads keep working but are slower and see no search or closure results for new rows.
     *
     * @return completes once the mode is on (at once if it already was)
     */
    public CompletableFuture<Void> beginBulkLoad() {
        return onWriter(() -> {
            bulkLoad.begin(writer.connection());
            return null;
        }, "begin bulk load");
    }

    /**
     * Leaves bulk-load mode: recreates the indexes, rebuilds full text and closures, each step committed so that a
     * kill midway is finished by the next {@link #open}.
     *
     * @return completes once done (at once when no bulk load was active)
     */
    public CompletableFuture<Void> endBulkLoad() {
        return onWriter(() -> {
            bulkLoad.finish(writer.connection());
            try (Statement s = writer.connection().createStatement()) {
                writer.connection().commit();
                writer.connection().setAutoCommit(true);
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                s.execute("PRAGMA optimize");
            } finally {
                writer.connection().setAutoCommit(false);
            }
            committed(ChangeSet.ofEverything());
            return null;
        }, "end bulk load");
    }

    /** @return whether a bulk load is in progress, once the writes queued before this call are done */
    public boolean bulkLoading() {
        return onWriter(bulkLoad::active, "read bulk-load state").join();
    }

    private <T> CompletableFuture<T> onWriter(Callable<T> work, String what) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return work.call();
                } catch (StoreException e) {
                    throw e;
                } catch (Exception e) {
                    throw new StoreException("L2 " + what + " failed: " + e.getMessage(), e);
                }
            }, writerThread);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new IllegalStateException("the L2 store is closed"));
        }
    }

    /**
     * @return the schema version {@link #open} brings a database to: the newest migration this code knows (a
     *         store synced under an older one may lack what later versions keep)
     */
    public static int newestSchemaVersion() {
        return Migrations.ALL.getLast().version();
    }

    /**
     * Opens a read-only connection to a store's file with the pragmas of the store's own read connections (page
     * cache, mmap, temp store, the {@code REGEXP} function), outside any open {@link Store}: for diagnostics that
     * run Larder's SQL themselves, such as the query benchmark. It never writes; the file must exist.
     *
     * @param config the store's settings (its path and pragmas)
     * @return the connection, in auto-commit mode; the caller closes it
     * @throws StoreException when the file cannot be opened
     */
    public static Connection openReadOnly(StoreConfig config) {
        if (!Files.isRegularFile(config.path())) {
            throw new StoreException("no L2 database at " + config.path());
        }
        return Connections.openReader(config);
    }

    /** @return the schema version of the database (the newest applied migration) */
    public int schemaVersion() {
        return readers.read(Migrations::version);
    }

    /**
     * Reads one entity, live or soft-deleted.
     *
     * @param type the type
     * @param id   the id
     * @return the entity as stored, or empty when the store has never held it
     */
    public Optional<StoredEntity> get(EntityType type, int id) {
        EntityTable table = Catalog.table(Objects.requireNonNull(type, "type"));
        return readers.read(c -> {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            String syncedAt;
            String deletedAt;
            try (PreparedStatement row = c.prepareStatement(table.selectSql())) {
                row.setInt(1, id);
                try (ResultSet rs = row.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    for (Shape shape : table.columns()) {
                        shape.rebuild(rs, json);
                    }
                    syncedAt = rs.getString("synced_at");
                    deletedAt = rs.getString("deleted_at");
                }
            }
            for (Relation relation : table.relations()) {
                try (PreparedStatement rows = c.prepareStatement(relation.selectSql())) {
                    rows.setInt(1, id);
                    try (ResultSet rs = rows.executeQuery()) {
                        relation.rebuild(rs, json);
                    }
                }
            }
            return Optional.of(new StoredEntity(type, id, json, syncedAt, deletedAt));
        });
    }

    /**
     * The {@code updated_at} text of a live entity, without reading the rest of it: what an incremental sync compares
     * to decide whether Stash's version is new.
     *
     * @param type the type
     * @param id   the id
     * @return Stash's {@code updated_at} text as stored; empty when the entity is absent or soft-deleted
     */
    public Optional<String> liveUpdatedAt(EntityType type, int id) {
        String sql = Catalog.table(type).liveUpdatedAtSql();
        return readers.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setInt(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /**
     * @param type the type
     * @return the number of live entities
     */
    public long count(EntityType type) {
        return queryLong(Catalog.table(type).countSql());
    }

    /**
     * @param type   the type
     * @param fromId first id, inclusive
     * @param toId   last id, inclusive
     * @return the number of live entities with ids in the range (0 when {@code fromId > toId})
     */
    public long countIdRange(EntityType type, int fromId, int toId) {
        return queryLong(Catalog.table(type).countRangeSql(), fromId, toId);
    }

    /**
     * @param type   the type
     * @param fromId first id, inclusive
     * @param toId   last id, inclusive
     * @return the ids of live entities in the range, ascending
     */
    public List<Integer> ids(EntityType type, int fromId, int toId) {
        String sql = Catalog.table(type).idsSql();
        return readers.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setInt(1, fromId);
                s.setInt(2, toId);
                List<Integer> ids = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getInt(1));
                    }
                }
                return ids;
            }
        });
    }

    /**
     * @param type the type
     * @return the highest id of a live entity, or empty when there is none
     */
    public OptionalInt maxId(EntityType type) {
        String sql = Catalog.table(type).maxIdSql();
        return readers.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                int max = rs.getInt(1);
                return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(max);
            }
        });
    }

    /**
     * A random secret of this database, made on first use and kept in the file, so that what Larder signs with it
     * (query cursors) stays valid across restarts and is worthless against another store. It protects integrity,
     * not secrecy of data, and never leaves the process.
     *
     * @param name what the secret is for
     * @return 32 random bytes, the same for every call with that name
     */
    public byte[] secret(String name) {
        String key = "secret." + Objects.requireNonNull(name, "name");
        String stored = readers.read(c -> metaValue(c, key));
        if (stored == null) {
            stored = onWriter(() -> {
                String present = metaValue(writer.connection(), key);
                if (present != null) {
                    return present;
                }
                byte[] bytes = new byte[32];
                new SecureRandom().nextBytes(bytes);
                String made = HexFormat.of().formatHex(bytes);
                try (PreparedStatement s = writer.connection().prepareStatement(
                        "INSERT INTO store_meta (key, value) VALUES (?, ?)")) {
                    s.setString(1, key);
                    s.setString(2, made);
                    s.executeUpdate();
                }
                writer.connection().commit();
                return made;
            }, "make a secret").join();
        }
        return HexFormat.of().parseHex(stored);
    }

    private static String metaValue(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT value FROM store_meta WHERE key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * @param key a sync-state key
     * @return the value last committed for it, or empty
     */
    public Optional<String> syncState(String key) {
        Objects.requireNonNull(key, "key");
        return readers.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT value FROM sync_state WHERE key = ?")) {
                s.setString(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /**
     * The entities that point at any of some entities (by a relation or a reference column), live or not: what
     * Stash re-points or clears without bumping their {@code updated_at} when those entities are merged away or
     * destroyed.
     *
     * @param type the referenced type
     * @param ids  the referenced ids
     * @return per owner type, the owners' ids; empty when nothing points at them
     */
    public Map<EntityType, Set<Integer>> referencing(EntityType type, Collection<Integer> ids) {
        String idsJson = ids.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
        return readers.read(c -> {
            Map<EntityType, Set<Integer>> owners = new EnumMap<>(EntityType.class);
            for (References.Reference ref : References.to(type)) {
                try (PreparedStatement s = c.prepareStatement(ref.ownersSql())) {
                    s.setString(1, idsJson);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            owners.computeIfAbsent(ref.owner(), t -> new TreeSet<>()).add(rs.getInt(1));
                        }
                    }
                }
            }
            return owners;
        });
    }

    /**
     * The counters of live scenes in an id range, in the JSON names of Stash's scene fragment
     * ({@code resume_time}, {@code play_duration}, {@code play_count}, {@code o_counter}, {@code last_played_at}),
     * for the sweep that compares them with Stash's.
     *
     * @param fromId first id, inclusive
     * @param toId   last id, inclusive
     * @return per scene id, its counters
     */
    public Map<Integer, ObjectNode> sceneCounters(int fromId, int toId) {
        return readers.read(c -> {
            Map<Integer, ObjectNode> counters = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(References.sceneCountersSql())) {
                s.setInt(1, fromId);
                s.setInt(2, toId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ObjectNode scene = JsonNodeFactory.instance.objectNode();
                        putNumber(scene, "resume_time", rs.getObject("resume_time"));
                        putNumber(scene, "play_duration", rs.getObject("play_duration"));
                        putNumber(scene, "play_count", rs.getObject("play_count"));
                        putNumber(scene, "o_counter", rs.getObject("o_counter"));
                        scene.put("last_played_at", rs.getString("last_played_at"));
                        counters.put(rs.getInt("id"), scene);
                    }
                }
            }
            return counters;
        });
    }

    private static void putNumber(ObjectNode node, String field, Object value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, ((Number) value).doubleValue());
        }
    }

    /** @return SQLite's {@code PRAGMA integrity_check}: {@code "ok"}, or the problems found, one per line */
    public String integrityCheck() {
        return readers.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                List<String> lines = new ArrayList<>();
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
                return String.join("\n", lines);
            }
        });
    }

    /**
     * Runs read-only SQL on a pooled connection, inside one read transaction; waits while all are busy.
     *
     * @param work the work; it must not keep the connection
     * @param <T>  its result
     * @return the work's result
     * @throws StoreException when the SQL fails (including any attempt to write)
     */
    public <T> T read(SqlWork<T> work) {
        return readers.read(Objects.requireNonNull(work, "work"));
    }

    private long queryLong(String sql, int... params) {
        return readers.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    s.setInt(i + 1, params[i]);
                }
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /**
     * Stops taking writes, waits for queued ones to finish, then closes every connection. Idempotent.
     */
    @Override
    public void close() {
        if (writerThread.isShutdown()) {
            return;
        }
        writerThread.shutdown();
        try {
            while (!writerThread.awaitTermination(1, TimeUnit.MINUTES)) {
                // a long bulk step is still running: keep draining, a half-written batch is not an option
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        readers.close();
        try {
            writer.close();
        } catch (SQLException e) {
            throw new StoreException("closing the L2 writer connection failed: " + e.getMessage(), e);
        }
    }
}
