package dev.larder.model.query;

import java.util.Objects;

/**
 * Stash's {@code IntCriterionInput}: an integer compared by a modifier.
 *
 * @param value    the value compared; Stash requires one even for {@code IS_NULL} / {@code NOT_NULL}, which ignore it
 * @param value2   the upper bound of {@code BETWEEN} / {@code NOT_BETWEEN}; null otherwise
 * @param modifier how to compare; never null
 */
public record IntCriterion(int value, Integer value2, CriterionModifier modifier) implements InputView {

    private static final RecordMapping<IntCriterion> MAPPING = RecordMapping.of(IntCriterion.class, "IntCriterionInput");

    /** @throws NullPointerException when modifier is null */
    public IntCriterion {
        Objects.requireNonNull(modifier, "modifier");
    }

    /** Matches exactly {@code value}. */
    public static IntCriterion equalTo(int value) {
        return new IntCriterion(value, null, CriterionModifier.EQUALS);
    }

    /** Matches above {@code value}. */
    public static IntCriterion greaterThan(int value) {
        return new IntCriterion(value, null, CriterionModifier.GREATER_THAN);
    }

    /** Matches below {@code value}. */
    public static IntCriterion lessThan(int value) {
        return new IntCriterion(value, null, CriterionModifier.LESS_THAN);
    }

    /** Matches from {@code from} to {@code to}, both included. */
    public static IntCriterion between(int from, int to) {
        return new IntCriterion(from, to, CriterionModifier.BETWEEN);
    }

    /**
     * Reads the view of an input object.
     *
     * @param input a validated {@code IntCriterionInput}
     * @return its view
     * @throws IllegalArgumentException when the input is of another type
     */
    public static IntCriterion from(InputObject input) {
        return MAPPING.from(input);
    }

    @Override
    public InputObject toInput() {
        return MAPPING.toInput(this);
    }
}
