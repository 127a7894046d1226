package dev.larder.model.query;

import java.util.List;
import java.util.Objects;

/**
 * Stash's {@code GenderCriterionInput}: a performer's gender. Stash compares the genders of {@code valueList}, or
 * {@code value} alone when the list is null or empty.
 *
 * @param value     one gender; may be null
 * @param valueList several genders ({@code value_list}); may be null
 * @param modifier  how to compare; never null
 */
public record GenderCriterion(Gender value, List<Gender> valueList, CriterionModifier modifier) implements InputView {

    private static final RecordMapping<GenderCriterion> MAPPING = RecordMapping.of(GenderCriterion.class, "GenderCriterionInput");

    /** @throws NullPointerException when modifier, or an item of valueList, is null */
    public GenderCriterion {
        valueList = RecordMapping.copyOrNull(valueList);
        Objects.requireNonNull(modifier, "modifier");
    }

    /**
     * Reads the view of an input object.
     *
     * @param input a validated {@code GenderCriterionInput}
     * @return its view
     * @throws IllegalArgumentException when the input is of another type
     */
    public static GenderCriterion from(InputObject input) {
        return MAPPING.from(input);
    }

    @Override
    public InputObject toInput() {
        return MAPPING.toInput(this);
    }
}
