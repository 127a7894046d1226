package dev.larder.emulator.library;

import dev.larder.model.EntityType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The skeleton of a base library: how many entities of each type, when each was created and last updated, and the
 * relations that have a derived reverse (markers and scenes, chapters and galleries, scenes and galleries, images
 * and galleries, and the tag, studio and group hierarchies), all as pure functions of the spec.
 *
 * <p>Reverse relations stay cheap without a per-entity index: markers, chapters, scenes and images only refer to
 * parents of their own {@link Blocks block}, and the hierarchies are small enough to invert once at construction.
 * Immutable and thread-safe.
 */
final class LibraryShape {

    /** Base entities were created over this span: January 2019 to June 2026. */
    static final long HISTORY_START = Instant.parse("2019-01-01T00:00:00Z").getEpochSecond();
    static final long HISTORY_END = Instant.parse("2026-06-01T00:00:00Z").getEpochSecond();

    /**
     * Parents per block: smaller blocks make reverse reads cheaper (a gallery's image count scans its block's
     * images), larger ones spread children more; chapters need a large block since only an eighth of it gets any.
     */
    private static final int SCENES_PER_MARKER_BLOCK = 16;
    private static final int GALLERIES_PER_CHAPTER_BLOCK = 64;
    private static final int GALLERIES_PER_BLOCK = 8;
    /** Tag id ranges of the hierarchy levels, as fractions of all tags: 5% roots, then 20%, 35%, 40%. */
    private static final double[] TAG_LEVELS = {0.05, 0.25, 0.6};

    private static final int SALT_TIME = 1;
    private static final int SALT_PARENTS = 20;
    private static final int SALT_MARKER = 21;
    private static final int SALT_CHAPTER = 22;
    private static final int SALT_SCENE_GALLERY = 23;
    private static final int SALT_IMAGE_GALLERY = 24;

    private final long seed;
    private final int[] counts = new int[EntityType.values().length];
    private final Blocks markerScenes;
    private final Blocks chapterGalleries;
    private final Blocks sceneGalleries;
    private final Blocks imageGalleries;
    private final Zipf tags;
    private final Zipf performers;
    private final Zipf studios;
    private final Zipf groups;
    private final int[] tagLevelStarts;
    private final int[][] tagChildren;
    private final int[][] studioChildren;
    private final int[][] groupChildren;

    LibraryShape(LibrarySpec spec) {
        this.seed = spec.seed();
        counts[EntityType.SCENE.ordinal()] = spec.scenes();
        counts[EntityType.PERFORMER.ordinal()] = spec.performers();
        counts[EntityType.TAG.ordinal()] = spec.tags();
        counts[EntityType.STUDIO.ordinal()] = spec.studios();
        counts[EntityType.GROUP.ordinal()] = spec.groups();
        counts[EntityType.GALLERY.ordinal()] = spec.galleries();
        counts[EntityType.GALLERY_CHAPTER.ordinal()] = spec.galleries() / 5;
        counts[EntityType.IMAGE.ordinal()] = spec.images();
        counts[EntityType.SCENE_MARKER.ordinal()] = spec.scenes() == 0 ? 0 : spec.markers();
        markerScenes = new Blocks(spec.scenes(), count(EntityType.SCENE_MARKER), SCENES_PER_MARKER_BLOCK);
        chapterGalleries = new Blocks(spec.galleries(), count(EntityType.GALLERY_CHAPTER),
                GALLERIES_PER_CHAPTER_BLOCK);
        sceneGalleries = new Blocks(spec.galleries(), spec.scenes(), GALLERIES_PER_BLOCK);
        imageGalleries = new Blocks(spec.galleries(), spec.images(), GALLERIES_PER_BLOCK);
        tags = new Zipf(spec.tags(), 1.0, Hashing.hash(seed, EntityType.TAG.ordinal(), 0, 99));
        performers = new Zipf(spec.performers(), 0.9, Hashing.hash(seed, EntityType.PERFORMER.ordinal(), 0, 99));
        studios = new Zipf(spec.studios(), 0.8, Hashing.hash(seed, EntityType.STUDIO.ordinal(), 0, 99));
        groups = new Zipf(spec.groups(), 0.7, Hashing.hash(seed, EntityType.GROUP.ordinal(), 0, 99));
        tagLevelStarts = levelStarts(spec.tags());
        tagChildren = invert(spec.tags(), this::tagParents);
        studioChildren = invert(spec.studios(), id -> single(studioParent(id)));
        groupChildren = invert(spec.groups(), id -> Arrays.stream(containingGroups(id)).mapToInt(c -> c.group)
                .toArray());
    }

