package dev.larder.emulator.library;

/**
 * Stash's {@code TimestampCriterionInput}. The values are compared with the stored RFC3339 text as strings, exactly
 * as Stash's SQLite does: {@code "2026-01-05T10:03"} is a valid bound, and an offset that differs from the stored
 * one compares by its characters, not by its instant.
 *
 * @param modifier how to compare; {@code BETWEEN}/{@code NOT_BETWEEN} are inclusive
 * @param value    the bound, as given
 * @param value2   the upper bound; when null with {@code BETWEEN}, Stash uses now plus one day
 */
public record TimestampCriterion(Modifier modifier, String value, String value2) {
}
