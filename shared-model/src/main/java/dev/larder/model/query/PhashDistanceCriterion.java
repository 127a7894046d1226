package dev.larder.model.query;

import java.util.Objects;

/**
 * Stash's {@code PhashDistanceCriterionInput}: a file's perceptual hash near a given one.
 *
 * @param value    the hash in hexadecimal, as Stash writes phashes; never null
 * @param modifier how to compare; never null
 * @param distance for {@code EQUALS}, a hash matches when its Hamming distance is below this ({@code NOT_EQUALS}:
 *                 above); null or 0 compares the hashes as they are
 */
public record PhashDistanceCriterion(String value, CriterionModifier modifier, Integer distance) implements InputView {

    private static final RecordMapping<PhashDistanceCriterion> MAPPING = RecordMapping.of(PhashDistanceCriterion.class, "PhashDistanceCriterionInput");

    /** @throws NullPointerException when value or modifier is null */
    public PhashDistanceCriterion {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(modifier, "modifier");
    }

    /**
     * Reads the view of an input object.
     *
     * @param input a validated {@code PhashDistanceCriterionInput}
     * @return its view
     * @throws IllegalArgumentException when the input is of another type
     */
    public static PhashDistanceCriterion from(InputObject input) {
        return MAPPING.from(input);
    }

    @Override
    public InputObject toInput() {
        return MAPPING.toInput(this);
    }
}