    /** The number of base entities of a type; their ids are 1..count. */
    int count(EntityType type) {
        return counts[type.ordinal()];
    }

    long seed() {
        return seed;
    }

    Zipf tags() {
        return tags;
    }

    Zipf performers() {
        return performers;
    }

    Zipf studios() {
        return studios;
    }

    Zipf groups() {
        return groups;
    }

    /** Creation time of a base entity, in epoch seconds: grows with the id over the whole history. */
    long createdAt(EntityType type, int id) {
        double step = (double) (HISTORY_END - HISTORY_START) / count(type);
        double jitter = Hashing.unit(Hashing.hash(seed, type.ordinal(), id, SALT_TIME)) * 0.9;
        return HISTORY_START + (long) ((id - 1 + jitter) * step);
    }

    /** Last update time of a base entity: its creation time for about half, else some time after it. */
    long updatedAt(EntityType type, int id) {
        long created = createdAt(type, id);
        long h = Hashing.hash(seed, type.ordinal(), id, SALT_TIME + 1);
        if (Hashing.unit(h) < 0.55) {
            return created;
        }
        double u = Hashing.unit(Hashing.mix(h));
        return created + (long) (u * u * (HISTORY_END - created));
    }

    // ---- relations with a derived reverse ----

    /** The tag's parents: none for roots, else one or two tags of the level above (so no cycles). */
    int[] tagParents(int tag) {
        int level = tagLevel(tag);
        if (level == 0) {
            return new int[0];
        }
        Draw draw = new Draw(Hashing.hash(seed, EntityType.TAG.ordinal(), tag, SALT_PARENTS));
        if (!draw.chance(0.85)) {
            return new int[0];
        }
        int from = tagLevelStarts[level - 1];
        int to = tagLevelStarts[level] - 1;
        int first = draw.between(from, to);
        if (draw.chance(0.15)) {
            int second = to > from ? draw.between(from, to) : draw.between(1, to);
            if (second != first) {
                return new int[] {first, second};
            }
        }
        return new int[] {first};
    }

    /** 0 for a root tag; levels go down to 3 when there are enough tags. */
    int tagLevel(int tag) {
        int level = 0;
        while (level + 1 < tagLevelStarts.length && tagLevelStarts[level + 1] <= tag) {
            level++;
        }
        return level;
    }

    /** The studio's parent studio, or 0: about a third of studios belong to one of the oldest fifth. */
    int studioParent(int studio) {
        if (studio == 1) {
            return 0;
        }
        Draw draw = new Draw(Hashing.hash(seed, EntityType.STUDIO.ordinal(), studio, SALT_PARENTS));
        if (!draw.chance(0.35)) {
            return 0;
        }
        int pool = Math.max(1, Math.min(studio - 1, count(EntityType.STUDIO) / 5));
        return draw.between(1, pool);
    }

    /** A group that contains another, with the containment's description. */
    record Containment(int group, String description) {
    }

