package dev.larder.model.query;

import java.util.List;
import java.util.Objects;

/**
 * Stash's {@code HierarchicalMultiCriterionInput}: relations to entities given by id, where an entity of a
 * hierarchy (tags, studios, groups, folders) may stand for those below it too.
 *
 * @param value    the ids the modifier applies to; null or empty for none (as with {@code IS_NULL})
 * @param modifier {@code INCLUDES}, {@code INCLUDES_ALL}, {@code EXCLUDES}, {@code IS_NULL} or {@code NOT_NULL};
 *                 never null
 * @param depth    how many levels below each id also count: null or 0 for the ids alone, -1 for every level
 * @param excludes ids that must not be related (with the same depth), whatever the modifier; null for none
 */
public record HierarchicalMultiCriterion(List<String> value, CriterionModifier modifier, Integer depth,
                                         List<String> excludes) implements InputView {

    private static final RecordMapping<HierarchicalMultiCriterion> MAPPING = RecordMapping.of(HierarchicalMultiCriterion.class, "HierarchicalMultiCriterionInput");

    /** @throws NullPointerException when modifier, or an id, is null */
    public HierarchicalMultiCriterion {
        value = RecordMapping.copyOrNull(value);
        Objects.requireNonNull(modifier, "modifier");
        excludes = RecordMapping.copyOrNull(excludes);
    }

    /** Matches entities related to at least one of the ids themselves. */
    public static HierarchicalMultiCriterion includes(String... ids) {
        return new HierarchicalMultiCriterion(List.of(ids), CriterionModifier.INCLUDES, null, null);
    }

    /** Matches entities related to all of the ids themselves. */
    public static HierarchicalMultiCriterion includesAll(String... ids) {
        return new HierarchicalMultiCriterion(List.of(ids), CriterionModifier.INCLUDES_ALL, null, null);
    }

    /** Matches entities related to none of the ids themselves. */
    public static HierarchicalMultiCriterion excludes(String... ids) {
        return new HierarchicalMultiCriterion(List.of(ids), CriterionModifier.EXCLUDES, null, null);
    }

    /**
     * @param levels levels below each id that count too; -1 for all
     * @return this criterion with that depth
     */
    public HierarchicalMultiCriterion withDepth(int levels) {
        return new HierarchicalMultiCriterion(value, modifier, levels, excludes);
    }

    /**
     * Reads the view of an input object.
     *
     * @param input a validated {@code HierarchicalMultiCriterionInput}
     * @return its view
     * @throws IllegalArgumentException when the input is of another type
     */
    public static HierarchicalMultiCriterion from(InputObject input) {
        return MAPPING.from(input);
    }

    @Override
    public InputObject toInput() {
        return MAPPING.toInput(this);
    }
}
