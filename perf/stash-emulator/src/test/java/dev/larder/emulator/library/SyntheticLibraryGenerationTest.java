package dev.larder.emulator.library;

import dev.larder.emulator.graphql.SchemaFiles;
import dev.larder.model.EntityType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

class SyntheticLibraryGenerationTest {

    /** The emulator's schema: every key of a generated entity is a field of its GraphQL type. */
    private static final GraphQLSchema SCHEMA = UnExecutableSchemaGenerator.makeUnExecutableSchema(
            SchemaFiles.emulated());

    private static SyntheticLibrary library;

    @BeforeAll
    static void build() {
        library = TestLibraries.scenes(5_000);
    }

    @ParameterizedTest
    @EnumSource(EntityType.class)
    void sameSpecGivesSameEntitiesAndAnotherSeedOthers(EntityType type) {
        SyntheticLibrary again = TestLibraries.scenes(5_000);
        SyntheticLibrary other = TestLibraries.of(LibrarySpec.ofScenes(43, 5_000));
        int differing = 0;
        for (int id = 1; id <= library.count(type); id += Math.max(1, library.count(type) / 50)) {
            assertThat(again.get(type, id), equalTo(library.get(type, id)));
            if (!other.get(type, id).equals(library.get(type, id))) {
                differing++;
            }
        }
        assertThat(differing, greaterThan(0));
    }

    @ParameterizedTest
    @EnumSource(EntityType.class)
    void usesOnlyFieldNamesOfTheGraphqlType(EntityType type) {
        for (int id = 1; id <= library.count(type); id += Math.max(1, library.count(type) / 100)) {
            assertThat(library.get(type, id).keySet(), everyItem(in(fieldsOf(type.graphqlName()))));
        }
    }

    @Test
    void countsFollowTheSpec() {
        LibrarySpec spec = library.spec();
        assertThat(library.count(EntityType.SCENE), is(spec.scenes()));
        assertThat(library.count(EntityType.PERFORMER), is(spec.performers()));
        assertThat(library.count(EntityType.TAG), is(spec.tags()));
        assertThat(library.count(EntityType.STUDIO), is(spec.studios()));
        assertThat(library.count(EntityType.GROUP), is(spec.groups()));
        assertThat(library.count(EntityType.GALLERY), is(spec.galleries()));
        assertThat(library.count(EntityType.IMAGE), is(spec.images()));
        assertThat(library.count(EntityType.SCENE_MARKER), is(spec.markers()));
        assertThat(library.count(EntityType.GALLERY_CHAPTER), is(spec.galleries() / 5));
        assertThat(library.get(EntityType.SCENE, spec.scenes() + 1), nullValue());
        assertThat(library.get(EntityType.SCENE, 0), nullValue());
    }

