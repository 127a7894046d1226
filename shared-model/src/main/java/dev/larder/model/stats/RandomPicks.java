package dev.larder.model.stats;

import dev.larder.model.query.Item;

import java.util.List;

/**
 * Entities drawn at random from a filtered set: uniformly, without repeats, in the order drawn.
 *
 * @param count how many entities the set holds
 * @param items the picks: as many as asked for, or the whole set in a random order when it is smaller
 */
public record RandomPicks(long count, List<Item> items) {

    /** Copies the list. */
    public RandomPicks {
        items = List.copyOf(items);
    }
}
