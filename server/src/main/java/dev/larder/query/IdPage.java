package dev.larder.query;

import dev.larder.cache.Weighed;

/**
 * The ids of one page of a query in order, with each row's sort value (for the next cursor) and whether more rows
 * follow. Immutable once built; kept in L1's pages cache.
 *
 * @param ids        the ids
 * @param sortValues per id, its value of the order's expression (Long, Double or String)
 * @param more       whether rows follow the last one
 */
record IdPage(int[] ids, Object[] sortValues, boolean more) implements Weighed {

    @Override
    public int weightBytes() {
        int values = 0;
        for (Object value : sortValues) {
            values += value instanceof String s ? 40 + 2 * s.length() : 24;
        }
        return 64 + 4 * ids.length + 8 * sortValues.length + values;
    }
}
