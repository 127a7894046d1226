package dev.larder.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.larder.model.EntityType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * Applies {@link WriteBatch}es on the store's one read-write connection, each in one transaction, with JDBC
 * batches. Outside a bulk load it keeps the full-text indexes, hierarchy closures and tallies up to date in the
 * same transaction. Confined to the writer thread.
 */
final class BatchWriter implements AutoCloseable {

    /** The types whose writes change some tally. */
    private static final Set<EntityType> TALLY_SOURCES = Catalog.TALLIES.stream().flatMap(t -> t.sources().stream())
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(EntityType.class)));

    private final Connection connection;
    private final int batchRows;
    private final BulkLoad bulkLoad;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    BatchWriter(Connection connection, int batchRows, BulkLoad bulkLoad) throws SQLException {
        this.connection = connection;
        this.batchRows = batchRows;
        this.bulkLoad = bulkLoad;
        connection.setAutoCommit(false);
    }

    /** Per type, the ids touched so far in the batch being applied. */
    private static final class Touched {
        final Map<EntityType, SortedSet<Integer>> upserted = new EnumMap<>(EntityType.class);
        final Map<EntityType, SortedSet<Integer>> deleted = new EnumMap<>(EntityType.class);

        SortedSet<Integer> upserted(EntityType type) {
            return upserted.computeIfAbsent(type, t -> new TreeSet<>());
        }

        SortedSet<Integer> deleted(EntityType type) {
            return deleted.computeIfAbsent(type, t -> new TreeSet<>());
        }

        Set<Integer> all(EntityType type) {
            Set<Integer> ids = new HashSet<>(upserted.getOrDefault(type, new TreeSet<>()));
            ids.addAll(deleted.getOrDefault(type, new TreeSet<>()));
            return ids;
        }
    }

    /**
     * Applies the batch in one transaction; on failure rolls back and rethrows.
     *
     * @return what changed
     */
    ChangeSet apply(WriteBatch batch) throws SQLException {
        String now = Instant.now().toString();
        Map<EntityType, List<WriteBatch.Upsert>> upserts = new EnumMap<>(EntityType.class);
        Map<EntityType, List<Integer>> deletes = new EnumMap<>(EntityType.class);
        Map<EntityType, List<Integer>> restores = new EnumMap<>(EntityType.class);
        for (WriteBatch.Change change : batch.changes()) {
            switch (change) {
                case WriteBatch.Upsert u -> upserts.computeIfAbsent(u.type(), t -> new ArrayList<>()).add(u);
                case WriteBatch.Delete d -> deletes.computeIfAbsent(d.type(), t -> new ArrayList<>()).add(d.id());
                case WriteBatch.Restore r -> restores.computeIfAbsent(r.type(), t -> new ArrayList<>()).add(r.id());
            }
        }
        Touched touched = new Touched();
        try {
            Map<EntityType, Set<Integer>> tallySources = bulkLoad.active() ? Map.of()
                    : tallySources(upserts, deletes, restores);
            for (Tallies tallies : Catalog.TALLIES) {
                tallies.capture(connection, tallySources, -1);
            }
            for (var entry : upserts.entrySet()) {
                upsert(Catalog.table(entry.getKey()), entry.getValue(), now, touched);
            }
            for (var entry : restores.entrySet()) {
                EntityTable table = Catalog.table(entry.getKey());
                touched.upserted(entry.getKey()).addAll(returningIds(table.restoreSql(), now, entry.getValue()));
            }
            for (var entry : deletes.entrySet()) {
                softDelete(entry.getKey(), entry.getValue(), now, touched);
            }
            putSyncState(batch.syncState(), now);
            if (!bulkLoad.active()) {
                refreshDerived(touched, tallySources);
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
        return ChangeSet.of(touched.upserted, touched.deleted, batch.syncState().keySet());
    }

    private void upsert(EntityTable table, List<WriteBatch.Upsert> upserts, String now, Touched touched)
            throws SQLException {
        PreparedStatement row = prepare(table.upsertSql());
        List<Object> values = new ArrayList<>();
        List<Integer> ids = new ArrayList<>(upserts.size());
        int pending = 0;
        for (WriteBatch.Upsert upsert : upserts) {
            values.clear();
            table.columns().forEach(shape -> shape.extract(upsert.json(), values));
            values.add(now);
            Sql.bind(row, values);
            row.addBatch();
            ids.add(upsert.id());
            pending = flushIfFull(row, pending + 1);
        }
        row.executeBatch();
        touched.upserted(table.type()).addAll(ids);
        String idArray = Sql.idArray(ids);
        for (Relation relation : table.relations()) {
            Set<Integer> liveBefore = relation.ownsEntities()
                    ? new HashSet<>(queryIds(relation.liveOwnedSql(), idArray)) : Set.of();
            PreparedStatement clear = prepare(relation.clearSql());
            int p = 1;
            if (relation.ownsEntities()) {
                clear.setString(p++, now);
            }
            clear.setString(p, idArray);
            clear.executeUpdate();
            PreparedStatement insert = prepare(relation.insertSql());
            Set<Integer> owned = new HashSet<>();
            pending = 0;
            for (WriteBatch.Upsert upsert : upserts) {
                ObjectNode json = upsert.json();
                List<Integer> itemIds = relation.addInserts(insert, upsert.id(), json, now);
                owned.addAll(itemIds);
                pending = flushIfFull(insert, pending + Math.max(1, itemIds.size()));
            }
            insert.executeBatch();
            if (relation.ownsEntities()) {
                touched.upserted(relation.owned()).addAll(owned);
                liveBefore.removeAll(owned);
                touched.deleted(relation.owned()).addAll(liveBefore);
            }
        }
    }

    private void softDelete(EntityType type, List<Integer> ids, String now, Touched touched) throws SQLException {
        List<Integer> deleted = returningIds(Catalog.table(type).softDeleteSql(), now, ids);
        touched.deleted(type).addAll(deleted);
        for (Catalog.Cascade cascade : Catalog.CASCADES) {
            if (cascade.parent() == type && !deleted.isEmpty()) {
                String sql = Catalog.table(cascade.child()).softDeleteByColumnSql(cascade.column());
                touched.deleted(cascade.child()).addAll(returningIds(sql, now, deleted));
            }
        }
    }

    private void putSyncState(Map<String, String> syncState, String now) throws SQLException {
        if (syncState.isEmpty()) {
            return;
        }
        PreparedStatement put = prepare("INSERT INTO sync_state (key, value, written_at) VALUES (?, ?, ?)"
                                        + " ON CONFLICT (key) DO UPDATE SET value = excluded.value,"
                                        + " written_at = excluded.written_at");
        for (var entry : syncState.entrySet()) {
            put.setString(1, entry.getKey());
            put.setString(2, entry.getValue());
            put.setString(3, now);
            put.addBatch();
        }
        put.executeBatch();
    }

    private void refreshDerived(Touched touched, Map<EntityType, Set<Integer>> tallySources) throws SQLException {
        for (FullText fullText : Catalog.FULL_TEXT) {
            fullText.refresh(connection, touched.all(fullText.type()));
        }
        for (Hierarchy hierarchy : Catalog.HIERARCHIES) {
            hierarchy.refresh(connection, touched.all(hierarchy.type()));
        }
        for (Tallies tallies : Catalog.TALLIES) {
            tallies.capture(connection, tallySources, 1);
            tallies.apply(connection);
        }
    }

    /**
     * @return per tally source type, the ids whose contributions the batch may change: those it writes, and those
     *         that go with them (a deleted scene's markers); taken before the batch is written
     */
    private Map<EntityType, Set<Integer>> tallySources(Map<EntityType, List<WriteBatch.Upsert>> upserts,
                                                       Map<EntityType, List<Integer>> deletes,
                                                       Map<EntityType, List<Integer>> restores) throws SQLException {
        Map<EntityType, Set<Integer>> sources = new EnumMap<>(EntityType.class);
        for (EntityType type : TALLY_SOURCES) {
            Set<Integer> ids = new HashSet<>(deletes.getOrDefault(type, List.of()));
            ids.addAll(restores.getOrDefault(type, List.of()));
            upserts.getOrDefault(type, List.of()).forEach(u -> ids.add(u.id()));
            sources.put(type, ids);
        }
        for (Catalog.Cascade cascade : Catalog.CASCADES) {
            List<Integer> parents = deletes.get(cascade.parent());
            if (parents != null && TALLY_SOURCES.contains(cascade.child())) {
                sources.get(cascade.child()).addAll(queryIds(Catalog.table(cascade.child())
                        .liveIdsByColumnSql(cascade.column()), Sql.idArray(parents)));
            }
        }
        return sources;
    }

    /** Runs an UPDATE ... RETURNING id whose parameters are a timestamp and a JSON array of ids. */
    private List<Integer> returningIds(String sql, String now, List<Integer> ids) throws SQLException {
        PreparedStatement statement = prepare(sql);
        statement.setString(1, now);
        statement.setString(2, Sql.idArray(ids));
        List<Integer> result = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                result.add(rs.getInt(1));
            }
        }
        return result;
    }

    private List<Integer> queryIds(String sql, String idArray) throws SQLException {
        PreparedStatement statement = prepare(sql);
        statement.setString(1, idArray);
        List<Integer> result = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                result.add(rs.getInt(1));
            }
        }
        return result;
    }

    private int flushIfFull(PreparedStatement statement, int pending) throws SQLException {
        if (pending < batchRows) {
            return pending;
        }
        statement.executeBatch();
        return 0;
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    /** @return the connection, for work that must run on the writer thread between batches */
    Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : statements.values()) {
            statement.close();
        }
        statements.clear();
        connection.close();
    }
}
