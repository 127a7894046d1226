package dev.larder.emulator.library;

import java.time.ZoneId;
import java.util.Objects;

/**
 * The shape of a synthetic library: a seed and the number of entities of each type. The same spec always yields
 * the same library, entity for entity.
 *
 * @param seed        any value; different seeds give different but equally shaped libraries
 * @param scenes      number of scenes, 0 or more
 * @param performers  number of performers, 0 or more
 * @param tags        number of tags, 0 or more
 * @param studios     number of studios, 0 or more
 * @param groups      number of groups, 0 or more
 * @param galleries   number of galleries, 0 or more
 * @param images      number of images, 0 or more
 * @param markers     number of scene markers, 0 or more
 * @param zone        the zone whose offset timestamps carry, as Stash writes them in server-local time
 */
public record LibrarySpec(long seed, int scenes, int performers, int tags, int studios, int groups,
                          int galleries, int images, int markers, ZoneId zone) {

    /** The zone of the default library: not UTC, and with a daylight-saving change, as many Stash servers have. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Australia/Sydney");

    /**
     * Checks the sizes.
     *
     * @throws IllegalArgumentException when a size is negative
     */
    public LibrarySpec {
        Objects.requireNonNull(zone, "zone");
        int[] sizes = {scenes, performers, tags, studios, groups, galleries, images, markers};
        for (int size : sizes) {
            if (size < 0) {
                throw new IllegalArgumentException("library sizes must be 0 or more, got " + size);
            }
        }
    }

    /**
     * A library with the default proportions per 1,000 scenes: 100 performers, 40 tags, 10 studios, 20 groups,
     * 200 galleries, 2,000 images and 500 scene markers (each at least 1 where there are scenes).
     *
     * @param seed   the seed
     * @param scenes number of scenes, 0 or more
     * @return the spec, in {@link #DEFAULT_ZONE}
     */
    public static LibrarySpec ofScenes(long seed, int scenes) {
        return new LibrarySpec(seed, scenes, per1000(scenes, 100), per1000(scenes, 40), per1000(scenes, 10),
                per1000(scenes, 20), per1000(scenes, 200), per1000(scenes, 2000), per1000(scenes, 500),
                DEFAULT_ZONE);
    }

    private static int per1000(int scenes, int share) {
        if (scenes == 0) {
            return 0;
        }
        return (int) Math.max(1, (long) scenes * share / 1000);
    }
}
