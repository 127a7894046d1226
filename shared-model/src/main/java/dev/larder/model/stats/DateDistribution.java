package dev.larder.model.stats;

import java.util.List;

/**
 * How a filtered set spreads over time: per period of one of its date fields, how many entities fall in it.
 * Periods are read from the date as Stash wrote it ({@code created_at} in the Stash server's local time).
 *
 * @param count    how many entities the set holds
 * @param field    the date field counted by ({@code date}, {@code created_at})
 * @param interval the period
 * @param undated  how many of them have no value in that field
 * @param buckets  the periods with any entity, oldest first
 */
public record DateDistribution(long count, String field, DateInterval interval, long undated, List<Bucket> buckets) {

    /** Copies the list. */
    public DateDistribution {
        buckets = List.copyOf(buckets);
    }

    /**
     * @param period the period ({@code 2019}, {@code 2019-03})
     * @param count  how many entities fall in it
     */
    public record Bucket(String period, long count) {
    }
}
