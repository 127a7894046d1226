package dev.larder.model.query;

import java.util.List;
import java.util.Objects;

/**
 * Stash's {@code CircumcisionCriterionInput}: a performer's circumcision.
 *
 * @param value    the values compared; null or empty for none (as with {@code IS_NULL})
 * @param modifier how to compare ({@code INCLUDES}, {@code EXCLUDES}, {@code IS_NULL}, {@code NOT_NULL}); never null
 */
public record CircumcisionCriterion(List<Circumcised> value, CriterionModifier modifier) implements InputView {

    private static final RecordMapping<CircumcisionCriterion> MAPPING = RecordMapping.of(CircumcisionCriterion.class, "CircumcisionCriterionInput");

    /** @throws NullPointerException when modifier, or an item of value, is null */
    public CircumcisionCriterion {
        value = RecordMapping.copyOrNull(value);
        Objects.requireNonNull(modifier, "modifier");
    }

    /**
     * Reads the view of an input object.
     *
     * @param input a validated {@code CircumcisionCriterionInput}
     * @return its view
     * @throws IllegalArgumentException when the input is of another type
     */
    public static CircumcisionCriterion from(InputObject input) {
        return MAPPING.from(input);
    }

    @Override
    public InputObject toInput() {
        return MAPPING.toInput(this);
    }
}
