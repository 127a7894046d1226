package dev.larder.model.query;

/** A performer's circumcision, Stash's {@code CircumisedEnum} (sic). */
public enum Circumcised {
    CUT,
    UNCUT
}
