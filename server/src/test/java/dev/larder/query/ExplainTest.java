package dev.larder.query;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import dev.larder.EntityQueries;
import dev.larder.Larder;
import dev.larder.model.query.FindFilter;
import dev.larder.model.query.FindResult;
import dev.larder.model.query.InputObject;
import dev.larder.model.query.Item;
import dev.larder.model.query.SortDirection;
import dev.larder.store.Store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What explain lists is what find runs: the statements, run on a connection of their own, give find's answer. */
class ExplainTest {

    private final Larder larder = QueryLibrary.larder();
    private final EntityQueries scenes = larder.scenes();
    private final InputObject filter = scenes.filter("{\"tags\":{\"value\":[\"3\"],\"modifier\":\"INCLUDES\"}}");

    @Test
    void theStatementsGiveFindsCountPageAndItems() throws SQLException {
        FindFilter find = new FindFilter(null, 2, 5, "date", SortDirection.DESC);
        FindResult found = scenes.find(find, filter, null, false);
        List<SqlStatement> statements = scenes.explain(find, filter, null);

        assertThat(statements.stream().map(SqlStatement::role).toList(), contains("count", "page", "items",
                "items.studio", "items.performers", "items.tags", "items.groups", "items.galleries"));
        try (Connection c = Store.openReadOnly(larder.config().store())) {
            assertThat(rows(c, statements.get(0)).getFirst().getFirst(), is(found.count()));
            List<Long> pageIds = rows(c, statements.get(1)).stream().map(row -> (Long) row.getFirst()).toList();
            List<Long> itemIds = found.items().stream().map(item -> (long) item.id()).toList();
            // the page statement reads one row more, to tell whether another page follows
            assertThat(pageIds, hasSize(itemIds.size() + 1));
            assertThat(pageIds.subList(0, itemIds.size()), is(itemIds));
            assertThat(rows(c, statements.get(2)).stream().map(row -> (Long) row.getFirst()).sorted().toList(),
                    is(itemIds.stream().sorted().toList()));
        }
    }

    @Test
    void aCursorGoesIntoThePageStatementAndACountOnlyRequestHasNoPage() throws SQLException {
        FindFilter find = new FindFilter(null, null, 4, "rating", SortDirection.DESC);
        FindResult first = scenes.find(find, filter, null, false);
        FindResult second = scenes.find(find, filter, first.nextCursor(), false);
        SqlStatement page = scenes.explain(find, filter, first.nextCursor()).get(1);

        try (Connection c = Store.openReadOnly(larder.config().store())) {
            assertThat(rows(c, page).stream().limit(second.items().size()).map(row -> (Long) row.getFirst())
                    .toList(), is(second.items().stream().map(Item::id).map(Integer::longValue).toList()));
        }
        assertThat(scenes.explain(new FindFilter(null, null, 0, null, null), filter, null).stream()
                .map(SqlStatement::role).toList(), contains("count"));
    }

    private static List<List<Object>> rows(Connection c, SqlStatement statement) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (PreparedStatement s = QueryEngine.prepare(c, statement.sql(), statement.params());
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    row.add(value instanceof Integer n ? (Object) n.longValue() : value);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
