package dev.larder.model.query;

import java.util.List;
import java.util.Objects;

/**
 * Stash's {@code MultiCriterionInput}: relations to entities given by id.
 *
 * @param value    the ids the modifier applies to; null or empty for none (as with {@code IS_NULL})
 * @param modifier {@code INCLUDES}, {@code INCLUDES_ALL}, {@code EXCLUDES}, {@code IS_NULL} or {@code NOT_NULL};
 *                 never null
 * @param excludes ids that must not be related, whatever the modifier; null for none
 */
public record MultiCriterion(List<String> value, CriterionModifier modifier, List<String> excludes)
        implements InputView {

    private static final RecordMapping<MultiCriterion> MAPPING = RecordMapping.of(MultiCriterion.class, "MultiCriterionInput");

    /** @throws NullPointerException when modifier, or an id, is null */
    public MultiCriterion {
        value = RecordMapping.copyOrNull(value);
        Objects.requireNonNull(modifier, "modifier");
        excludes = RecordMapping.copyOrNull(excludes);
    }

    /** Matches entities related to at least one of the ids. */
    public static MultiCriterion includes(String... ids) {
        return new MultiCriterion(List.of(ids), CriterionModifier.INCLUDES, null);
    }

    /** Matches entities related to all of the ids. */
    public static MultiCriterion includesAll(String... ids) {
        return new MultiCriterion(List.of(ids), CriterionModifier.INCLUDES_ALL, null);
    }

    /** Matches entities related to none of the ids. */
    public static MultiCriterion excludes(String... ids) {
        return new MultiCriterion(List.of(ids), CriterionModifier.EXCLUDES, null);
    }

    /**
     * Reads the view of an input object.
     *
     * @param input a validated {@code MultiCriterionInput}
     * @return its view
     * @throws IllegalArgumentException when the input is of another type
     */
    public static MultiCriterion from(InputObject input) {
        return MAPPING.from(input);
    }

    @Override
    public InputObject toInput() {
        return MAPPING.toInput(this);
    }
}
