package dev.larder.model.query;

import java.util.Objects;

/**
 * Stash's {@code ResolutionCriterionInput}: a file's resolution class compared by a modifier ({@code EQUALS},
 * {@code NOT_EQUALS}, {@code GREATER_THAN}, {@code LESS_THAN}; see {@link Resolution} for the bounds).
 *
 * @param value    the class; never null
 * @param modifier how to compare; never null
 */
public record ResolutionCriterion(Resolution value, CriterionModifier modifier) implements InputView {

    private static final RecordMapping<ResolutionCriterion> MAPPING = RecordMapping.of(ResolutionCriterion.class, "ResolutionCriterionInput");

    /** @throws NullPointerException when value or modifier is null */
    public ResolutionCriterion {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(modifier, "modifier");
    }

    /**
     * Reads the view of an input object.
     *
     * @param input a validated {@code ResolutionCriterionInput}
     * @return its view
     * @throws IllegalArgumentException when the input is of another type
     */
    public static ResolutionCriterion from(InputObject input) {
        return MAPPING.from(input);
    }

    @Override
    public InputObject toInput() {
        return MAPPING.toInput(this);
    }
}
