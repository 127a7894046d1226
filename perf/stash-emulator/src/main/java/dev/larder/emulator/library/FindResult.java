package dev.larder.emulator.library;

import java.util.List;

/**
 * One page of a list query.
 *
 * @param count the number of rows that match, over all pages
 * @param ids   the ids on this page, in the query's order
 */
public record FindResult(int count, List<Integer> ids) {
}
