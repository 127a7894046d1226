package dev.larder.model.query;

/**
 * How a criterion compares, Stash's {@code CriterionModifier}. The notes below are a sketch: which modifiers a
 * criterion type accepts, and exactly what each means for it (strings compare case-insensitively with
 * {@code LIKE}, for one), is Stash's filter code ({@code pkg/sqlite/criterion_handlers.go}) and Larder's query
 * compiler's business; the contract only names them.
 */
public enum CriterionModifier {
    /** Equal to the value. */
    EQUALS,
    /** Not equal to the value. */
    NOT_EQUALS,
    /** Greater than the value. */
    GREATER_THAN,
    /** Less than the value. */
    LESS_THAN,
    /** Has no value; the criterion's value is ignored. */
    IS_NULL,
    /** Has a value; the criterion's value is ignored. */
    NOT_NULL,
    /** Related to every one of the ids. */
    INCLUDES_ALL,
    /** Related to at least one of the ids; for a string, Stash's word search for the value. */
    INCLUDES,
    /** Related to none of the ids; for a string, the negated word search. */
    EXCLUDES,
    /** Matches the value as a regular expression. */
    MATCHES_REGEX,
    /** Does not match the value as a regular expression. */
    NOT_MATCHES_REGEX,
    /** From value to value2, both included. */
    BETWEEN,
    /** Below value or above value2. */
    NOT_BETWEEN
}
