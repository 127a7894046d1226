package dev.larder.model.query;

import java.util.Objects;

/**
 * Stash's {@code FloatCriterionInput}: a number compared by a modifier.
 *
 * @param value    the value compared; Stash requires one even for {@code IS_NULL} / {@code NOT_NULL}, which ignore it
 * @param value2   the upper bound of {@code BETWEEN} / {@code NOT_BETWEEN}; null otherwise
 * @param modifier how to compare; never null
 */
public record FloatCriterion(double value, Double value2, CriterionModifier modifier) implements InputView {

    private static final RecordMapping<FloatCriterion> MAPPING = RecordMapping.of(FloatCriterion.class, "FloatCriterionInput");

    /** @throws NullPointerException when modifier is null */
    public FloatCriterion {
        Objects.requireNonNull(modifier, "modifier");
    }

    /** Matches from {@code from} to {@code to}, both included. */
    public static FloatCriterion between(double from, double to) {
        return new FloatCriterion(from, to, CriterionModifier.BETWEEN);
    }

    /**
     * Reads the view of an input object.
     *
     * @param input a validated {@code FloatCriterionInput}
     * @return its view
     * @throws IllegalArgumentException when the input is of another type
     */
    public static FloatCriterion from(InputObject input) {
        return MAPPING.from(input);
    }

    @Override
    public InputObject toInput() {
        return MAPPING.toInput(this);
    }
}
