package dev.larder.model.query;

/**
 * Stash's {@code PHashDuplicationCriterionInput}: whether an entity's perceptual hash is shared with another's.
 *
 * @param duplicated true for duplicates only, false for non-duplicates only; the schema allows null, but Stash's
 *                   filter code fails on it
 * @param distance   in the schema, but unused by Stash; may be null
 */
public record PHashDuplicationCriterion(Boolean duplicated, Integer distance) implements InputView {

    private static final RecordMapping<PHashDuplicationCriterion> MAPPING = RecordMapping.of(PHashDuplicationCriterion.class, "PHashDuplicationCriterionInput");

    /**
     * Reads the view of an input object.
     *
     * @param input a validated {@code PHashDuplicationCriterionInput}
     * @return its view
     * @throws IllegalArgumentException when the input is of another type
     */
    public static PHashDuplicationCriterion from(InputObject input) {
        return MAPPING.from(input);
    }

    @Override
    public InputObject toInput() {
        return MAPPING.toInput(this);
    }
}
