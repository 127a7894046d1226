package dev.larder.model.query;

import java.util.Objects;

/**
 * Stash's {@code DateCriterionInput}: a calendar date compared by a modifier. The contract keeps dates as text;
 * Stash expects {@code YYYY-MM-DD}.
 *
 * @param value    the date; never null (Stash requires one even for {@code IS_NULL} / {@code NOT_NULL})
 * @param value2   the upper bound of {@code BETWEEN} / {@code NOT_BETWEEN}; null otherwise
 * @param modifier how to compare; never null
 */
public record DateCriterion(String value, String value2, CriterionModifier modifier) implements InputView {

    private static final RecordMapping<DateCriterion> MAPPING = RecordMapping.of(DateCriterion.class, "DateCriterionInput");

    /** @throws NullPointerException when value or modifier is null */
    public DateCriterion {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(modifier, "modifier");
    }

    /**
     * Reads the view of an input object.
     *
     * @param input a validated {@code DateCriterionInput}
     * @return its view
     * @throws IllegalArgumentException when the input is of another type
     */
    public static DateCriterion from(InputObject input) {
        return MAPPING.from(input);
    }

    @Override
    public InputObject toInput() {
        return MAPPING.toInput(this);
    }
}
