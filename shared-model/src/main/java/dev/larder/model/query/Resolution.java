package dev.larder.model.query;

/**
 * A resolution class, Stash's {@code ResolutionEnum}, with the bounds Stash's filters use
 * ({@code pkg/models/resolution.go}): a file is of a class when the shorter of its width and height lies within
 * the class's bounds, both included. Stash compares {@code EQUALS} / {@code NOT_EQUALS} with both bounds,
 * {@code LESS_THAN} with the minimum and {@code GREATER_THAN} with the maximum. The classes' ranges are not
 * disjoint: the deprecated {@link #VR_HD} lies inside {@link #FOUR_K}.
 */
public enum Resolution {
    /** 144p. */
    VERY_LOW(144, 239),
    /** 240p. */
    LOW(240, 359),
    /** 360p. */
    R360P(360, 479),
    /** 480p. */
    STANDARD(480, 539),
    /** 540p. */
    WEB_HD(540, 719),
    /** 720p. */
    STANDARD_HD(720, 1079),
    /** 1080p. */
    FULL_HD(1080, 1439),
    /** 1440p. */
    QUAD_HD(1440, 1919),
    /** 1920p; deprecated in Stash's schema in favour of {@link #FOUR_K}. */
    VR_HD(1920, 2159),
    /** 4K. */
    FOUR_K(1920, 2559),
    /** 5K. */
    FIVE_K(2560, 2999),
    /** 6K. */
    SIX_K(3000, 3583),
    /** 7K. */
    SEVEN_K(3584, 3839),
    /** 8K. */
    EIGHT_K(3840, 6143),
    /** Above 8K. */
    HUGE(6144, 9999);

    private final int minResolution;
    private final int maxResolution;

    Resolution(int minResolution, int maxResolution) {
        this.minResolution = minResolution;
        this.maxResolution = maxResolution;
    }

    /**
     * Stash's {@code GetMinResolution}.
     *
     * @return the smallest shorter side, in pixels, of this class
     */
    public int minResolution() {
        return minResolution;
    }

    /**
     * Stash's {@code GetMaxResolution}.
     *
     * @return the largest shorter side, in pixels, of this class
     */
    public int maxResolution() {
        return maxResolution;
    }
}
