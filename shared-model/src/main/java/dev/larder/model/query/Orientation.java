package dev.larder.model.query;

/** The shape of a video or image, Stash's {@code OrientationEnum}. */
public enum Orientation {
    /** Wider than high. */
    LANDSCAPE,
    /** Higher than wide. */
    PORTRAIT,
    /** As wide as high. */
    SQUARE
}
