package dev.larder.model.query;

/** The direction of a sort, Stash's {@code SortDirectionEnum}. */
public enum SortDirection {
    /** Smallest first. */
    ASC,
    /** Largest first. */
    DESC
}
