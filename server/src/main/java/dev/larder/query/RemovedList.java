package dev.larder.query;

import dev.larder.model.stats.RemovedPage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The entities of a type that Stash no longer has, as sync left them (soft-deleted, {@code deleted_at} set),
 * oldest removal first. Removal times are compared as fixed-width UTC text with milliseconds, the form of the
 * partial index {@code ix_<table>_removed} (the writer's own text varies in width with its fraction digits, which
 * would not order as text); ties are broken by id, so pages never overlap or skip. Thread-safe.
 */
final class RemovedList {

    /** The removal time as compared, ordered and answered: {@code 2026-03-01T10:15:30.123Z}. */
    private static final String REMOVED_AT = "strftime('%Y-%m-%dT%H:%M:%fZ', deleted_at)";
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final StatsCache cache;

    RemovedList(StatsCache cache) {
        this.cache = cache;
    }

    /**
     * @param spec  the type's spec
     * @param since the earliest removal to list (milliseconds count; finer parts are dropped)
     * @param after null for the first page from {@code since}; else the id of the last entity of the previous
     *              page, whose removal time {@code since} is: the page starts after it
     * @param limit the page's size
     * @return the page, and how many were removed at or after {@code since}
     */
    RemovedPage page(QuerySpec spec, Instant since, Integer after, int limit) {
        String from = MILLIS.format(since);
        String removed = "FROM " + spec.table() + " WHERE deleted_at IS NOT NULL AND ";
        String countSql = "SELECT count(*) " + removed + REMOVED_AT + " >= ?";
        List<Object> params = new ArrayList<>();
        params.add(from);
        String pageSql = "SELECT id, " + REMOVED_AT + " " + removed;
        if (after == null) {
            pageSql += REMOVED_AT + " >= ?";
        } else {
            pageSql += "(" + REMOVED_AT + ", id) > (?, ?)";
            params.add(after);
        }
        String sql = pageSql + " ORDER BY " + REMOVED_AT + ", id LIMIT ?";
        params.add(limit + 1);
        return cache.get(countSql + ";\n" + sql, params, Set.of(spec.type()), c -> {
            long count;
            try (PreparedStatement s = QueryEngine.prepare(c, countSql, List.of(from));
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                count = rs.getLong(1);
            }
            List<RemovedPage.Removed> page = new ArrayList<>();
            try (PreparedStatement s = QueryEngine.prepare(c, sql, params); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    page.add(new RemovedPage.Removed(rs.getInt(1), rs.getString(2)));
                }
            }
            boolean more = page.size() > limit;
            List<RemovedPage.Removed> kept = more ? page.subList(0, limit) : page;
            return new StatsCache.Entry<>(new RemovedPage(count, kept, more), 64 + 96 * kept.size());
        });
    }
}
