package dev.larder.query;

/**
 * Reads of one of L2's tallies tables (per performer, studio, tag or group: counts and sums over the live entities
 * that point at it, which the store's writer keeps up to date): SQL over {@code {t}} that is never NULL, since an
 * entity nothing points at has no row. A criterion or sort reading a tally must also declare the types it counts.
 *
 * @param table    the tallies table ({@code performer_tallies})
 * @param idColumn its key column, the entity's id
 */
record Tally(String table, String idColumn) {

    /** @return a count or sum column, 0 without a row */
    String sum(String column) {
        return "coalesce(" + read(column) + ", 0)";
    }

    /** @return a latest-value column (text), the empty string without one */
    String latest(String column) {
        return "coalesce(" + read(column) + ", '')";
    }

    private String read(String column) {
        return "(SELECT x." + column + " FROM " + table + " x WHERE x." + idColumn + " = {t}.id)";
    }
}