    /** The groups that contain a group: usually none, sometimes one or two older groups. */
    Containment[] containingGroups(int group) {
        if (group == 1) {
            return new Containment[0];
        }
        Draw draw = new Draw(Hashing.hash(seed, EntityType.GROUP.ordinal(), group, SALT_PARENTS));
        if (!draw.chance(0.2)) {
            return new Containment[0];
        }
        int parts = draw.chance(0.15) ? 2 : 1;
        List<Containment> out = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            int parent = draw.between(1, group - 1);
            String description = draw.chance(0.5) ? null : draw.pick(new String[] {"Part", "Volume", "Episode"})
                    + " " + draw.between(1, 12);
            if (out.stream().noneMatch(c -> c.group == parent)) {
                out.add(new Containment(parent, description));
            }
        }
        return out.toArray(new Containment[0]);
    }

    /** The scene of a marker: a scene of the marker's block, skewed so that some scenes have many markers. */
    int markerScene(int marker) {
        int block = markerScenes.blockOfChild(marker);
        double u = Hashing.unit(Hashing.hash(seed, EntityType.SCENE_MARKER.ordinal(), marker, SALT_MARKER));
        int from = markerScenes.parentStart(block);
        int size = markerScenes.parentStart(block + 1) - from;
        return from + (int) (size * u * u);
    }

    /** The gallery of a chapter: one of the first eighth of its block's galleries, so few galleries have any. */
    int chapterGallery(int chapter) {
        int block = chapterGalleries.blockOfChild(chapter);
        int from = chapterGalleries.parentStart(block);
        int size = chapterGalleries.parentStart(block + 1) - from;
        long h = Hashing.hash(seed, EntityType.GALLERY_CHAPTER.ordinal(), chapter, SALT_CHAPTER);
        return from + Hashing.below(h, Math.max(1, size / 8));
    }

    /** The galleries of a scene: none for most, else one (rarely two) of its block. */
    int[] sceneGalleries(int scene) {
        return galleriesInBlock(sceneGalleries, EntityType.SCENE, scene, SALT_SCENE_GALLERY, 0.15, 0.07);
    }

    /** The galleries of an image: one for most, none for some, two for a few. */
    int[] imageGalleries(int image) {
        return galleriesInBlock(imageGalleries, EntityType.IMAGE, image, SALT_IMAGE_GALLERY, 0.92, 0.05);
    }

    private int[] galleriesInBlock(Blocks blocks, EntityType type, int id, int salt, double some, double second) {
        int block = blocks.blockOfChild(id);
        if (block < 0) {
            return new int[0];
        }
        Draw draw = new Draw(Hashing.hash(seed, type.ordinal(), id, salt));
        if (!draw.chance(some)) {
            return new int[0];
        }
        int from = blocks.parentStart(block);
        int size = blocks.parentStart(block + 1) - from;
        int first = from + draw.below(size);
        if (size > 1 && draw.chance(second)) {
            int other = from + draw.below(size);
            if (other != first) {
                return new int[] {first, other};
            }
        }
        return new int[] {first};
    }

    /**
     * The base children of a base parent for a derived relation, in id order, before destroys, merges and
     * overlay changes are applied.
     */
    int[] baseChildren(DerivedRelation relation, int parent) {
        return switch (relation) {
            case SCENE_MARKERS -> blockChildren(markerScenes, parent, c -> markerScene(c) == parent);
            case GALLERY_CHAPTERS -> blockChildren(chapterGalleries, parent, c -> chapterGallery(c) == parent);
            case GALLERY_SCENES -> blockChildren(sceneGalleries, parent, c -> contains(sceneGalleries(c), parent));
            case GALLERY_IMAGES -> blockChildren(imageGalleries, parent, c -> contains(imageGalleries(c), parent));
            case TAG_CHILDREN -> tagChildren[parent];
            case STUDIO_CHILDREN -> studioChildren[parent];
            case GROUP_SUB_GROUPS -> groupChildren[parent];
        };
    }

    private static int[] blockChildren(Blocks blocks, int parent, java.util.function.IntPredicate isChild) {
        int block = blocks.blockOfParent(parent);
        int from = blocks.childStart(block);
        int to = blocks.childStart(block + 1);
        int[] out = new int[Math.max(0, to - from)];
        int size = 0;
        for (int c = from; c < to; c++) {
            if (isChild.test(c)) {
                out[size++] = c;
            }
        }
        return Arrays.copyOf(out, size);
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    private static int[] single(int id) {
        return id == 0 ? new int[0] : new int[] {id};
    }

    private static int[] levelStarts(int tags) {
        int[] starts = new int[TAG_LEVELS.length + 1];
        starts[0] = 1;
        int levels = 1;
        for (double fraction : TAG_LEVELS) {
            int start = Math.max(starts[levels - 1] + 1, 1 + (int) (fraction * tags));
            if (start > tags) {
                break;
            }
            starts[levels++] = start;
        }
        return Arrays.copyOf(starts, levels);
    }

    private static int[][] invert(int size, java.util.function.IntFunction<int[]> parentsOf) {
        int[] degree = new int[size + 1];
        int[][] parents = new int[size + 1][];
        for (int child = 1; child <= size; child++) {
            parents[child] = parentsOf.apply(child);
            for (int p : parents[child]) {
                degree[p]++;
            }
        }
        int[][] children = new int[size + 1][];
        for (int p = 0; p <= size; p++) {
            children[p] = new int[degree[p]];
            degree[p] = 0;
        }
        for (int child = 1; child <= size; child++) {
            for (int p : parents[child]) {
                children[p][degree[p]++] = child;
            }
        }
        return children;
    }
}
