package dev.larder.query;

import dev.larder.model.EntityType;

import java.util.Set;

/**
 * One sort of the whitelist of a type: the name a request gives ({@code date}, {@code rating}) and the SQL
 * expression it orders by. The expression is never NULL (missing values are coalesced to a value below every real
 * one, so they sort first ascending as SQLite sorts NULLs), which lets keyset cursors compare it as a row value
 * {@code (expr, id)}; the id breaks ties, so every order is total and stable across pages.
 *
 * @param name       the sort's name in requests
 * @param expression SQL over the scope's table, {@code {t}} for its alias
 * @param reads      the types besides the scope's own whose rows the expression depends on (a performer's scene
 *                   count depends on scenes), whose generations the pages it orders must carry
 */
record SortKey(String name, String expression, Set<EntityType> reads) {

    SortKey {
        reads = Set.copyOf(reads);
    }
}
