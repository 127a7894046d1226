package dev.larder.model.stats;

import dev.larder.model.EntityType;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A filtered set grouped by one facet (its tags, its studio, its resolution class...), the largest groups first by
 * one measure, ties broken by the value (the id for entities).
 *
 * @param facet     the facet's name ({@code tags}, {@code resolution})
 * @param type      the type of the related entities whose groups these are; null when the values are buckets
 *                  ({@code resolution}, {@code year})
 * @param orderedBy the measure the entries are ordered by, largest first ({@code count}, {@code play_count})
 * @param entries   the top entries
 */
public record Breakdown(String facet, EntityType type, String orderedBy, List<Entry> entries) {

    /** Copies the list. */
    public Breakdown {
        entries = List.copyOf(entries);
    }

    /**
     * One group.
     *
     * @param value    the related entity's id, or the bucket ({@code FULL_HD}, {@code 2019})
     * @param name     the related entity's name (or title); null for buckets
     * @param measures {@code count} (the set's entities in the group) first, then the sums asked for, in the
     *                 type's order: a {@link Long} for whole numbers, a {@link Double} otherwise
     */
    public record Entry(String value, String name, Map<String, Number> measures) {

        /** Copies the map, keeping its order. */
        public Entry {
            measures = Collections.unmodifiableMap(new LinkedHashMap<>(measures));
        }

        /** @return how many of the set's entities are in the group */
        public long count() {
            return measures.get("count").longValue();
        }
    }
}
