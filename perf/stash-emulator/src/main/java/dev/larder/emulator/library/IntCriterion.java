package dev.larder.emulator.library;

/**
 * Stash's {@code IntCriterionInput} as applied to ids: {@code BETWEEN} and {@code NOT_BETWEEN} are inclusive.
 *
 * @param modifier how to compare
 * @param value    the bound
 * @param value2   the upper bound for {@code BETWEEN}/{@code NOT_BETWEEN}, else ignored (may be null)
 */
public record IntCriterion(Modifier modifier, int value, Integer value2) {
}