    @Test
    void scenesHaveRealisticRelationsAndSkew() {
        int scenes = library.count(EntityType.SCENE);
        int noStudio = 0;
        int noTags = 0;
        int noGroup = 0;
        int withMarkers = 0;
        int withGallery = 0;
        int rated = 0;
        int maxTags = 0;
        Map<Integer, Integer> tagUse = new HashMap<>();
        Set<String> codecs = new HashSet<>();
        Set<Integer> heights = new HashSet<>();
        for (int id = 1; id <= scenes; id++) {
            Map<String, Object> scene = library.get(EntityType.SCENE, id);
            List<?> tags = (List<?>) scene.get("tags");
            List<?> performers = (List<?>) scene.get("performers");
            assertThat(tags.size(), lessThanOrEqualTo(20));
            assertThat(performers.size(), lessThanOrEqualTo(6));
            maxTags = Math.max(maxTags, tags.size());
            tags.forEach(t -> tagUse.merge((Integer) t, 1, Integer::sum));
            noStudio += scene.get("studio") == null ? 1 : 0;
            noTags += tags.isEmpty() ? 1 : 0;
            noGroup += ((List<?>) scene.get("groups")).isEmpty() ? 1 : 0;
            withMarkers += ((List<?>) scene.get("scene_markers")).isEmpty() ? 0 : 1;
            withGallery += ((List<?>) scene.get("galleries")).isEmpty() ? 0 : 1;
            rated += scene.get("rating100") == null ? 0 : 1;
            assertThat(((List<?>) scene.get("play_history")).size(), is(scene.get("play_count")));
            assertThat(((List<?>) scene.get("o_history")).size(), is(scene.get("o_counter")));
            Map<?, ?> file = (Map<?, ?>) ((List<?>) scene.get("files")).get(0);
            assertThat(Set.copyOf(map(file).keySet()), everyItem(in(fieldsOf("VideoFile"))));
            assertThat(file.get("size"), instanceOf(Long.class));
            assertThat((String) file.get("path"), org.hamcrest.Matchers.startsWith("/data/"));
            codecs.add((String) file.get("video_codec"));
            heights.add((Integer) file.get("height"));
            assertThat((String) scene.get("date"), anyOf(nullValue(),
                    org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d{2}-\\d{2}")));
        }
        assertThat(noStudio, allOf(greaterThan(0), lessThan(scenes / 4)));
        assertThat(noTags, allOf(greaterThan(0), lessThan(scenes / 4)));
        assertThat(noGroup, allOf(greaterThan(scenes / 2), lessThan(scenes)));
        assertThat(withMarkers, allOf(greaterThan(scenes / 20), lessThan(scenes)));
        assertThat(withGallery, allOf(greaterThan(0), lessThan(scenes / 2)));
        assertThat(rated, allOf(greaterThan(scenes / 4), lessThan(scenes)));
        assertThat(maxTags, greaterThanOrEqualTo(15));
        assertThat(codecs, is(Set.of("h264", "hevc", "av1")));
        assertThat(heights, is(Set.of(480, 720, 1080, 1440, 2160)));
        int top = tagUse.values().stream().max(Integer::compare).orElseThrow();
        double mean = tagUse.values().stream().mapToInt(Integer::intValue).average().orElseThrow();
        assertThat("Zipf: the most used tag is far above the mean", top, greaterThan((int) (mean * 5)));
    }

    @Test
    void tagHierarchyIsDeepWithSeveralParentsAndNoCycles() {
        int tags = library.count(EntityType.TAG);
        int maxDepth = 0;
        int multiParent = 0;
        for (int id = 1; id <= tags; id++) {
            List<?> parents = (List<?>) library.get(EntityType.TAG, id).get("parents");
            multiParent += parents.size() > 1 ? 1 : 0;
            maxDepth = Math.max(maxDepth, depth(id, 0));
            for (Object parent : parents) {
                assertThat(list(library.get(EntityType.TAG, (Integer) parent).get("children")), hasItem(id));
            }
        }
        assertThat(maxDepth, greaterThanOrEqualTo(3));
        assertThat(multiParent, greaterThan(0));
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static int depth(int tag, int guard) {
        assertThat("no cycle", guard, lessThan(100));
        int deepest = 0;
        for (Object parent : (List<?>) library.get(EntityType.TAG, tag).get("parents")) {
            deepest = Math.max(deepest, 1 + depth((Integer) parent, guard + 1));
        }
        return deepest;
    }

    @Test
    void studiosAndGroupsFormHierarchiesWithDerivedChildren() {
        int withParent = 0;
        for (int id = 1; id <= library.count(EntityType.STUDIO); id++) {
            Object parent = library.get(EntityType.STUDIO, id).get("parent_studio");
            if (parent != null) {
                withParent++;
                assertThat(list(library.get(EntityType.STUDIO, (Integer) parent).get("child_studios")),
                        hasItem(id));
            }
        }
        assertThat(withParent, greaterThan(0));
        int contained = 0;
        for (int id = 1; id <= library.count(EntityType.GROUP); id++) {
            for (Object raw : (List<?>) library.get(EntityType.GROUP, id).get("containing_groups")) {
                Map<?, ?> entry = (Map<?, ?>) raw;
                contained++;
                Map<String, Object> expected = new HashMap<>();
                expected.put("group", id);
                expected.put("description", entry.get("description"));
                assertThat(list(library.get(EntityType.GROUP, (Integer) entry.get("group")).get("sub_groups")),
                        hasItem(expected));
            }
        }
        assertThat(contained, greaterThan(0));
        long indexed = 0;
        for (int id = 1; id <= library.count(EntityType.SCENE); id++) {
            for (Object raw : (List<?>) library.get(EntityType.SCENE, id).get("groups")) {
                indexed += ((Map<?, ?>) raw).get("scene_index") == null ? 0 : 1;
            }
        }
        assertThat(indexed, greaterThan(0L));
    }

    @Test
    void derivedGalleryAndMarkerRelationsMatchTheirCanonicalSide() {
        Map<Integer, Integer> imagesPerGallery = new HashMap<>();
        for (int id = 1; id <= library.count(EntityType.IMAGE); id++) {
            Map<String, Object> image = library.get(EntityType.IMAGE, id);
            assertThat(map(list(image.get("visual_files")).get(0)).keySet(),
                    everyItem(in(fieldsOf("ImageFile"))));
            for (Object gallery : (List<?>) image.get("galleries")) {
                imagesPerGallery.merge((Integer) gallery, 1, Integer::sum);
            }
        }
        Map<Integer, Set<Integer>> scenesPerGallery = new HashMap<>();
        for (int id = 1; id <= library.count(EntityType.SCENE); id++) {
            for (Object gallery : (List<?>) library.get(EntityType.SCENE, id).get("galleries")) {
                scenesPerGallery.computeIfAbsent((Integer) gallery, g -> new HashSet<>()).add(id);
            }
        }
        int withChapters = 0;
        for (int id = 1; id <= library.count(EntityType.GALLERY); id++) {
            Map<String, Object> gallery = library.get(EntityType.GALLERY, id);
            assertThat(gallery.get("image_count"), is(imagesPerGallery.getOrDefault(id, 0)));
            assertThat(Set.copyOf((List<?>) gallery.get("scenes")), is(scenesPerGallery.getOrDefault(id, Set.of())));
            for (Object chapter : (List<?>) gallery.get("chapters")) {
                assertThat(library.get(EntityType.GALLERY_CHAPTER, (Integer) chapter).get("gallery"), is(id));
            }
            withChapters += ((List<?>) gallery.get("chapters")).isEmpty() ? 0 : 1;
        }
        assertThat(withChapters, allOf(greaterThan(0), lessThan(library.count(EntityType.GALLERY) / 2)));
        for (int id = 1; id <= library.count(EntityType.SCENE_MARKER); id++) {
            Map<String, Object> marker = library.get(EntityType.SCENE_MARKER, id);
            assertThat(marker.get("primary_tag"), notNullValue());
            assertThat(list(library.get(EntityType.SCENE, (Integer) marker.get("scene")).get("scene_markers")),
                    hasItem(id));
        }
    }

    @Test
    void namesAreUniqueWhereStashRequiresIt() {
        for (EntityType type : List.of(EntityType.TAG, EntityType.STUDIO, EntityType.GROUP)) {
            Set<Object> names = new HashSet<>();
            for (int id = 1; id <= library.count(type); id++) {
                assertThat(type + " " + id, names.add(library.get(type, id).get("name")), is(true));
            }
        }
        Set<String> performers = new HashSet<>();
        for (int id = 1; id <= library.count(EntityType.PERFORMER); id++) {
            Map<String, Object> performer = library.get(EntityType.PERFORMER, id);
            assertThat(performers.add(performer.get("name") + "|" + performer.get("disambiguation")), is(true));
            assertThat(performer.get("gender"), anyOf(nullValue(), in(List.of("MALE", "FEMALE",
                    "TRANSGENDER_MALE", "TRANSGENDER_FEMALE", "INTERSEX", "NON_BINARY"))));
        }
    }

    @Test
    void entitiesAreImmutableSnapshots() {
        Map<String, Object> scene = library.get(EntityType.SCENE, 1);
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> scene.put("title", "x"));
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> list(scene.get("files")).clear());
        assertThat(scene.get("title"), not(equalTo("x")));
    }

    private static Set<String> fieldsOf(String graphqlType) {
        return SCHEMA.getObjectType(graphqlType).getFieldDefinitions().stream()
                .map(GraphQLFieldDefinition::getName)
                .collect(Collectors.toSet());
    }
}
