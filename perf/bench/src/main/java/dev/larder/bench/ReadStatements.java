package dev.larder.bench;

import dev.larder.model.query.FindFilter;
import dev.larder.model.query.InputObject;
import dev.larder.model.query.SortDirection;
import dev.larder.store.Store;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The read side's three typical statements for one browse request, as the query engine builds them for
 * {@link #filter()} and {@link #find()} (scenes tagged with a tag or its descendants, rated above 40, newest date
 * first, 40 a page): the page of ids ({@code QueryEngine.page}), the count ({@code QueryEngine.count}) and the
 * rendering of the page's items ({@code ItemRenderer.rows} and one statement per related list). The SQL is copied
 * from what the engine compiled, as fixed text; {@code clients} checks before measuring that it answers what the
 * engine answers. Each statement runs two ways: plain JDBC on the store's read pool, as the engine runs it, and
 * Helidon's DbClient. Every run returns a hash of all it read, so that the two ways can be compared.
 */
final class ReadStatements {

    static final int PER_PAGE = 40;
    static final int MIN_RATING = 40;

    private static final String ITEM_COLUMNS = "t.id, t.title, t.code, t.date, t.rating100, t.organized, t.o_counter,"
            + " t.play_count, t.play_duration, t.resume_time, t.last_played_at, t.interactive, t.created_at,"
            + " t.updated_at, pf.path, pf.size, pf.duration, pf.width, pf.height, pf.frame_rate, pf.bit_rate,"
            + " pf.video_codec, pf.audio_codec, t.path_screenshot, t.path_preview, t.path_webp, t.path_stream,"
            + " t.path_vtt, t.path_sprite, t.path_funscript, t.path_caption, t.path_interactive_heatmap";
    static final String ROWS = "SELECT " + ITEM_COLUMNS + " FROM scenes t LEFT JOIN scene_files pf"
            + " ON pf.scene_id = t.id AND pf.position = 0 WHERE t.deleted_at IS NULL"
            + " AND t.id IN (SELECT value FROM json_each(?))";
    static final List<String> RELATED = List.of(
            "SELECT w.id, o.id, o.name FROM scenes w JOIN studios o ON o.id = w.studio_id AND o.deleted_at IS NULL"
                    + " WHERE w.id IN (SELECT value FROM json_each(?))",
            related("scene_performers", "performer_id", "performers", "name"),
            related("scene_tags", "tag_id", "tags", "name"),
            related("scene_groups", "group_id", "groups", "name"),
            related("scene_galleries", "gallery_id", "galleries", "title"));

    private final int tag;
    private final String page;
    private final String count;

    /** @param tag the tag whose scenes (with its descendants') the filter asks for */
    ReadStatements(int tag) {
        this.tag = tag;
        String where = "t.deleted_at IS NULL AND (EXISTS (SELECT 1 FROM scene_tags j1 WHERE j1.scene_id = t.id"
                + " AND j1.tag_id IN (SELECT descendant_id FROM tag_closure WHERE ancestor_id IN (" + tag + "))))"
                + " AND (t.rating100 > ?)";
        this.page = "SELECT t.id, coalesce(t.date, '') FROM scenes t WHERE " + where
                + " ORDER BY coalesce(t.date, '') DESC, t.id DESC LIMIT ? OFFSET ?";
        this.count = "SELECT count(*) FROM scenes t WHERE " + where;
    }

    private static String related(String joinTable, String otherColumn, String otherTable, String nameColumn) {
        return "SELECT j.scene_id, o.id, o." + nameColumn + " FROM " + joinTable + " j JOIN " + otherTable
                + " o ON o.id = j." + otherColumn + " AND o.deleted_at IS NULL WHERE j.scene_id IN"
                + " (SELECT value FROM json_each(?)) ORDER BY j.scene_id, j.position";
    }

