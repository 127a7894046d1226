package dev.larder.emulator.library;

import dev.larder.model.EntityType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.larder.emulator.library.SyntheticLibraryGenerationTest.list;
import static dev.larder.emulator.library.SyntheticLibraryGenerationTest.map;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WritesTest {

    private TestLibraries.SteppingClock clock;
    private SyntheticLibrary library;

    @BeforeEach
    void build() {
        clock = new TestLibraries.SteppingClock();
        library = new SyntheticLibrary(LibrarySpec.ofScenes(42, 2_000), clock);
    }

    private Map<String, Object> get(EntityType type, int id) {
        return library.get(type, id);
    }

    // ---- create ----

    @Test
    void createTakesANewIdAboveAllAndStampsNow() {
        Map<String, Object> scene = library.create(EntityType.SCENE, Map.of("title", "new", "tags", List.of(3, 4)));
        assertThat(scene.get("id"), is(2_001));
        assertThat(scene.get("created_at"), is(library.now()));
        assertThat(scene.get("updated_at"), is(library.now()));
        assertThat(scene.get("tags"), is(List.of(3, 4)));
        assertThat(scene.get("organized"), is(false));
        assertThat(scene.get("files"), is(List.of()));
        assertThat(scene.get("scene_markers"), is(List.of()));
        assertThat(library.count(EntityType.SCENE), is(2_001));
        library.destroy(EntityType.SCENE, 2_001);
        assertThat("ids are never reused", library.create(EntityType.SCENE, Map.of()).get("id"), is(2_002));
        assertThat(library.find(EntityType.SCENE, new FindQuery(null, new IntCriterion(Modifier.GREATER_THAN, 1_999,
                null), null, null, "id", false, 1, -1)).ids(), is(List.of(2_000, 2_002)));
    }

    @Test
    void createChecksFieldsAndReferences() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> library.create(EntityType.SCENE, Map.of("nope", 1)));
        assertThat(unknown.getMessage(), containsString("nope"));
        IllegalArgumentException derived = assertThrows(IllegalArgumentException.class,
                () -> library.create(EntityType.GALLERY, Map.of("image_count", 3)));
        assertThat(derived.getMessage(), containsString("image_count"));
        assertThrows(IllegalArgumentException.class, () -> library.create(EntityType.TAG, Map.of()));
        NotFoundException missing = assertThrows(NotFoundException.class,
                () -> library.create(EntityType.SCENE, Map.of("studio", 999_999)));
        assertThat(missing.getMessage(), is("studio with id 999999 not found"));
        assertThat(library.count(EntityType.SCENE), is(2_000));
    }

    // ---- update ----

    @Test
    void updateBumpsUpdatedAtAndQuietUpdateDoesNot() {
        Map<String, Object> before = get(EntityType.SCENE, 10);
        clock.advance(60);
        Map<String, Object> updated = library.update(EntityType.SCENE, 10, s -> s.put("title", "renamed"));
        assertThat(updated.get("title"), is("renamed"));
        assertThat(updated.get("updated_at"), is(library.now()));
        assertThat(updated.get("created_at"), is(before.get("created_at")));
        assertThat(get(EntityType.SCENE, 10), is(updated));
        clock.advance(60);
        Map<String, Object> quiet = library.updateQuietly(EntityType.SCENE, 10, s -> {
            s.put("play_count", (Integer) s.get("play_count") + 1);
            list(s.get("play_history")).add(library.now());
        });
        assertThat(quiet.get("updated_at"), is(updated.get("updated_at")));
        assertThat(quiet.get("play_count"), is((Integer) before.get("play_count") + 1));
        assertThat(list(quiet.get("play_history")).size(), is(quiet.get("play_count")));
    }

    @Test
    void theChangeSeesMutableWritableFieldsOnly() {
        library.update(EntityType.SCENE, 11, s -> {
            assertThat(s.get("tags"), instanceOf(ArrayList.class));
            assertThat(s.containsKey("scene_markers"), is(false));
            assertThat(s.containsKey("id"), is(false));
            assertThat(s.containsKey("updated_at"), is(false));
            list(s.get("tags")).clear();
            map(list(s.get("files")).get(0)).put("path", "/data/moved.mp4");
        });
        assertThat(list(get(EntityType.SCENE, 11).get("tags")), empty());
        assertThat(map(list(get(EntityType.SCENE, 11).get("files")).get(0)).get("path"), is("/data/moved.mp4"));
    }

    @ParameterizedTest
    @CsvSource({"SCENE, scene_markers", "SCENE, bogus", "GALLERY, chapters", "GALLERY, scenes",
        "TAG, children", "STUDIO, child_studios", "GROUP, sub_groups", "SCENE, updated_at", "SCENE, id"})
    void writingADerivedOrUnknownKeyFailsAndChangesNothing(EntityType type, String key) {
        Map<String, Object> before = get(type, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> library.update(type, 3, fields -> fields.put(key, List.of())));
        assertThat(e.getMessage(), containsString(key));
        assertThat(get(type, 3), is(before));
    }

    @ParameterizedTest
    @EnumSource(EntityType.class)
    void writesToAMissingEntityFail(EntityType type) {
        assertThrows(NotFoundException.class, () -> library.update(type, 9_999_999, f -> { }));
        assertThrows(NotFoundException.class, () -> library.updateQuietly(type, 9_999_999, f -> { }));
        assertThat(library.destroy(type, 9_999_999), is(false));
    }

    // ---- destroy ----

    @Test
    void destroyingASceneTakesItsMarkersAndLeavesOthersUntouched() {
        int scene = sceneWithMarkersAndGallery();
        List<Object> markers = list(get(EntityType.SCENE, scene).get("scene_markers"));
        int gallery = (Integer) list(get(EntityType.SCENE, scene).get("galleries")).get(0);
        Map<String, Object> galleryBefore = get(EntityType.GALLERY, gallery);
        int markerCount = library.count(EntityType.SCENE_MARKER);
        clock.advance(60);
        assertThat(library.destroy(EntityType.SCENE, scene), is(true));
        assertThat(library.destroy(EntityType.SCENE, scene), is(false));
        assertThat(get(EntityType.SCENE, scene), nullValue());
        for (Object marker : markers) {
            assertThat(get(EntityType.SCENE_MARKER, (Integer) marker), nullValue());
        }
        assertThat(library.count(EntityType.SCENE_MARKER), is(markerCount - markers.size()));
        Map<String, Object> galleryAfter = get(EntityType.GALLERY, gallery);
        assertThat(list(galleryAfter.get("scenes")), not(hasItem(scene)));
        assertThat(galleryAfter.get("updated_at"), is(galleryBefore.get("updated_at")));
    }

    @Test
    void destroyingAGalleryTakesItsChaptersAndDropsReferences() {
        int gallery = 1;
        while (list(get(EntityType.GALLERY, gallery).get("chapters")).isEmpty()) {
            gallery++;
        }
        List<Object> chapters = list(get(EntityType.GALLERY, gallery).get("chapters"));
        int image = imageIn(gallery);
        Map<String, Object> imageBefore = get(EntityType.IMAGE, image);
        library.destroy(EntityType.GALLERY, gallery);
        for (Object chapter : chapters) {
            assertThat(get(EntityType.GALLERY_CHAPTER, (Integer) chapter), nullValue());
        }
        Map<String, Object> imageAfter = get(EntityType.IMAGE, image);
        assertThat(list(imageAfter.get("galleries")), not(hasItem(gallery)));
        assertThat(imageAfter.get("updated_at"), is(imageBefore.get("updated_at")));
    }

    @Test
    void destroyedReferencesVanishOnRead() {
        int studio = (Integer) get(EntityType.SCENE, firstSceneWith("studio")).get("studio");
        int tag = 0;
        int scene = 1;
        for (; tag == 0; scene++) {
            for (Object t : list(get(EntityType.SCENE, scene).get("tags"))) {
                if (!isPrimaryTag((Integer) t)) {
                    tag = (Integer) t;
                    break;
                }
            }
        }
        int tagged = scene - 1;
        int withStudio = firstSceneWith("studio");
        String updated = (String) get(EntityType.SCENE, tagged).get("updated_at");
        library.destroy(EntityType.STUDIO, studio);
        library.destroy(EntityType.TAG, tag);
        assertThat(get(EntityType.SCENE, withStudio).get("studio"), nullValue());
        assertThat(list(get(EntityType.SCENE, tagged).get("tags")), not(hasItem(tag)));
        assertThat(get(EntityType.SCENE, tagged).get("updated_at"), is(updated));
    }

    @Test
    void aPrimaryTagCannotBeDestroyed() {
        int tag = (Integer) get(EntityType.SCENE_MARKER, 1).get("primary_tag");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> library.destroy(EntityType.TAG, tag));
        assertThat(e.getMessage(), is("cannot delete tag used as a primary tag in scene markers"));
        assertThat(get(EntityType.TAG, tag), not(nullValue()));
    }

    // ---- derived relations follow the overlay ----

    @Test
    void derivedRelationsFollowChanges() {
        int marker = 1;
        int from = (Integer) get(EntityType.SCENE_MARKER, marker).get("scene");
        int to = from == 1_000 ? 1_001 : 1_000;
        library.update(EntityType.SCENE_MARKER, marker, m -> m.put("scene", to));
        assertThat(list(get(EntityType.SCENE, from).get("scene_markers")), not(hasItem(marker)));
        assertThat(list(get(EntityType.SCENE, to).get("scene_markers")), hasItem(marker));

        int newChapter = (Integer) library.create(EntityType.GALLERY_CHAPTER,
                Map.of("title", "Extra", "image_index", 2, "gallery", 7)).get("id");
        assertThat(list(get(EntityType.GALLERY, 7).get("chapters")), hasItem(newChapter));

        int newTag = (Integer) library.create(EntityType.TAG, Map.of("name", "Brand New", "parents", List.of(5)))
                .get("id");
        assertThat(list(get(EntityType.TAG, 5).get("children")), hasItem(newTag));
        library.update(EntityType.TAG, 30, t -> list(t.get("parents")).add(newTag));
        assertThat(list(get(EntityType.TAG, newTag).get("children")), is(List.of(30)));
        library.destroy(EntityType.TAG, 30);
        assertThat(list(get(EntityType.TAG, newTag).get("children")), empty());

        int child = (Integer) library.create(EntityType.STUDIO, Map.of("name", "Sub Studio", "parent_studio", 2))
                .get("id");
        assertThat(list(get(EntityType.STUDIO, 2).get("child_studios")), hasItem(child));
        int part = (Integer) library.create(EntityType.GROUP, Map.of("name", "Part Two", "containing_groups",
                List.of(Map.of("group", 3, "description", "second")))).get("id");
        assertThat(list(get(EntityType.GROUP, 3).get("sub_groups")), hasItem(Map.of("group", part, "description",
                "second")));

        int image = imageIn(9);
        int count = (Integer) get(EntityType.GALLERY, 9).get("image_count");
        library.update(EntityType.IMAGE, image, i -> list(i.get("galleries")).remove((Object) 9));
        assertThat(get(EntityType.GALLERY, 9).get("image_count"), is(count - 1));
        library.update(EntityType.SCENE, 5, s -> list(s.get("galleries")).add(9));
        assertThat(list(get(EntityType.GALLERY, 9).get("scenes")), hasItem(5));
    }

    // ---- merge ----

    @Test
    void mergingTagsRedirectsReferencesAndBumpsOnlyTheDestination() {
        int destination = 12;
        int source = (Integer) list(get(EntityType.SCENE, 1).get("tags")).get(0);
        if (source == destination) {
            destination = 13;
        }
        int dest = destination;
        Map<String, Object> sceneBefore = get(EntityType.SCENE, 1);
        List<Object> sourceChildren = list(get(EntityType.TAG, source).get("children"));
        clock.advance(60);
        Map<String, Object> merged = library.merge(EntityType.TAG, List.of(source, dest), dest);
        assertThat(merged.get("updated_at"), is(library.now()));
        assertThat(get(EntityType.TAG, source), nullValue());
        Map<String, Object> sceneAfter = get(EntityType.SCENE, 1);
        assertThat(list(sceneAfter.get("tags")), hasItem(dest));
        assertThat(list(sceneAfter.get("tags")), not(hasItem(source)));
        assertThat("duplicates collapse", list(sceneAfter.get("tags")).stream().distinct().count(),
                is((long) list(sceneAfter.get("tags")).size()));
        assertThat(sceneAfter.get("updated_at"), is(sceneBefore.get("updated_at")));
        for (Object child : sourceChildren) {
            if (!child.equals(dest)) {
                assertThat(list(get(EntityType.TAG, dest).get("children")), hasItem(child));
                assertThat(list(get(EntityType.TAG, (Integer) child).get("parents")), hasItem(dest));
            }
        }
        assertThat(list(get(EntityType.TAG, dest).get("children")), not(hasItem(dest)));
        assertThat(list(get(EntityType.TAG, dest).get("parents")), not(hasItem(dest)));
    }

    @Test
    void mergingPerformersCollapsesDuplicates() {
        int scene = 1;
        while (list(get(EntityType.SCENE, scene).get("performers")).size() < 2) {
            scene++;
        }
        List<Object> performers = list(get(EntityType.SCENE, scene).get("performers"));
        int a = (Integer) performers.get(0);
        int b = (Integer) performers.get(1);
        library.merge(EntityType.PERFORMER, List.of(b), a);
        List<Object> after = list(get(EntityType.SCENE, scene).get("performers"));
        assertThat(after.size(), is(performers.size() - 1));
        assertThat(after.get(0), is(a));
        assertThat(library.count(EntityType.PERFORMER), is(library.spec().performers() - 1));
        assertThrows(NotFoundException.class, () -> library.merge(EntityType.PERFORMER, List.of(b), a));
        assertThrows(IllegalArgumentException.class, () -> library.merge(EntityType.STUDIO, List.of(1), 2));
    }

    @Test
    void concurrentWritesAreAtomic() throws Exception {
        int threads = 4;
        int perThread = 250;
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    library.updateQuietly(EntityType.SCENE, 7, s -> s.put("play_count",
                            (Integer) s.get("play_count") + 1));
                    library.find(EntityType.SCENE, FindQuery.all());
                }
            });
            workers[t].start();
        }
        int before = (Integer) TestLibraries.scenes(2_000).get(EntityType.SCENE, 7).get("play_count");
        for (Thread worker : workers) {
            worker.join();
        }
        assertThat(get(EntityType.SCENE, 7).get("play_count"), is(before + threads * perThread));
    }

    // ---- helpers ----

    private int sceneWithMarkersAndGallery() {
        for (int id = 1; ; id++) {
            Map<String, Object> scene = get(EntityType.SCENE, id);
            if (!list(scene.get("scene_markers")).isEmpty() && !list(scene.get("galleries")).isEmpty()) {
                return id;
            }
        }
    }

    private int imageIn(int gallery) {
        for (int id = 1; ; id++) {
            if (list(get(EntityType.IMAGE, id).get("galleries")).contains(gallery)) {
                return id;
            }
        }
    }

    private int firstSceneWith(String field) {
        int id = 1;
        while (get(EntityType.SCENE, id).get(field) == null) {
            id++;
        }
        return id;
    }

    private boolean isPrimaryTag(int tag) {
        for (int id = 1; id <= library.count(EntityType.SCENE_MARKER); id++) {
            Map<String, Object> marker = get(EntityType.SCENE_MARKER, id);
            if (marker != null && marker.get("primary_tag").equals(tag)) {
                return true;
            }
        }
        return false;
    }
}
