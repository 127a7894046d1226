package dev.larder.query;

import dev.larder.model.EntityType;
import dev.larder.model.stats.DateDistribution;
import dev.larder.model.stats.DateInterval;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Date distributions of filtered sets: per year or month of a date field, how many entities fall in it. A period is
 * the date's text prefix, so dates count where Stash wrote them (timestamps in the Stash server's local time);
 * a value that does not start like an ISO-8601 date counts as undated.
 */
final class DateDistributions {

    private final StatsCache cache;

    DateDistributions(StatsCache cache) {
        this.cache = cache;
    }

    /**
     * @param interval the period
     * @param date     SQL of ISO-8601 text or NULL
     * @return SQL of the period's text ({@code 2019}, {@code 2019-03}), NULL when the date is missing or malformed
     */
    static String period(DateInterval interval, String date) {
        return switch (interval) {
            case YEAR -> "CASE WHEN " + date + " GLOB '[0-9][0-9][0-9][0-9]*' THEN substr(" + date + ", 1, 4) END";
            case MONTH -> "CASE WHEN " + date + " GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' THEN substr(" + date
                    + ", 1, 7) END";
        };
    }

    /**
     * @param compiled the set
     * @param field    a date field of the set's type
     * @param interval the period
     * @return the distribution
     */
    DateDistribution of(QueryEngine.Compiled compiled, String field, DateInterval interval) {
        QuerySpec spec = compiled.spec();
        Where where = compiled.where(false);
        String date = Scope.root(spec).sql(spec.dateFields().get(field));
        String sql = "SELECT p, count(*) FROM (SELECT " + period(interval, date) + " AS p FROM " + spec.table()
                + " t WHERE " + where.sql() + ") GROUP BY p ORDER BY p";
        Set<EntityType> reads = compiled.reads();
        return cache.get(sql, where.params(), reads, c -> {
            List<DateDistribution.Bucket> buckets = new ArrayList<>();
            long undated = 0;
            long count = 0;
            int weight = 96;
            try (PreparedStatement s = QueryEngine.prepare(c, sql, where.params()); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String period = rs.getString(1);
                    long n = rs.getLong(2);
                    count += n;
                    if (period == null) {
                        undated = n;
                    } else {
                        buckets.add(new DateDistribution.Bucket(period, n));
                        weight += 40 + StatsCache.weigh(period);
                    }
                }
            }
            return new StatsCache.Entry<>(new DateDistribution(count, field, interval, undated, buckets), weight);
        });
    }
}
