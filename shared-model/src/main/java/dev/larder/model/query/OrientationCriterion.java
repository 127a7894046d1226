package dev.larder.model.query;

import java.util.List;

/**
 * Stash's {@code OrientationCriterionInput}: a file's orientation is one of the given ones. It has no modifier.
 *
 * @param value the orientations accepted; never null, no null items
 */
public record OrientationCriterion(List<Orientation> value) implements InputView {

    private static final RecordMapping<OrientationCriterion> MAPPING = RecordMapping.of(OrientationCriterion.class, "OrientationCriterionInput");

    /** @throws NullPointerException when value, or an item, is null */
    public OrientationCriterion {
        value = List.copyOf(value);
    }

    /** Matches any of the orientations. */
    public static OrientationCriterion of(Orientation... orientations) {
        return new OrientationCriterion(List.of(orientations));
    }

    /**
     * Reads the view of an input object.
     *
     * @param input a validated {@code OrientationCriterionInput}
     * @return its view
     * @throws IllegalArgumentException when the input is of another type
     */
    public static OrientationCriterion from(InputObject input) {
        return MAPPING.from(input);
    }

    @Override
    public InputObject toInput() {
        return MAPPING.toInput(this);
    }
}
