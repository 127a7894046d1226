package dev.larder.emulator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import dev.larder.model.EntityType;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Stash's query semantics as Larder relies on them (STASH.md a.2-a.4, b.1), checked over HTTP. */
class QueryContractTest {

    private static final int SCENES = 2000;
    private static StashEmulator emulator;
    private static GraphqlHttp http;

    @BeforeAll
    static void start() {
        emulator = StashEmulator.builder().scenes(7, SCENES).start();
        http = new GraphqlHttp(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void aDocumentWithAFieldStashLacksIsRejectedWith422() {
        GraphqlHttp.Response r = http.post("{ findScenes { count scenes { id no_such_field } } }");
        assertThat(r.status(), is(422));
        assertThat(r.firstError(), containsString("FieldUndefined"));
        assertThat(r.firstError(), containsString("no_such_field"));
        assertThat(r.body().has("data"), is(false));
    }

    @Test
    void theFullSyncPageOfStashMdValidatesAndResolves() {
        JsonNode data = http.data("""
                query($n:Int!){ findScenes(filter:{page:1,per_page:$n,sort:"id",direction:ASC}){ count scenes{
                  id title code details director urls date rating100 organized o_counter interactive interactive_speed
                  resume_time play_duration play_count last_played_at created_at updated_at
                  files{id path size duration width height video_codec audio_codec frame_rate bit_rate
                        fingerprints{type value}}
                  paths{screenshot preview stream webp vtt sprite funscript caption interactive_heatmap}
                  captions{language_code caption_type} studio{id} performers{id} tags{id} galleries{id}
                  groups{group{id} scene_index} scene_markers{id} stash_ids{endpoint stash_id updated_at} } } }""",
                Map.of("n", 1000));
        JsonNode scenes = data.get("findScenes").get("scenes");
        assertThat(scenes.size(), is(1000));
        assertThat(data.get("findScenes").get("count").asInt(), is(SCENES));
        JsonNode first = scenes.get(0);
        assertThat(first.get("id").asText(), is("1"));
        assertThat(first.get("paths").get("screenshot").asText(), startsWith(emulator.baseUrl() + "/scene/1/screenshot?"));
        assertThat(first.get("paths").get("stream").asText(), containsString("apikey="));
    }

    @ParameterizedTest(name = "per_page {0}, page {1} -> {2} rows")
    @CsvSource({"25, 1, 25", "25, 0, 25", "25, -3, 25", "0, 1, 0", "-1, 1, " + SCENES, "-5, 1, " + SCENES,
            "1000, 2, 1000", "1000, 3, 0", "300, 7, 200"})
    void pagesFollowStashRules(int perPage, int page, int rows) {
        JsonNode result = http.data("query($p:Int,$n:Int){findScenes(filter:{page:$p,per_page:$n,sort:\"id\"})"
                + "{count scenes{id}}}", Map.of("p", page, "n", perPage)).get("findScenes");
        assertThat(result.get("count").asInt(), is(SCENES));
        assertThat(result.get("scenes").size(), is(rows));
    }

    @Test
    void theDefaultPageSizeIs25() {
        JsonNode result = http.data("{findScenes{count scenes{id}}}").get("findScenes");
        assertThat(result.get("scenes").size(), is(25));
    }

    @Test
    void keysetPagingByIdVisitsEveryIdOnceInOrder() {
        List<Integer> seen = new ArrayList<>();
        int last = 0;
        while (true) {
            JsonNode page = http.data("query($last:Int!){findScenes(scene_filter:{id:{modifier:GREATER_THAN,"
                    + "value:$last}},filter:{per_page:333,sort:\"id\",direction:ASC}){count scenes{id}}}",
                    Map.of("last", last)).get("findScenes").get("scenes");
            for (JsonNode s : page) {
                int id = s.get("id").asInt();
                assertThat(id, greaterThan(last));
                seen.add(id);
                last = id;
            }
            if (page.size() < 333) {
                break;
            }
        }
        assertThat(seen, hasSize(SCENES));
        assertThat(new HashSet<>(seen).size(), is(SCENES));
    }

    @Test
    void idsReturnExactlyThoseInTheGivenOrder() {
        JsonNode result = http.data("{findScenes(ids:[\"30\",\"4\",\"17\"]){count scenes{id}}}").get("findScenes");
        assertThat(result.get("count").asInt(), is(3));
        assertThat(result.get("scenes").get(0).get("id").asText(), is("30"));
        assertThat(result.get("scenes").get(1).get("id").asText(), is("4"));
    }

    @Test
    void aMissingIdFailsTheWholeQueryAsInStash() {
        GraphqlHttp.Response r = http.post("{findScenes(ids:[\"1\",\"" + (SCENES + 50) + "\"]){count scenes{id}}}");
        assertThat(r.firstError(), is("scene with id " + (SCENES + 50) + " not found"));
    }

    @Test
    void duplicateIdsAreRefused() {
        assertThat(http.post("{findScenes(ids:[\"1\",\"1\"]){count}}").firstError(), startsWith("validating ids"));
    }

    @Test
    void aSingleLookupOfAMissingIdIsNullWithoutError() {
        GraphqlHttp.Response r = http.post("{findScene(id:\"" + (SCENES + 1) + "\"){id} findTag(id:\"1\"){id}}");
        assertThat(r.body().has("errors"), is(false));
        assertThat(r.data().get("findScene").isNull(), is(true));
        assertThat(r.data().get("findTag").get("id").asText(), is("1"));
    }

    @Test
    void sceneStreamsCarryTheApiKeyAsInStash() {
        JsonNode streams = http.data("{sceneStreams(id:\"3\"){url mime_type label}}").get("sceneStreams");
        assertThat(streams.size(), greaterThan(1));
        assertThat(streams.get(0).get("url").asText(), startsWith(emulator.baseUrl() + "/scene/3/stream?apikey="));
        assertThat(http.post("{sceneStreams(id:\"999999\"){url}}").firstError(), is("scene with id 999999 not found"));
    }

    @Test
    void countsAgreeWithStats() {
        JsonNode stats = http.data("{stats{scene_count performer_count tag_count studio_count group_count "
                + "gallery_count image_count}}").get("stats");
        assertThat(stats.get("scene_count").asInt(), is(SCENES));
        assertThat(stats.get("performer_count").asInt(), is(emulator.library().count(EntityType.PERFORMER)));
        assertThat(stats.get("image_count").asInt(), is(emulator.library().count(EntityType.IMAGE)));
        JsonNode tags = http.data("{findTags(filter:{per_page:0}){count tags{id}}}").get("findTags");
        assertThat(tags.get("count").asInt(), is(stats.get("tag_count").asInt()));
        assertThat(tags.get("tags").size(), is(0));
    }

    /** Stash compares timestamp criteria as text (STASH.md b.1), so a bound in another offset is not an instant. */
    @Test
    void timestampCriteriaCompareAsText() {
        String stored = (String) emulator.library().get(EntityType.SCENE, 1500).get("updated_at");
        String minutes = stored.substring(0, 16);
        String utc = OffsetDateTime.parse(stored).withOffsetSameInstant(ZoneOffset.UTC).toString();
        for (String bound : List.of(stored, minutes, utc)) {
            int expected = countScenes(u -> u.compareTo(bound) > 0);
            int actual = http.data("query($v:String!){findScenes(scene_filter:{updated_at:{modifier:GREATER_THAN,"
                    + "value:$v}},filter:{per_page:0}){count}}", Map.of("v", bound)).get("findScenes")
                    .get("count").asInt();
            assertThat("bound " + bound, actual, is(expected));
        }
        assertThat(stored, not(containsString("Z")));
    }

    @Test
    void lastPlayedAtComparesWithTheUtcTextOfPlays() {
        String bound = "2025-06-01T00:00:00Z";
        int expected = 0;
        for (int id = 1; id <= SCENES; id++) {
            Object played = emulator.library().get(EntityType.SCENE, id).get("last_played_at");
            if (played != null && ((String) played).compareTo(bound) > 0) {
                expected++;
            }
        }
        assertThat(expected, greaterThan(0));
        int actual = http.data("query($v:String!){findScenes(scene_filter:{last_played_at:{modifier:GREATER_THAN,"
                + "value:$v}},filter:{per_page:0}){count}}", Map.of("v", bound)).get("findScenes").get("count").asInt();
        assertThat(actual, is(expected));
    }

    @Test
    void scenesSortByTheirLatestO() {
        JsonNode scenes = http.data("{findScenes(filter:{per_page:40,sort:\"last_o_at\",direction:DESC})"
                + "{scenes{o_history}}}").get("findScenes").get("scenes");
        String previous = null;
        for (JsonNode scene : scenes) {
            String latest = null;
            for (JsonNode time : scene.get("o_history")) {
                latest = latest == null || time.asText().compareTo(latest) > 0 ? time.asText() : latest;
            }
            if (previous != null && latest != null) {
                assertThat(latest.compareTo(previous) <= 0, is(true));
            }
            previous = latest == null ? previous : latest;
        }
        assertThat(scenes.get(0).get("o_history").size(), greaterThan(0));
    }

    @Test
    void randomOrderIsStableAcrossPagesForOneSeed() {
        String query = "query($p:Int!){findScenes(filter:{page:$p,per_page:50,sort:\"random_4242\"}){scenes{id}}}";
        Set<String> first = ids(http.data(query, Map.of("p", 1)));
        Set<String> second = ids(http.data(query, Map.of("p", 2)));
        assertThat(ids(http.data(query, Map.of("p", 1))), is(first));
        first.retainAll(second);
        assertThat(first, is(empty()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"no_such_sort", "random_notanumber"})
    void anUnknownSortIsStashsError(String sort) {
        GraphqlHttp.Response r = http.post("query($s:String){findScenes(filter:{sort:$s}){count}}", Map.of("s", sort));
        assertThat(r.firstError(), is("invalid sort: " + sort));
    }

    @Test
    void aCriterionTheEmulatorDoesNotImplementFailsValidationByName() {
        GraphqlHttp.Response r = http.post("{findScenes(scene_filter:{organized:true}){count}}");
        assertThat(r.status(), is(422));
        assertThat(r.firstError(), containsString("'SceneFilterType': 'organized'"));
    }

    @Test
    void aFieldTheEmulatorDoesNotServeFailsValidationByName() {
        GraphqlHttp.Response r = http.post("{findPerformers{performers{id scene_count}}}");
        assertThat(r.status(), is(422));
        assertThat(r.firstError(), containsString("scene_count"));
    }

    @Test
    void relationsCanBeFollowed() {
        JsonNode scenes = http.data("{findScenes(filter:{per_page:200,sort:\"id\"}){scenes{id tags{id name} "
                + "studio{id name parent_studio{id}} performers{id name}}}}").get("findScenes").get("scenes");
        List<String> names = new ArrayList<>();
        for (JsonNode s : scenes) {
            s.get("tags").forEach(t -> names.add(t.get("name").asText()));
        }
        assertThat(names, not(empty()));
        assertThat(names, everyItem(not(nullValue())));
    }

    private static Set<String> ids(JsonNode data) {
        Set<String> ids = new HashSet<>();
        data.get("findScenes").get("scenes").forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }

    private static int countScenes(Predicate<String> updatedAt) {
        int n = 0;
        for (int id = 1; id <= SCENES; id++) {
            if (updatedAt.test((String) emulator.library().get(EntityType.SCENE, id).get("updated_at"))) {
                n++;
            }
        }
        return n;
    }
}
