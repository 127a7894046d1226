package dev.larder.model.query;

import java.util.Objects;

/**
 * Stash's {@code TimestampCriterionInput}: a point in time compared by a modifier. The contract keeps it as text, as
 * Stash does: Stash compares the text with its stored times as given (RFC 3339, or a date).
 *
 * @param value    the time; never null (Stash requires one even for {@code IS_NULL} / {@code NOT_NULL})
 * @param value2   the upper bound of {@code BETWEEN} / {@code NOT_BETWEEN}, for which Stash takes null as this
 *                 time tomorrow; null otherwise
 * @param modifier how to compare; never null
 */
public record TimestampCriterion(String value, String value2, CriterionModifier modifier) implements InputView {

    private static final RecordMapping<TimestampCriterion> MAPPING = RecordMapping.of(TimestampCriterion.class, "TimestampCriterionInput");

    /** @throws NullPointerException when value or modifier is null */
    public TimestampCriterion {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(modifier, "modifier");
    }

    /**
     * Reads the view of an input object.
     *
     * @param input a validated {@code TimestampCriterionInput}
     * @return its view
     * @throws IllegalArgumentException when the input is of another type
     */
    public static TimestampCriterion from(InputObject input) {
        return MAPPING.from(input);
    }

    @Override
    public InputObject toInput() {
        return MAPPING.toInput(this);
    }
}
