package dev.larder.model.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The totals of a filtered set: its size and, per measure of its type, the sum over its entities (for scenes
 * {@code size}, {@code duration}, {@code o_counter}, {@code play_count}, {@code play_duration}, {@code played}).
 *
 * @param count how many entities the set holds
 * @param sums  per measure, in the type's order, the sum: a {@link Long} for whole numbers, a {@link Double}
 *              otherwise
 */
public record Totals(long count, Map<String, Number> sums) {

    /** Copies the map, keeping its order. */
    public Totals {
        sums = Collections.unmodifiableMap(new LinkedHashMap<>(sums));
    }
}
