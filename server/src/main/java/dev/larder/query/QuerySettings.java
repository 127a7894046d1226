package dev.larder.query;

/**
 * Settings of the query engine, validated on construction; messages name the configuration key.
 *
 * @param maxPerPage the largest {@code per_page} a request may ask for ({@code query.max-per-page}), 1..10,000,
 *                   default 1,000; -1 (Stash's "all") and more than this are refused with a 400 naming it
 */
public record QuerySettings(int maxPerPage) {

    /** Defaults. */
    public static final QuerySettings DEFAULTS = new QuerySettings(1000);

    /** Checks the settings. */
    public QuerySettings {
        if (maxPerPage < 1 || maxPerPage > 10_000) {
            throw new IllegalArgumentException("query.max-per-page must be 1..10000, got " + maxPerPage);
        }
    }
}