    /** @return the engine's scene filter these statements were compiled from */
    InputObject filter() {
        return InputObject.builder("SceneFilterType")
                .put("tags", Map.of("value", List.of(String.valueOf(tag)), "modifier", "INCLUDES", "depth", -1))
                .put("rating100", Map.of("value", MIN_RATING, "modifier", "GREATER_THAN"))
                .build();
    }

    /** @return the engine's find filter these statements were compiled from: page 1 of 40, date descending */
    FindFilter find() {
        return new FindFilter(null, 1, PER_PAGE, "date", SortDirection.DESC);
    }

    /** @return the ids of the first page, in order, read with plain JDBC */
    int[] pageIds(Store store) {
        return store.read(c -> {
            try (PreparedStatement s = prepare(c, page, MIN_RATING, PER_PAGE + 1, 0); ResultSet rs = s.executeQuery()) {
                IntStream.Builder ids = IntStream.builder();
                for (int n = 0; rs.next() && n < PER_PAGE; n++) {
                    ids.add(rs.getInt(1));
                }
                return ids.build().toArray();
            }
        });
    }

    /** @return the JSON array of ids that the rendering statements take */
    static String idArray(int[] ids) {
        return IntStream.of(ids).mapToObj(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }

    /** The page of ids and sort values (one more than a page, which tells whether more follow), plain JDBC. */
    long pageJdbc(Store store) {
        return store.read(c -> {
            try (PreparedStatement s = prepare(c, page, MIN_RATING, PER_PAGE + 1, 0); ResultSet rs = s.executeQuery()) {
                return hashRows(rs, 2);
            }
        });
    }

    /** The same page through DbClient. */
    long pageDbClient(DbClient db) {
        try (Stream<DbRow> rows = db.execute().query(page, MIN_RATING, PER_PAGE + 1, 0)) {
            return hashRows(rows, 2);
        }
    }

    /** The count, plain JDBC. */
    long countJdbc(Store store) {
        return store.read(c -> {
            try (PreparedStatement s = prepare(c, count, MIN_RATING); ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The count through DbClient. */
    long countDbClient(DbClient db) {
        return db.execute().get(count, MIN_RATING).orElseThrow().column(1).get(Number.class).longValue();
    }

    /** The items' rows and their related lists in one read transaction, as {@code ItemRenderer} reads them. */
    long renderJdbc(Store store, String ids) {
        return store.read(c -> {
            long h;
            try (PreparedStatement s = prepare(c, ROWS, ids); ResultSet rs = s.executeQuery()) {
                h = hashRows(rs, 32);
            }
            for (String sql : RELATED) {
                try (PreparedStatement s = prepare(c, sql, ids); ResultSet rs = s.executeQuery()) {
                    h = 31 * h + hashRows(rs, 3);
                }
            }
            return h;
        });
    }

    /** The same reads through DbClient, in one DbClient transaction so that they see one snapshot too. */
    long renderDbClient(DbClient db, String ids) {
        DbTransaction tx = db.transaction();
        try {
            long h;
            try (Stream<DbRow> rows = tx.query(ROWS, ids)) {
                h = hashRows(rows, 32);
            }
            for (String sql : RELATED) {
                try (Stream<DbRow> rows = tx.query(sql, ids)) {
                    h = 31 * h + hashRows(rows, 3);
                }
            }
            return h;
        } finally {
            tx.rollback();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
        return s;
    }

    private static long hashRows(ResultSet rs, int columns) throws SQLException {
        long h = 0;
        while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
                h = 31 * h + Objects.hashCode(rs.getObject(i));
            }
        }
        return h;
    }

    private static long hashRows(Stream<DbRow> rows, int columns) {
        long[] h = {0};
        rows.forEach(row -> {
            for (int i = 1; i <= columns; i++) {
                // nullable columns: get() would throw on SQL NULL
                h[0] = 31 * h[0] + Objects.hashCode(row.column(i).asOptional().orElse(null));
            }
        });
        return h[0];
    }
}
