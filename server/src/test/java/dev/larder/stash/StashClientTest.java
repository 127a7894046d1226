package dev.larder.stash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.larder.emulator.StashEmulator;
import dev.larder.model.EntityType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The client against the Stash emulator: documents, paging, probes, look-ups and faults. */
class StashClientTest {

    private static final int SCENES = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static StashEmulator emulator;
    private static StashClient client;

    @BeforeAll
    static void start() {
        emulator = StashEmulator.builder().scenes(7, SCENES).start();
        client = clientWith(emulator.apiKey(), 8);
    }

    static StashClient clientWith(String key, int attempts) {
        return StashClient.builder(URI.create(emulator.graphqlUrl())).apiKey(key).maxAttempts(attempts)
                .backoff(new Backoff(Duration.ofMillis(5), Duration.ofMillis(50))).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.close();
    }

    @AfterEach
    void clearFaults() {
        emulator.faults().clear();
    }

    // ---- every sync document runs ----

    static Stream<Arguments> documents() {
        return LarderDocuments.sync().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void everySyncDocumentRunsWithoutErrors(String name, SyncDocuments.Document document) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("query", document.query());
        body.put("variables", document.variables());
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(emulator.graphqlUrl())).header("ApiKey", emulator.apiKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.body(), response.statusCode(), is(200));
        List<String> errors = new ArrayList<>();
        JSON.readTree(response.body()).path("errors").forEach(e -> errors.add(e.path("message").asText()));
        assertThat(errors, is(empty()));
    }

    @Test
    void subscriptionDocumentsAreValid() {
        StashSubscriptions.DOCUMENTS.values().forEach(document ->
                assertThat(document, emulator.execute(document, Map.of()).getErrors(), is(empty())));
    }

    // ---- paging ----

    @ParameterizedTest
    @MethodSource("listedTypes")
    void walkSeesEveryIdOnceAndAgreesWithCount(EntityType type) {
        Set<Integer> ids = new HashSet<>();
        List<Integer> duplicates = new ArrayList<>();
        int rows = client.walk(type, PageRequest.first(type, 250), e -> {
            if (!ids.add(e.get("id").asInt())) {
                duplicates.add(e.get("id").asInt());
            }
        });
        assertThat(duplicates, is(empty()));
        assertThat(rows, is(ids.size()));
        assertThat(ids.size(), is(client.count(type)));
        assertThat(ids.size(), is(emulator.library().count(type)));
        assertThat(ids.size(), greaterThan(0));
    }

    static Stream<EntityType> listedTypes() {
        return SyncDocuments.LISTED.stream();
    }

    @ParameterizedTest
    @MethodSource("listedTypes")
    void aClampedStashIsWalkedToTheEndByCount(EntityType type) {
        emulator.faults().perPageClamp(100);
        Set<Integer> ids = new TreeSet<>();
        client.walk(type, PageRequest.first(type, 1000).fields(FieldSet.IDS), e -> ids.add(e.get("id").asInt()));
        assertThat(ids.size(), is(emulator.library().count(type)));
    }

    @Test
    void idsOnlyPagesCarryOnlyIds() {
        List<ObjectNode> rows = new ArrayList<>();
        client.page(EntityType.IMAGE, PageRequest.first(EntityType.IMAGE, 5).fields(FieldSet.IDS), rows::add);
        assertThat(rows, hasSize(5));
        rows.forEach(r -> assertThat(r.size(), is(1)));
    }

    @Test
    void counterListingCarriesTheCounters() {
        List<ObjectNode> rows = new ArrayList<>();
        client.page(EntityType.SCENE, PageRequest.first(EntityType.SCENE, 5).fields(FieldSet.COUNTERS), rows::add);
        assertThat(rows, hasSize(5));
        List<String> names = new ArrayList<>();
        rows.get(0).fieldNames().forEachRemaining(names::add);
        assertThat(names, is(List.of("id", "resume_time", "play_duration", "play_count", "o_counter",
                "last_played_at")));
    }

    @Test
    void rangeCountsMatchTheLibrary() {
        int all = client.countIdRange(EntityType.GALLERY, 1, Integer.MAX_VALUE);
        assertThat(all, is(emulator.library().count(EntityType.GALLERY)));
        assertThat(client.countIdRange(EntityType.SCENE, 11, 20), is(10));
        assertThrows(IllegalArgumentException.class, () -> client.countIdRange(EntityType.TAG, 1, 2));
    }

    @Test
    void updatedAfterFindsExactlyWhatWasChanged() {
        Map<EntityType, String> watermarks = new LinkedHashMap<>();
        for (EntityType type : List.of(EntityType.SCENE, EntityType.TAG, EntityType.IMAGE, EntityType.PERFORMER)) {
            String[] max = {""};
            client.walk(type, PageRequest.first(type, 1000), e -> {
                String updated = e.get("updated_at").asText();
                max[0] = updated.compareTo(max[0]) > 0 ? updated : max[0];
            });
            watermarks.put(type, max[0]);
        }
        run("mutation{sceneUpdate(input:{id:\"5\",title:\"x\"}){id}}");
        run("mutation{sceneUpdate(input:{id:\"1500\",rating100:40}){id}}");
        run("mutation{tagUpdate(input:{id:\"3\",description:\"y\"}){id}}");
        run("mutation{imageUpdate(input:{id:\"77\",title:\"z\"}){id}}");
        Map<EntityType, Set<Integer>> expected = Map.of(EntityType.SCENE, Set.of(5, 1500), EntityType.TAG, Set.of(3),
                EntityType.IMAGE, Set.of(77), EntityType.PERFORMER, Set.of());
        watermarks.forEach((type, watermark) -> {
            Set<Integer> seen = new TreeSet<>();
            client.walk(type, PageRequest.first(type, 1).updatedAfter(watermark), e -> seen.add(e.get("id").asInt()));
            assertThat(type.toString(), seen, is(expected.get(type)));
        });
    }

    private static void run(String mutation) {
        assertThat(mutation, emulator.execute(mutation, Map.of()).getErrors(), is(empty()));
    }

    // ---- probes and look-ups ----

    @ParameterizedTest
    @MethodSource("listedTypes")
    void probesReportDestroyedIdsAndOnlyThose(EntityType type) {
        List<Integer> live = new ArrayList<>();
        client.walk(type, PageRequest.first(type, 500).fields(FieldSet.IDS), e -> live.add(e.get("id").asInt()));
        List<Integer> destroyed = List.of(live.get(1), live.get(live.size() / 2), live.getLast());
        destroyed.forEach(id -> assertThat(emulator.library().destroy(type, id), is(true)));
        List<Integer> probe = new ArrayList<>(live.subList(0, Math.min(live.size(), 250)));
        probe.addAll(destroyed);
        probe.add(live.getLast() + 1000);
        Set<Integer> expected = new TreeSet<>(destroyed);
        expected.add(live.getLast() + 1000);
        assertThat(client.missing(type, probe), is(expected));

        List<ObjectNode> fetched = new ArrayList<>();
        Set<Integer> absent = client.fetchByIds(type, probe, fetched::add);
        assertThat(absent, is(expected));
        Set<Integer> fetchedIds = new TreeSet<>();
        fetched.forEach(e -> fetchedIds.add(e.get("id").asInt()));
        Set<Integer> present = new TreeSet<>(probe);
        present.removeAll(expected);
        assertThat(fetchedIds, is(present));
    }

    @Test
    void lookUpsHaveTheShapeOfPages() {
        List<ObjectNode> page = new ArrayList<>();
        client.page(EntityType.SCENE, PageRequest.first(EntityType.SCENE, 3), page::add);
        List<ObjectNode> byId = new ArrayList<>();
        client.fetchByIds(EntityType.SCENE, page.stream().map(e -> e.get("id").asInt()).toList(), byId::add);
        assertThat(byId, is(page));
    }

    // ---- server facts ----

    @Test
    void statsVersionStatusAndJobs() {
        Map<EntityType, Integer> stats = client.stats();
        stats.forEach((type, n) -> assertThat(type.toString(), n, is(emulator.library().count(type))));
        assertThat(stats.keySet(), not(Set.of()));
        assertThat(client.version(), not(""));
        assertThat(client.systemStatus().path("status").asText(), is("OK"));
        assertThat(client.jobQueue(), is(empty()));
    }

    // ---- faults ----

    @Test
    void aShareOf500sIsRetriedToSuccess() {
        emulator.faults().errorShare(0.3);
        Set<Integer> ids = new HashSet<>();
        client.walk(EntityType.SCENE, PageRequest.first(EntityType.SCENE, 100).fields(FieldSet.IDS),
                e -> ids.add(e.get("id").asInt()));
        assertThat(ids.size(), is(emulator.library().count(EntityType.SCENE)));
    }

    @Test
    void latencyOnlySlowsDown() {
        emulator.faults().latency(Duration.ofMillis(30));
        assertThat(client.count(EntityType.STUDIO), is(emulator.library().count(EntityType.STUDIO)));
    }

    @Test
    void theGetAllLimitNeverTriggers() {
        emulator.faults().getAllLimit(0);
        for (EntityType type : SyncDocuments.LISTED) {
            int[] rows = {0};
            client.walk(type, PageRequest.first(type, 700).fields(FieldSet.IDS), e -> rows[0]++);
            assertThat(rows[0], is(emulator.library().count(type)));
        }
    }

    @Test
    void everyRequestFailingEndsAsUnavailable() {
        emulator.faults().errorShare(1);
        StashException e = assertThrows(StashException.class, () -> client.count(EntityType.TAG));
        assertThat(e.reason(), is(StashException.Reason.UNAVAILABLE));
        assertThat(e.httpStatus(), is(500));
    }

    @Test
    void aWrongKeyIsRefusedWithoutLeakingEitherKey() {
        String wrong = "wrong-key-0123456789";
        try (StashClient bad = clientWith(wrong, 3)) {
            StashException e = assertThrows(StashException.class, bad::version);
            assertThat(e.reason(), is(StashException.Reason.UNAUTHORIZED));
            assertThat(e.httpStatus(), is(401));
            assertThat(e.getMessage(), not(containsString(wrong)));
            assertThat(bad.toString(), not(containsString(wrong)));
        }
        assertThat(client.toString(), not(containsString(emulator.apiKey())));
    }

    // ---- streaming ----

    @Test
    void aPageOfAThousandFullScenesStreams() {
        client.page(EntityType.SCENE, PageRequest.first(EntityType.SCENE, 1000), e -> { });
        long start = System.nanoTime();
        int[] files = {0};
        PageResult result = client.page(EntityType.SCENE, PageRequest.first(EntityType.SCENE, 1000),
                e -> files[0] += e.path("files").size());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(result.rows(), is(1000));
        assertThat(result.lastId(), is(1000));
        assertThat(files[0], greaterThan(0));
        System.out.printf("1,000 full scenes in %.0f ms: %.0f rows/s (emulator and client on one machine)%n",
                seconds * 1000, 1000 / seconds);
    }

    @Test
    void sceneFieldsComeInTheFragmentsShape() {
        List<ObjectNode> rows = new ArrayList<>();
        client.page(EntityType.SCENE, PageRequest.first(EntityType.SCENE, 50), rows::add);
        JsonNode scene = rows.stream().filter(r -> !r.path("tags").isEmpty()).findFirst().orElseThrow();
        for (String field : List.of("id", "title", "files", "paths", "tags", "performers", "stash_ids", "groups")) {
            assertThat(field, scene.has(field), is(true));
        }
        assertThat(scene.path("paths").path("stream").asText(), containsString("apikey="));
        assertThat(MediaUrls.toPath(scene.path("paths").path("stream").asText()),
                not(containsString(emulator.apiKey())));
        List<String> tagFields = new ArrayList<>();
        scene.path("tags").forEach(tag -> tag.fieldNames().forEachRemaining(tagFields::add));
        assertThat(tagFields, everyItem(is("id")));
    }
}
