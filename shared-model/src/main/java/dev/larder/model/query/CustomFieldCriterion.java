package dev.larder.model.query;

import java.util.List;
import java.util.Objects;

/**
 * Stash's {@code CustomFieldCriterionInput}: one of a performer's custom fields compared by a modifier.
 *
 * @param field    the custom field's name; never null
 * @param value    the values compared, as plain JSON-like Java (String, Number, Boolean, List, Map); null for none
 *                 (as with {@code IS_NULL}), no null items
 * @param modifier how to compare; never null
 */
public record CustomFieldCriterion(String field, List<Object> value, CriterionModifier modifier) implements InputView {

    private static final RecordMapping<CustomFieldCriterion> MAPPING = RecordMapping.of(CustomFieldCriterion.class, "CustomFieldCriterionInput");

    /** @throws NullPointerException when field or modifier, or an item of value, is null */
    public CustomFieldCriterion {
        Objects.requireNonNull(field, "field");
        value = RecordMapping.copyOrNull(value);
        Objects.requireNonNull(modifier, "modifier");
    }

    /**
     * Reads the view of an input object.
     *
     * @param input a validated {@code CustomFieldCriterionInput}
     * @return its view
     * @throws IllegalArgumentException when the input is of another type
     */
    public static CustomFieldCriterion from(InputObject input) {
        return MAPPING.from(input);
    }

    @Override
    public InputObject toInput() {
        return MAPPING.toInput(this);
    }
}
