package dev.larder.model.query;

import java.util.List;

/**
 * One page of a query's results.
 *
 * @param count      how many entities match the query in all (not only on this page)
 * @param items      this page's entities, in the query's order; empty when {@code per_page} was 0
 * @param nextCursor the cursor of the next page, or null when this page is the last (or {@code per_page} was 0);
 *                   valid for the same query only
 */
public record FindResult(long count, List<Item> items, String nextCursor) {

    /** Copies the list. */
    public FindResult {
        items = List.copyOf(items);
    }
}
