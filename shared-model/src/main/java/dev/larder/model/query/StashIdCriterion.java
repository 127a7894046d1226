package dev.larder.model.query;

import java.util.Objects;

/**
 * Stash's {@code StashIDCriterionInput}: an entity's stash-box ids, compared as a {@link StringCriterion} would be.
 *
 * @param endpoint when given and not empty, only stash ids of this stash-box endpoint count; may be null
 * @param stashId  the stash id compared ({@code stash_id}); null is compared as the empty text
 * @param modifier how to compare; never null
 */
public record StashIdCriterion(String endpoint, String stashId, CriterionModifier modifier) implements InputView {

    private static final RecordMapping<StashIdCriterion> MAPPING = RecordMapping.of(StashIdCriterion.class, "StashIDCriterionInput");

    /** @throws NullPointerException when modifier is null */
    public StashIdCriterion {
        Objects.requireNonNull(modifier, "modifier");
    }

    /**
     * Reads the view of an input object.
     *
     * @param input a validated {@code StashIDCriterionInput}
     * @return its view
     * @throws IllegalArgumentException when the input is of another type
     */
    public static StashIdCriterion from(InputObject input) {
        return MAPPING.from(input);
    }

    @Override
    public InputObject toInput() {
        return MAPPING.toInput(this);
    }
}
