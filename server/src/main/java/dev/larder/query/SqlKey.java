package dev.larder.query;

import java.util.List;

/**
 * The L1 key of a view computed by one SQL statement: the statement, its parameters, and the generation stamp of
 * the types it reads. Two requests that compile to the same SQL share the entry however their filters were
 * written; a write to a type the statement reads moves the stamp and so makes the entry unreachable.
 *
 * @param sql    the statement
 * @param params its parameters
 * @param stamp  the generation stamp, taken before the statement runs
 */
record SqlKey(String sql, List<Object> params, long stamp) {
}
