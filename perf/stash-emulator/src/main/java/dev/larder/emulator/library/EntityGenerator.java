package dev.larder.emulator.library;

import dev.larder.model.EntityType;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the stored fields of a base entity (its writable fields plus {@code created_at} and {@code updated_at},
 * references as raw ids) from the spec alone. Fields that sorts need ({@link #title}, {@link #name}, {@link #date},
 * {@link #rating}) each come from their own hash, so they can be computed without building the whole entity.
 * Thread-safe.
 */
final class EntityGenerator {

    private static final int SALT_TITLE = 2;
    private static final int SALT_NAME = 3;
    private static final int SALT_DATE = 4;
    private static final int SALT_RATING = 5;
    private static final int SALT_BODY = 6;
    private static final int SALT_FILES = 7;
    private static final int SALT_HISTORY = 8;
    private static final int SALT_PRIMARY_TAG = 9;

    private static final long EARLIEST_DATE = LocalDate.of(2005, 1, 1).toEpochDay();
    private static final int[][] RESOLUTIONS = {{854, 480}, {1280, 720}, {1920, 1080}, {2560, 1440}, {3840, 2160}};
    private static final double[] RESOLUTION_SHARES = {0.08, 0.22, 0.45, 0.07, 0.18};
    private static final double[] FRAME_RATES = {23.976, 25, 29.97, 30, 50, 59.94, 60};
    private static final String STASHDB = "https://stashdb.org/graphql";

    private final LibraryShape shape;
    private final long seed;
    private final Rfc3339 local;
    private final Rfc3339 utc = new Rfc3339(ZoneOffset.UTC);

    EntityGenerator(LibraryShape shape, Rfc3339 local) {
        this.shape = shape;
        this.seed = shape.seed();
        this.local = local;
    }

    /**
     * The stored fields of base entity {@code id} (1..count): writable fields in GraphQL order, then
     * {@code created_at} and {@code updated_at}.
     */
    Map<String, Object> generate(EntityType type, int id) {
        Map<String, Object> out = new LinkedHashMap<>(64);
        switch (type) {
            case SCENE -> scene(id, out);
            case PERFORMER -> performer(id, out);
            case STUDIO -> studio(id, out);
            case TAG -> tag(id, out);
            case GROUP -> group(id, out);
            case GALLERY -> gallery(id, out);
            case GALLERY_CHAPTER -> chapter(id, out);
            case IMAGE -> image(id, out);
            case SCENE_MARKER -> marker(id, out);
        }
        out.put("created_at", local.format(shape.createdAt(type, id)));
        out.put("updated_at", local.format(shape.updatedAt(type, id)));
        return out;
    }

    // ---- fields that sorts read alone ----

    /** The title of a scene, gallery, image, marker or chapter (null for some). */
    String title(EntityType type, int id) {
        Draw draw = draw(type, id, SALT_TITLE);
        return switch (type) {
            case SCENE -> draw.chance(0.05) ? null : phrase(draw);
            case GALLERY -> draw.chance(0.1) ? null : phrase(draw);
            case IMAGE -> draw.chance(0.6) ? null : phrase(draw);
            case SCENE_MARKER -> draw.pick(Words.TAG_WORDS);
            case GALLERY_CHAPTER -> draw.pick(Words.CHAPTER_TITLES);
            default -> throw new IllegalArgumentException(type + " has no title");
        };
    }

    /** The unique name of a performer, studio, tag or group. */
    String name(EntityType type, int id) {
        return switch (type) {
            case PERFORMER -> uniqueName(type, id, Words.FIRST_NAMES, Words.LAST_NAMES, false);
            case STUDIO -> uniqueName(type, id, Words.STUDIO_WORDS, Words.STUDIO_SUFFIXES, true);
            case TAG -> uniqueName(type, id, Words.ADJECTIVES, Words.TAG_WORDS, true);
            case GROUP -> uniqueName(type, id, Words.ADJECTIVES, Words.NOUNS, true);
            default -> throw new IllegalArgumentException(type + " has no name");
        };
    }

    /** A {@code YYYY-MM-DD} date no later than the entity's creation, or null. */
    String date(EntityType type, int id) {
        Draw draw = draw(type, id, SALT_DATE);
        double present = switch (type) {
            case SCENE -> 0.9;
            case GALLERY, GROUP -> 0.7;
            case IMAGE -> 0.2;
            default -> throw new IllegalArgumentException(type + " has no date");
        };
        if (!draw.chance(present)) {
            return null;
        }
        long latest = Math.floorDiv(shape.createdAt(type, id), 86_400);
        return LocalDate.ofEpochDay(EARLIEST_DATE + (long) (draw.unit() * (latest - EARLIEST_DATE))).toString();
    }

    /** rating100: null for many, else 1..100 with the UI's star steps most common. */
    Integer rating(EntityType type, int id) {
        Draw draw = draw(type, id, SALT_RATING);
        if (draw.chance(0.45)) {
            return null;
        }
        return draw.chance(0.6) ? 20 * draw.between(1, 5) : draw.between(1, 100);
    }

    // ---- whole entities ----

    private void scene(int id, Map<String, Object> out) {
        Draw d = draw(EntityType.SCENE, id, SALT_BODY);
        String title = title(EntityType.SCENE, id);
        int studio = d.chance(0.88) ? shape.studios().sample(d.unit()) : 0;
        out.put("title", title);
        out.put("code", d.chance(0.3) ? code(d) : null);
        out.put("details", d.chance(0.5) ? sentence(d, 8, 30) : null);
        out.put("director", d.chance(0.2) ? person(d) : null);
        out.put("urls", urls(d, studio, "scenes", id));
        out.put("date", date(EntityType.SCENE, id));
        out.put("rating100", rating(EntityType.SCENE, id));
        out.put("organized", d.chance(0.3));
        boolean interactive = d.chance(0.03);
        long created = shape.createdAt(EntityType.SCENE, id);
        Draw history = draw(EntityType.SCENE, id, SALT_HISTORY);
        List<String> plays = history(history, created, history.chance(0.5) ? 0 : skewedCount(history, 40));
        List<String> os = history(history, created, history.chance(0.7) ? 0 : skewedCount(history, 15));
        out.put("o_counter", os.size());
        out.put("interactive", interactive);
        out.put("interactive_speed", interactive ? d.between(10, 400) : null);
        out.put("captions", d.chance(0.05) ? List.of(caption(d)) : List.of());
        out.put("last_played_at", plays.isEmpty() ? null : plays.get(plays.size() - 1));
        List<Map<String, Object>> files = sceneFiles(id, title, studio, interactive);
        double duration = (Double) files.get(0).get("duration");
        out.put("resume_time", plays.isEmpty() || d.chance(0.6) ? 0.0 : round2(d.unit() * duration));
        out.put("play_duration", round2(plays.size() * duration * (0.2 + 0.6 * d.unit())));
        out.put("play_count", plays.size());
        out.put("play_history", plays);
        out.put("o_history", os);
        out.put("files", files);
        out.put("studio", studio == 0 ? null : studio);
        out.put("performers", ids(d, performerCount(d), shape.performers()));
        out.put("tags", ids(d, d.chance(0.1) ? 0 : Math.min(20, 1 + (int) (-Math.log(1 - d.unit()) * 5)),
                shape.tags()));
        out.put("galleries", list(shape.sceneGalleries(id)));
        out.put("groups", sceneGroups(d));
        out.put("stash_ids", stashIds(d, 0.3, created));
    }

    private void performer(int id, Map<String, Object> out) {
        Draw d = draw(EntityType.PERFORMER, id, SALT_BODY);
        String name = name(EntityType.PERFORMER, id);
        String gender = d.chance(0.72) ? "FEMALE" : d.chance(0.75) ? "MALE" : d.pick(Words.GENDERS);
        boolean male = gender.equals("MALE") || gender.equals("TRANSGENDER_MALE");
        int birthYear = d.between(1960, 2004);
        long created = shape.createdAt(EntityType.PERFORMER, id);
        int cycle = (id - 1) / (Words.FIRST_NAMES.length * Words.LAST_NAMES.length);
        out.put("name", name);
        out.put("disambiguation", cycle == 0 ? null : "#" + (cycle + 1));
        out.put("urls", d.chance(0.6) ? List.of("https://www.example-models.com/" + Words.slug(name) + id) : List.of());
        out.put("gender", d.chance(0.95) ? gender : null);
        out.put("birthdate", d.chance(0.8) ? LocalDate.of(birthYear, d.between(1, 12), d.between(1, 28)).toString()
                : null);
        out.put("death_date", d.chance(0.01) ? LocalDate.of(d.between(2015, 2025), d.between(1, 12), 1).toString()
                : null);
        out.put("ethnicity", d.chance(0.6) ? d.pick(Words.ETHNICITIES) : null);
        out.put("country", d.chance(0.6) ? d.pick(Words.COUNTRIES) : null);
        out.put("eye_color", d.chance(0.5) ? d.pick(Words.EYE_COLORS) : null);
        out.put("hair_color", d.chance(0.6) ? d.pick(Words.HAIR_COLORS) : null);
        out.put("height_cm", d.chance(0.7) ? d.between(male ? 165 : 150, male ? 198 : 185) : null);
        out.put("weight", d.chance(0.4) ? d.between(male ? 60 : 44, male ? 110 : 85) : null);
        out.put("measurements", !male && d.chance(0.5)
                ? d.between(30, 38) + d.pick(new String[] {"A", "B", "C", "D", "DD"}) + "-" + d.between(22, 30)
                + "-" + d.between(32, 40) : null);
        out.put("fake_tits", !male && d.chance(0.5) ? (d.chance(0.7) ? "Natural" : "Augmented") : null);
        out.put("penis_length", male && d.chance(0.3) ? round2(12 + d.unit() * 10) : null);
        out.put("circumcised", male && d.chance(0.3) ? (d.chance(0.5) ? "CUT" : "UNCUT") : null);
        int careerStart = Math.max(birthYear + 18, d.between(2000, 2024));
        out.put("career_length", d.chance(0.5) ? careerStart + " - " + (d.chance(0.5) ? "" : careerStart
                + d.between(0, 8)) : null);
        out.put("tattoos", d.chance(0.3) ? d.pick(new String[] {"Left arm", "Lower back", "Right ankle", "Neck"})
                : null);
        out.put("piercings", d.chance(0.3) ? d.pick(new String[] {"Navel", "Ears", "Nose", "Tongue"}) : null);
        List<String> aliases = new ArrayList<>();
        for (int i = d.chance(0.7) ? 0 : d.between(1, 3); i > 0; i--) {
            aliases.add(person(d));
        }
        out.put("alias_list", aliases);
        out.put("favorite", d.chance(0.05));
        out.put("ignore_auto_tag", d.chance(0.02));
        out.put("rating100", rating(EntityType.PERFORMER, id));
        out.put("details", d.chance(0.3) ? sentence(d, 10, 40) : null);
        out.put("tags", ids(d, d.chance(0.5) ? 0 : d.between(1, 5), shape.tags()));
        out.put("stash_ids", stashIds(d, 0.4, created));
    }

    private void studio(int id, Map<String, Object> out) {
        Draw d = draw(EntityType.STUDIO, id, SALT_BODY);
        String name = name(EntityType.STUDIO, id);
        int parent = shape.studioParent(id);
        out.put("name", name);
        out.put("urls", d.chance(0.8) ? List.of("https://www." + Words.slug(name) + ".com/") : List.of());
        out.put("aliases", d.chance(0.8) ? List.of() : List.of(Words.slug(name)));
        out.put("parent_studio", parent == 0 ? null : parent);
        out.put("tags", ids(d, d.chance(0.7) ? 0 : d.between(1, 3), shape.tags()));
        out.put("ignore_auto_tag", d.chance(0.02));
        out.put("rating100", rating(EntityType.STUDIO, id));
        out.put("favorite", d.chance(0.05));
        out.put("details", d.chance(0.4) ? sentence(d, 8, 25) : null);
        out.put("stash_ids", stashIds(d, 0.5, shape.createdAt(EntityType.STUDIO, id)));
    }

    private void tag(int id, Map<String, Object> out) {
        Draw d = draw(EntityType.TAG, id, SALT_BODY);
        String name = name(EntityType.TAG, id);
        out.put("name", name);
        out.put("sort_name", d.chance(0.05) ? "~" + name : null);
        out.put("description", d.chance(0.3) ? sentence(d, 5, 15) : null);
        out.put("aliases", d.chance(0.8) ? List.of() : List.of(name.toLowerCase(java.util.Locale.ROOT)));
        out.put("ignore_auto_tag", d.chance(0.05));
        out.put("favorite", d.chance(0.03));
        out.put("parents", list(shape.tagParents(id)));
        out.put("stash_ids", stashIds(d, 0.1, shape.createdAt(EntityType.TAG, id)));
    }

    private void group(int id, Map<String, Object> out) {
        Draw d = draw(EntityType.GROUP, id, SALT_BODY);
        List<Map<String, Object>> containing = new ArrayList<>();
        for (LibraryShape.Containment c : shape.containingGroups(id)) {
            containing.add(entry("group", c.group(), "description", c.description()));
        }
        int studio = d.chance(0.85) ? shape.studios().sample(d.unit()) : 0;
        out.put("name", name(EntityType.GROUP, id));
        out.put("aliases", d.chance(0.1) ? phrase(d) : null);
        out.put("duration", d.chance(0.7) ? d.between(1_800, 14_400) : null);
        out.put("date", date(EntityType.GROUP, id));
        out.put("rating100", rating(EntityType.GROUP, id));
        out.put("studio", studio == 0 ? null : studio);
        out.put("director", d.chance(0.5) ? person(d) : null);
        out.put("synopsis", d.chance(0.6) ? sentence(d, 15, 50) : null);
        out.put("urls", urls(d, studio, "movies", id));
        out.put("tags", ids(d, d.chance(0.5) ? 0 : d.between(1, 6), shape.tags()));
        out.put("containing_groups", containing);
    }

    private void gallery(int id, Map<String, Object> out) {
        Draw d = draw(EntityType.GALLERY, id, SALT_BODY);
        String title = title(EntityType.GALLERY, id);
        int studio = d.chance(0.8) ? shape.studios().sample(d.unit()) : 0;
        String created = local.format(shape.createdAt(EntityType.GALLERY, id));
        String base = (title == null ? "gallery" : Words.slug(title)) + "_" + id;
        String directory = "/data/galleries/" + (studio == 0 ? "unsorted" : name(EntityType.STUDIO, studio));
        double kind = d.unit();
        out.put("title", title);
        out.put("code", d.chance(0.2) ? code(d) : null);
        out.put("urls", urls(d, studio, "galleries", id));
        out.put("date", date(EntityType.GALLERY, id));
        out.put("details", d.chance(0.3) ? sentence(d, 8, 25) : null);
        out.put("photographer", d.chance(0.3) ? person(d) : null);
        out.put("rating100", rating(EntityType.GALLERY, id));
        out.put("organized", d.chance(0.3));
        out.put("studio", studio == 0 ? null : studio);
        out.put("tags", ids(d, d.chance(0.3) ? 0 : d.between(1, 8), shape.tags()));
        out.put("performers", ids(d, performerCount(d), shape.performers()));
        out.put("files", kind < 0.6 ? List.of(entry("id", 300_000_000 + id, "path", directory + "/" + base + ".zip",
                "basename", base + ".zip", "size", 5_000_000L + (long) (d.unit() * 400_000_000L),
                "mod_time", created, "fingerprints", List.of(fingerprint("md5", d.hex(32))),
                "created_at", created, "updated_at", created)) : List.of());
        out.put("folder", kind >= 0.6 && kind < 0.9 ? entry("id", 400_000_000 + id, "path", directory + "/" + base)
                : null);
    }

    private void chapter(int id, Map<String, Object> out) {
        Draw d = draw(EntityType.GALLERY_CHAPTER, id, SALT_BODY);
        out.put("title", title(EntityType.GALLERY_CHAPTER, id));
        out.put("image_index", d.between(1, 12));
        out.put("gallery", shape.chapterGallery(id));
    }

    private void image(int id, Map<String, Object> out) {
        Draw d = draw(EntityType.IMAGE, id, SALT_BODY);
        int studio = d.chance(0.6) ? shape.studios().sample(d.unit()) : 0;
        int[] dims = d.chance(0.5) ? new int[] {4000, 6000} : RESOLUTIONS[d.below(RESOLUTIONS.length)];
        boolean portrait = d.chance(0.6);
        String created = local.format(shape.createdAt(EntityType.IMAGE, id));
        String basename = String.format("IMG_%06d.jpg", id);
        Draw f = draw(EntityType.IMAGE, id, SALT_FILES);
        out.put("title", title(EntityType.IMAGE, id));
        out.put("code", null);
        out.put("rating100", rating(EntityType.IMAGE, id));
        out.put("urls", List.of());
        out.put("date", date(EntityType.IMAGE, id));
        out.put("details", d.chance(0.05) ? sentence(d, 5, 15) : null);
        out.put("photographer", d.chance(0.2) ? person(d) : null);
        out.put("o_counter", d.chance(0.9) ? 0 : skewedCount(d, 10));
        out.put("organized", d.chance(0.2));
        out.put("studio", studio == 0 ? null : studio);
        out.put("tags", ids(d, d.chance(0.4) ? 0 : d.between(1, 6), shape.tags()));
        out.put("performers", ids(d, d.chance(0.3) ? 0 : d.between(1, 2), shape.performers()));
        out.put("galleries", list(shape.imageGalleries(id)));
        out.put("visual_files", List.of(entry("id", 500_000_000 + id,
                "path", "/data/images/" + (studio == 0 ? "unsorted" : name(EntityType.STUDIO, studio)) + "/"
                        + basename, "basename", basename, "size", 200_000L + (long) (f.unit() * 12_000_000L),
                "format", "jpg", "width", portrait ? dims[1] : dims[0], "height", portrait ? dims[0] : dims[1],
                "mod_time", created, "fingerprints", List.of(fingerprint("md5", f.hex(32)),
                        fingerprint("phash", f.hex(16))), "created_at", created, "updated_at", created)));
    }

    private void marker(int id, Map<String, Object> out) {
        Draw d = draw(EntityType.SCENE_MARKER, id, SALT_BODY);
        double seconds = round2(d.unit() * 3_000);
        out.put("scene", shape.markerScene(id));
        out.put("title", title(EntityType.SCENE_MARKER, id));
        out.put("seconds", seconds);
        out.put("end_seconds", d.chance(0.4) ? round2(seconds + 5 + d.unit() * 300) : null);
        int primaryTag = primaryTag(id);
        out.put("primary_tag", primaryTag == 0 ? null : primaryTag);
        out.put("tags", ids(d, d.chance(0.6) ? 0 : d.between(1, 3), shape.tags()));
    }

    /**
     * The primary tag of a base marker, or 0 when there are no tags: one of the most popular tenth, so that most
     * tags can be destroyed (Stash refuses to destroy a tag that is a marker's primary tag).
     */
    int primaryTag(int marker) {
        int tags = shape.count(EntityType.TAG);
        long h = Hashing.hash(seed, EntityType.SCENE_MARKER.ordinal(), marker, SALT_PRIMARY_TAG);
        return shape.tags().sampleTop(Hashing.unit(h), primaryTagPool(tags));
    }

    /** True when some base marker may have this tag as its primary tag. */
    boolean mayBePrimaryTag(int tag) {
        return tag <= shape.count(EntityType.TAG) && shape.tags().rank(tag) < primaryTagPool(shape.count(EntityType.TAG));
    }

    private static int primaryTagPool(int tags) {
        return Math.min(tags, Math.max(1, tags / 10));
    }

    // ---- parts ----

    private List<Map<String, Object>> sceneFiles(int id, String title, int studio, boolean interactive) {
        Draw d = draw(EntityType.SCENE, id, SALT_FILES);
        String created = local.format(shape.createdAt(EntityType.SCENE, id));
        int count = d.chance(0.03) ? 2 : 1;
        double duration = round2(Math.max(30, 1_500 + (d.unit() + d.unit() + d.unit() - 1.5) * 1_800));
        List<Map<String, Object>> files = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            int[] resolution = RESOLUTIONS[weighted(d, RESOLUTION_SHARES)];
            double codecDraw = d.unit();
            String codec = codecDraw < 0.6 ? "h264" : codecDraw < 0.9 ? "hevc" : "av1";
            String format = codec.equals("av1") && d.chance(0.5) ? "webm" : d.chance(0.8) ? "mp4" : "mkv";
            int bitRate = (int) (resolution[1] * resolution[1] * (codec.equals("h264") ? 2.2 : 1.3)
                    * (0.7 + 0.6 * d.unit()));
            String basename = (title == null ? "scene" : Words.slug(title)) + "_" + id + (k == 0 ? "" : "_" + k)
                    + "." + format;
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("id", 2 * id + k);
            file.put("path", "/data/" + (studio == 0 ? "unsorted" : name(EntityType.STUDIO, studio)) + "/"
                    + basename);
            file.put("basename", basename);
            file.put("size", (long) (bitRate / 8.0 * duration));
            file.put("mod_time", created);
            file.put("format", format);
            file.put("width", resolution[0]);
            file.put("height", resolution[1]);
            file.put("duration", duration);
            file.put("video_codec", codec);
            file.put("audio_codec", d.chance(0.85) ? "aac" : "opus");
            file.put("frame_rate", FRAME_RATES[d.below(FRAME_RATES.length)]);
            file.put("bit_rate", bitRate);
            file.put("fingerprints", List.of(fingerprint("md5", d.hex(32)), fingerprint("oshash", d.hex(16)),
                    fingerprint("phash", d.hex(16))));
            file.put("created_at", created);
            file.put("updated_at", created);
            files.add(java.util.Collections.unmodifiableMap(file));
        }
        return files;
    }

    private List<String> history(Draw d, long created, int count) {
        long[] times = new long[count];
        for (int i = 0; i < count; i++) {
            times[i] = created + (long) (d.unit() * (LibraryShape.HISTORY_END - created));
        }
        Arrays.sort(times);
        List<String> out = new ArrayList<>(count);
        for (long t : times) {
            out.add(utc.format(t));
        }
        return out;
    }

    private List<Map<String, Object>> sceneGroups(Draw d) {
        if (shape.count(EntityType.GROUP) == 0 || !d.chance(0.1)) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>(2);
        for (int group : d.distinct(d.chance(0.1) ? 2 : 1, () -> shape.groups().sample(d.unit()))) {
            out.add(entry("group", group, "scene_index", d.chance(0.75) ? d.between(1, 40) : null));
        }
        return out;
    }

    private List<Map<String, Object>> stashIds(Draw d, double share, long created) {
        if (!d.chance(share)) {
            return List.of();
        }
        long at = created + (long) (d.unit() * (LibraryShape.HISTORY_END - created));
        return List.of(entry("endpoint", STASHDB, "stash_id", d.uuid(), "updated_at", local.format(at)));
    }

    private static List<Integer> ids(Draw d, int count, Zipf popularity) {
        if (popularity.size() == 0) {
            return List.of();
        }
        return list(d.distinct(count, () -> popularity.sample(d.unit())));
    }

    private static int performerCount(Draw d) {
        double u = d.unit();
        double[] cumulative = {0.08, 0.48, 0.78, 0.90, 0.95, 0.98};
        for (int n = 0; n < cumulative.length; n++) {
            if (u < cumulative[n]) {
                return n;
            }
        }
        return 6;
    }

    private static int weighted(Draw d, double[] shares) {
        double u = d.unit();
        for (int i = 0; i < shares.length - 1; i++) {
            u -= shares[i];
            if (u < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }

    /** 1..max, most often small. */
    private static int skewedCount(Draw d, int max) {
        return Math.min(max, 1 + (int) (-Math.log(1 - d.unit()) * max / 5));
    }

    private List<String> urls(Draw d, int studio, String kind, int id) {
        if (studio == 0 || d.chance(0.3)) {
            return List.of();
        }
        String site = "https://www." + Words.slug(name(EntityType.STUDIO, studio)) + ".com/" + kind + "/" + id;
        return d.chance(0.2) ? List.of(site, "https://www.example-tube.com/watch/" + d.hex(10)) : List.of(site);
    }

    private String uniqueName(EntityType type, int id, String[] first, String[] second, boolean numberedCycles) {
        int combos = first.length * second.length;
        int cycle = (id - 1) / combos;
        int offset = Hashing.below(Hashing.hash(seed, type.ordinal(), 0, SALT_NAME), combos);
        // 7 is coprime with every combos size used here, so this is a bijection within one cycle
        int k = (int) (((long) ((id - 1) % combos) * 7 + offset) % combos);
        String name = first[k / second.length] + " " + second[k % second.length];
        return numberedCycles && cycle > 0 ? name + " " + (cycle + 1) : name;
    }

    private static String phrase(Draw d) {
        String base = d.pick(Words.ADJECTIVES) + " " + d.pick(Words.NOUNS);
        double shape = d.unit();
        if (shape < 0.3) {
            return base;
        }
        if (shape < 0.6) {
            return base + " " + d.between(2, 9);
        }
        return d.pick(Words.FIRST_NAMES) + "'s " + base;
    }

    private static String sentence(Draw d, int minWords, int maxWords) {
        int words = d.between(minWords, maxWords);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String word = (i % 2 == 0 ? d.pick(Words.ADJECTIVES) : d.pick(Words.NOUNS));
            out.append(i == 0 ? word : word.toLowerCase(java.util.Locale.ROOT)).append(i + 1 < words ? " " : ".");
        }
        return out.toString();
    }

    private static String person(Draw d) {
        return d.pick(Words.FIRST_NAMES) + " " + d.pick(Words.LAST_NAMES);
    }

    private static String code(Draw d) {
        return (char) ('A' + d.below(26)) + "" + (char) ('A' + d.below(26)) + (char) ('A' + d.below(26)) + "-"
                + d.between(100, 999);
    }

    private static Map<String, Object> caption(Draw d) {
        return entry("language_code", d.pick(new String[] {"en", "de", "fr", "es"}), "caption_type",
                d.chance(0.7) ? "srt" : "vtt");
    }

    private static Map<String, Object> fingerprint(String type, String value) {
        return entry("type", type, "value", value);
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static List<Integer> list(int[] ids) {
        List<Integer> out = new ArrayList<>(ids.length);
        for (int id : ids) {
            out.add(id);
        }
        return out;
    }

    /** An unmodifiable map of key/value pairs in order; values may be null. */
    static Map<String, Object> entry(Object... pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private Draw draw(EntityType type, int id, int salt) {
        return new Draw(Hashing.hash(seed, type.ordinal(), id, salt));
    }
}
