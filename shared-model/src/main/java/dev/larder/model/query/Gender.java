package dev.larder.model.query;

/** A performer's gender, Stash's {@code GenderEnum}. */
public enum Gender {
    MALE,
    FEMALE,
    TRANSGENDER_MALE,
    TRANSGENDER_FEMALE,
    INTERSEX,
    NON_BINARY
}
