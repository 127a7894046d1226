package dev.larder.model.query;

import java.util.Objects;

/**
 * Stash's {@code StringCriterionInput}: a text compared by a modifier.
 *
 * @param value    the text, or the regular expression of {@code MATCHES_REGEX} / {@code NOT_MATCHES_REGEX}; never
 *                 null (Stash requires one even for {@code IS_NULL} / {@code NOT_NULL}, which ignore it)
 * @param modifier how to compare; never null
 */
public record StringCriterion(String value, CriterionModifier modifier) implements InputView {

    private static final RecordMapping<StringCriterion> MAPPING = RecordMapping.of(StringCriterion.class, "StringCriterionInput");

    /** @throws NullPointerException when value or modifier is null */
    public StringCriterion {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(modifier, "modifier");
    }

    /** Matches {@code value} with {@code EQUALS} (Stash: {@code LIKE}, so case-insensitive). */
    public static StringCriterion equalTo(String value) {
        return new StringCriterion(value, CriterionModifier.EQUALS);
    }

    /** Matches {@code value} with {@code INCLUDES}. */
    public static StringCriterion includes(String value) {
        return new StringCriterion(value, CriterionModifier.INCLUDES);
    }

    /**
     * Reads the view of an input object.
     *
     * @param input a validated {@code StringCriterionInput}
     * @return its view
     * @throws IllegalArgumentException when the input is of another type
     */
    public static StringCriterion from(InputObject input) {
        return MAPPING.from(input);
    }

    @Override
    public InputObject toInput() {
        return MAPPING.toInput(this);
    }
}
