package dev.larder.query;

/**
 * A number each entity of a type contributes to its set's totals and top lists: a counter, a duration, the size
 * of its files. Totals sum it over the set, top lists over each group of a facet.
 *
 * @param name       the measure's name in requests and answers ({@code play_count}); never {@value #COUNT}
 * @param expression SQL over {@code {t}}, never NULL (coalesce what may be missing)
 * @param real       true when the values have fractions (durations), false for whole numbers
 */
record Measure(String name, String expression, boolean real) {

    /** The name of the measure every set has: how many entities it (or a group of it) holds. */
    static final String COUNT = "count";
}
