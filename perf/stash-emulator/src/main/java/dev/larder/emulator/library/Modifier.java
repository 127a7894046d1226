package dev.larder.emulator.library;

/** Stash's {@code CriterionModifier} values that the emulator's id and timestamp criteria understand. */
public enum Modifier {
    EQUALS, NOT_EQUALS, GREATER_THAN, LESS_THAN, IS_NULL, NOT_NULL, BETWEEN, NOT_BETWEEN
}
