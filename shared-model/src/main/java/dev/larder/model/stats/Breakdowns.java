package dev.larder.model.stats;

import java.util.List;

/**
 * Facets or top lists of one filtered set.
 *
 * @param count      how many entities the set holds
 * @param breakdowns one per facet and order asked for, in the order asked
 */
public record Breakdowns(long count, List<Breakdown> breakdowns) {

    /** Copies the list. */
    public Breakdowns {
        breakdowns = List.copyOf(breakdowns);
    }
}
