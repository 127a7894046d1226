package dev.larder.store;

import dev.larder.model.EntityType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/** The tables agree with the catalogue, and every relation table is indexed on both of its sides. */
class SchemaTest {

    @TempDir
    static Path dir;
    static Store store;

    @BeforeAll
    static void open() {
        store = Store.open(StoreConfig.defaults(dir.resolve("l2.db")));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static List<Relation> relations() {
        return Catalog.tables().stream().flatMap(t -> t.relations().stream()).toList();
    }

    /** @return the first column of every index of the table, the primary key's included */
    private static Set<String> leadingIndexColumns(Connection c, String table) throws SQLException {
        Set<String> leading = new HashSet<>();
        List<String> indexes = new ArrayList<>();
        try (var s = c.createStatement(); var rs = s.executeQuery("PRAGMA index_list(" + table + ")")) {
            while (rs.next()) {
                indexes.add(rs.getString("name"));
            }
        }
        for (String index : indexes) {
            try (var s = c.createStatement(); var rs = s.executeQuery("PRAGMA index_info(" + index + ")")) {
                if (rs.next()) {
                    leading.add(rs.getString("name"));
                }
            }
        }
        return leading;
    }

    @ParameterizedTest
    @MethodSource("relations")
    void relationTablesAreIndexedOnBothSides(Relation relation) {
        String otherSide = relation.item().getFirst().leaves().getFirst().column();
        Set<String> leading = store.read(c -> leadingIndexColumns(c, relation.table()));
        assertThat(relation.table(), leading, hasItems(relation.ownerColumn(), otherSide));
    }

    @Test
    void closureTablesAreIndexedOnBothSides() {
        for (Hierarchy hierarchy : Catalog.HIERARCHIES) {
            assertThat(store.read(c -> leadingIndexColumns(c, hierarchy.closureTable())),
                    hasItems("ancestor_id", "descendant_id"));
        }
    }

    @Test
    void everyEntityTableHasEveryMappedColumnAndSoftDeleteColumns() {
        for (EntityType type : EntityType.values()) {
            EntityTable table = Catalog.table(type);
            Set<String> columns = store.read(c -> {
                Set<String> names = new HashSet<>();
                try (var s = c.createStatement(); var rs = s.executeQuery("PRAGMA table_info(" + table.table() + ")")) {
                    while (rs.next()) {
                        names.add(rs.getString("name"));
                    }
                }
                return names;
            });
            table.columns().stream().flatMap(s -> s.leaves().stream())
                    .forEach(leaf -> assertThat(table.table(), columns, hasItem(leaf.column())));
            assertThat(columns, hasItems("synced_at", "deleted_at"));
        }
        assertThat(Arrays.stream(EntityType.values()).map(Catalog::table).toList().size(),
                org.hamcrest.Matchers.equalTo(EntityType.values().length));
    }
}
