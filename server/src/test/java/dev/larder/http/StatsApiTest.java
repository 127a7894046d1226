package dev.larder.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.larder.EntityQueries;

import dev.larder.model.query.FindFilter;
import dev.larder.TestLarders;
import dev.larder.model.stats.Breakdown;
import dev.larder.model.stats.LibraryStats;
import dev.larder.model.stats.Totals;
import dev.larder.query.QueryLibrary;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The set views and library statistics over a real socket, on the shared query library: routes (the specific ones
 * before {@code /{type}/{id}}), bodies that reuse a query body's parts, answers equal to the Java API's, and bad
 * input refused with a 400 naming its path.
 */
@ServerTest
class StatsApiTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TAG_3 = "{\"value\":[\"3\"],\"modifier\":\"INCLUDES\"}";

    private final Http1Client client;

    StatsApiTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        server.directHandlers(JsonErrors.directHandlers());
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        Main.routing(routing, QueryLibrary.larder());
    }

    @Test
    void issue9_libraryStatsHaveStashsFieldsAndValues() throws IOException {
        LibraryStats expected = QueryLibrary.larder().stats();
        JsonNode stats;
        String etag;
        try (Http1ClientResponse response = admin(client.get("/api/v1/stats")).request()) {
            assertThat(response.status(), is(Status.OK_200));
            etag = response.headers().first(HeaderNames.ETAG).orElseThrow();
            stats = json(response);
        }
        List<String> fields = new ArrayList<>();
        stats.fieldNames().forEachRemaining(fields::add);
        assertThat(fields, contains("scene_count", "scenes_size", "scenes_duration", "image_count", "images_size",
                "gallery_count", "performer_count", "studio_count", "group_count", "movie_count", "tag_count",
                "total_o_count", "total_play_duration", "total_play_count", "scenes_played"));
        assertThat(stats.get("scene_count").asLong(), is(expected.sceneCount()));
        assertThat(stats.get("scenes_size").asDouble(), is(expected.scenesSize()));
        assertThat(stats.get("total_o_count").asLong(), is(expected.totalOCount()));
        assertThat(stats.get("movie_count").asLong(), is(expected.groupCount()));
        try (Http1ClientResponse response = admin(client.get("/api/v1/stats"))
                .header(HeaderNames.IF_NONE_MATCH, etag).request()) {
            assertThat(response.status(), is(Status.NOT_MODIFIED_304));
        }
        try (Http1ClientResponse response = client.get("/api/v1/stats").request()) {
            assertThat(response.status(), is(Status.UNAUTHORIZED_401));
        }
    }

    @Test
    void issue9_randomIsARouteNotAnId() throws IOException {
        try (Http1ClientResponse response = request(Method.GET, "/api/v1/scenes/random?count=12").request()) {
            assertThat(response.status(), is(Status.OK_200));
            JsonNode body = json(response);
            assertThat(body.get("count").asLong(), is((long) QueryLibrary.SCENES));
            assertThat(ids(body.get("items")).size(), is(12));
        }
        try (Http1ClientResponse response = admin(client.get("/api/v1/scenes/random")).request()) {
            assertThat(json(response).get("items").size(), is(1));
        }
    }

    @Test
    void issue9_randomPostTakesTheTypesFilter() throws IOException {
        EntityQueries scenes = QueryLibrary.larder().scenes();
        Set<String> members = new HashSet<>(ids(MAPPER.readTree(QueryService.page(scenes.find(
                new FindFilter(null, 1, 1000, null, null),
                scenes.filter("{\"tags\":" + TAG_3 + "}")))).get("items")));
        JsonNode body = post("/api/v1/scenes/random", "{\"scene_filter\":{\"tags\":" + TAG_3 + "},\"count\":5}");
        assertThat(body.get("count").asLong(), is((long) members.size()));
        assertThat(ids(body.get("items")), everyItem(is(in(members))));
        assertThat(ids(body.get("items")).size(), is(5));
    }

    @Test
    void issue9_totalsAnswerTheCountAndEachMeasure() throws IOException {
        EntityQueries scenes = QueryLibrary.larder().scenes();
        Totals expected = scenes.totals(scenes.filter("{\"tags\":" + TAG_3 + "}"), null);
        JsonNode body = post("/api/v1/scenes/stats", "{\"scene_filter\":{\"tags\":" + TAG_3 + "}}");
        assertThat(body.get("count").asLong(), is(expected.count()));
        assertThat(body.get("size").asLong(), is(expected.sums().get("size").longValue()));
        assertThat(body.get("play_duration").asDouble(), is(expected.sums().get("play_duration").doubleValue()));
        assertThat(post("/api/v1/scenes/stats", "").get("count").asLong(), is((long) QueryLibrary.SCENES));
    }

    @Test
    void issue9_facetsAnswerEntitiesByIdAndNameAndBucketsByValue() throws IOException {
        EntityQueries scenes = QueryLibrary.larder().scenes();
        Breakdown tags = scenes.facets(null, "a", List.of("tags"), 3).breakdowns().get(0);
        JsonNode body = post("/api/v1/scenes/facets",
                "{\"filter\":{\"q\":\"a\",\"per_page\":5},\"facets\":[\"tags\",\"resolution\"],\"limit\":3}");
        assertThat(body.get("count").asLong(), is(scenes.count(null, "a")));
        JsonNode first = body.get("facets").get("tags").get(0);
        assertThat(first.get("id").asText(), is(tags.entries().get(0).value()));
        assertThat(first.get("name").asText(), is(tags.entries().get(0).name()));
        assertThat(first.get("count").asLong(), is(tags.entries().get(0).count()));
        assertThat(body.get("facets").get("resolution").get(0).has("value"), is(true));
        assertThat(body.get("facets").get("resolution").get(0).has("id"), is(false));
        assertThat(body.get("facets").get("tags").size(), is(3));
    }

    @Test
    void issue9_topListsNestFacetThenMeasure() throws IOException {
        JsonNode body = post("/api/v1/scenes/top", "{\"of\":[\"performers\"],\"by\":[\"play_count\"],\"limit\":2}");
        JsonNode list = body.get("top").get("performers").get("play_count");
        assertThat(list.size(), is(2));
        assertThat(list.get(0).get("play_count").asLong() >= list.get(1).get("play_count").asLong(), is(true));
        assertThat(list.get(0).has("o_counter"), is(true));
        Breakdown expected = QueryLibrary.larder().scenes().top(null, null, List.of("performers"),
                List.of("play_count"), 2).breakdowns().get(0);
        assertThat(list.get(0).get("id").asText(), is(expected.entries().get(0).value()));
    }

    @Test
    void issue9_datesAnswerPeriodsOldestFirst() throws IOException {
        JsonNode body = post("/api/v1/scenes/dates", "{\"field\":\"created_at\",\"interval\":\"month\"}");
        assertThat(body.get("field").asText(), is("created_at"));
        assertThat(body.get("interval").asText(), is("month"));
        long sum = body.get("undated").asLong();
        String previous = "";
        for (JsonNode bucket : body.get("buckets")) {
            assertThat(bucket.get("period").asText().compareTo(previous) > 0, is(true));
            previous = bucket.get("period").asText();
            sum += bucket.get("count").asLong();
        }
        assertThat(sum, is(body.get("count").asLong()));
    }

    @Test
    void issue9_theRemovedListAnswersEvenWhenEmpty() throws IOException {
        try (Http1ClientResponse response = request(Method.GET,
                "/api/v1/scenes/removed?since=2020-01-01T00:00:00Z&limit=10").request()) {
            assertThat(response.status(), is(Status.OK_200));
            JsonNode body = json(response);
            assertThat(body.get("count").asLong(), is(0L));
            assertThat(body.get("items").size(), is(0));
            assertThat(body.get("next").isNull(), is(true));
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "GET | /api/v1/scenes/random?count=0 | | count",
            "GET | /api/v1/scenes/random?count=1000 | | count",
            "GET | /api/v1/scenes/random?count=many | | count",
            "GET | /api/v1/scenes/random?colour=red | | colour",
            "POST | /api/v1/scenes/random | {\"count\":1000} | count",
            "POST | /api/v1/scenes/random | {\"count\":\"twelve\"} | count",
            "POST | /api/v1/scenes/random | {\"cursor\":\"x\"} | cursor",
            "POST | /api/v1/scenes/facets | {\"facets\":[\"tags\",\"colour\"]} | facets[1]",
            "POST | /api/v1/scenes/facets | {\"facets\":[\"tags\",3]} | facets[1]",
            "POST | /api/v1/scenes/facets | {\"limit\":500} | limit",
            "POST | /api/v1/scenes/facets | {\"colour\":1} | colour",
            "POST | /api/v1/scenes/top | {\"by\":[\"likes\"]} | by[0]",
            "POST | /api/v1/scenes/top | {\"of\":[\"nothing\"]} | of[0]",
            "POST | /api/v1/scenes/dates | {\"interval\":\"week\"} | interval",
            "POST | /api/v1/scenes/dates | {\"field\":\"birthdate\"} | field",
            "POST | /api/v1/scenes/stats | {\"scene_filter\":{\"ratingg\":1}} | scene_filter.ratingg",
            "POST | /api/v1/scenes/stats | {\"filter\":{\"q\":5}} | filter.q",
            "GET | /api/v1/scenes/removed?since=yesterday | | since",
            "GET | /api/v1/scenes/removed?limit=0 | | limit",
            "GET | /api/v1/scenes/removed?after=3 | | after"})
    void issue9_badInputIsA400NamingItsPath(String method, String path, String body, String at) throws IOException {
        Http1ClientRequest request = request(Method.create(method), path);
        try (Http1ClientResponse response = body == null ? request.request() : request.submit(body)) {
            assertThat(response.status(), is(Status.BAD_REQUEST_400));
            JsonNode error = json(response);
            assertThat(error.toString(), error.get("path").asText(), is(at));
            assertThat(error.get("error").asText(), containsString(at.replaceAll("\\[.*", "")));
        }
    }

    @Test
    void issue9_anUnknownTypeIsA404() throws IOException {
        try (Http1ClientResponse response = admin(client.get("/api/v1/nothings/random")).request()) {
            assertThat(response.status(), is(Status.NOT_FOUND_404));
        }
    }

    private JsonNode post(String path, String body) throws IOException {
        try (Http1ClientResponse response = admin(client.post(path)).submit(body)) {
            assertThat(response.status(), is(Status.OK_200));
            return json(response);
        }
    }

    /** @return an admin's request, the query string of {@code target} as parameters */
    private Http1ClientRequest request(Method method, String target) {
        int query = target.indexOf('?');
        Http1ClientRequest request = admin(client.method(method).path(query < 0 ? target
                : target.substring(0, query)));
        if (query >= 0) {
            for (String parameter : target.substring(query + 1).split("&")) {
                int equals = parameter.indexOf('=');
                request.queryParam(parameter.substring(0, equals), parameter.substring(equals + 1));
            }
        }
        return request;
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asText()));
        assertThat(new HashSet<>(ids).size(), is(ids.size()));
        return ids;
    }

    private static Http1ClientRequest admin(Http1ClientRequest request) {
        return request.header(HeaderNames.AUTHORIZATION, "Bearer " + TestLarders.ADMIN_TOKEN);
    }

    private static JsonNode json(Http1ClientResponse response) throws IOException {
        return MAPPER.readTree(response.entity().as(byte[].class));
    }
}
