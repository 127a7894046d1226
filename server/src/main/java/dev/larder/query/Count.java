package dev.larder.query;

import dev.larder.cache.Weighed;

/**
 * How many entities a query matches, as kept in L1.
 *
 * @param value the count
 */
record Count(long value) implements Weighed {

    @Override
    public int weightBytes() {
        return 32;
    }
}
