package dev.larder.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.larder.Larder;
import dev.larder.TestLarders;
import dev.larder.emulator.StashEmulator;
import dev.larder.store.Store;
import dev.larder.sync.SyncMode;
import io.helidon.http.HeaderNames;
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
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sync and entity endpoints over a real socket, on a Larder syncing from a Stash emulator. */
@ServerTest
class SyncApiTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static StashEmulator emulator;
    private static Larder larder;

    private final Http1Client client;

    SyncApiTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        server.directHandlers(JsonErrors.directHandlers());
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        emulator = StashEmulator.builder().scenes(4, 400).start();
        larder = Larder.start(TestLarders.config(emulator));
        Main.routing(routing, larder);
    }

    @AfterAll
    static void stop() {
        larder.close();
        emulator.close();
    }

    @Test
    void statusListsEveryTypeWithoutAuth() throws IOException {
        try (Http1ClientResponse response = client.get("/api/v1/sync/status").request()) {
            assertThat(response.status(), is(Status.OK_200));
            JsonNode body = json(response);
            assertThat(body.get("types").size(), is(8));
            assertThat(body.get("types").get(0).get("type").asText(), is("tags"));
            assertThat(body.get("events").get("received").isIntegralNumber(), is(true));
            assertThat(body.get("events").get("subscribed").isBoolean(), is(true));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no token | | {\"mode\":\"full\"} | 401 | admin token required",
            "wrong token | Bearer wrong-token-0123456789 | {\"mode\":\"full\"} | 401 | admin token required",
            "not JSON | Bearer " + TestLarders.ADMIN_TOKEN + " | mode=full | 400 | must be JSON",
            "no mode | Bearer " + TestLarders.ADMIN_TOKEN + " | {} | 400 | mode must be one of",
            "unknown mode | Bearer " + TestLarders.ADMIN_TOKEN + " | {\"mode\":\"everything\"} | 400 | got \"everything\""})
    void badSyncRequestsAreRefusedAndChangeNothing(String name, String auth, String body, int status, String error)
            throws IOException {
        Http1ClientRequest request = client.post("/api/v1/sync");
        if (auth != null) {
            request.header(HeaderNames.AUTHORIZATION, auth);
        }
        try (Http1ClientResponse response = request.submit(body)) {
            assertThat(response.status().code(), is(status));
            assertThat(json(response).get("error").asText(), containsString(error));
        }
        assertThat(larder.sync().running() == null || larder.sync().running().apiName().equals("full"), is(true));
    }

    @Test
    void aRequestedSyncMakesEntitiesVisibleToAdmins() throws Exception {
        try (Http1ClientResponse response = admin(client.post("/api/v1/sync")).submit("{\"mode\":\"full\"}")) {
            assertThat(response.status(), is(Status.ACCEPTED_202));
            assertThat(json(response).get("queued").asText(), is("full"));
        }
        larder.sync().request(SyncMode.INCREMENTAL).get(60, TimeUnit.SECONDS);
        try (Http1ClientResponse response = admin(client.get("/api/v1/scenes/3/stored")).request()) {
            assertThat(response.status(), is(Status.OK_200));
            JsonNode body = json(response);
            assertThat(body.get("entity").get("id").asText(), is("3"));
            assertThat(body.get("syncedAt").isTextual(), is(true));
            assertThat(body.toString(), not(containsString(emulator.apiKey())));
            assertThat(body.get("entity").get("paths").get("stream").asText(), is("/scene/3/stream"));
        }
        try (Http1ClientResponse response = client.get("/api/v1/sync/status").request()) {
            JsonNode status = json(response);
            assertThat(status.get("last").get("errors").size(), is(0));
            assertThat(status.get("health").asText(), is("ok"));
            assertThat(status.get("schemaVersion").asInt(), is(Store.newestSchemaVersion()));
        }
        try (Http1ClientResponse response = client.get("/observe/metrics")
                .header(HeaderNames.ACCEPT, "text/plain").request()) {
            String metrics = response.as(String.class);
            assertThat(metrics, containsString("larder_sync_duration"));
            assertThat(metrics, containsString("larder_sync_rows"));
            assertThat(metrics, containsString("larder_sync_lag"));
        }
    }

    @Test
    void theLastRunShowsWhatItWrote() throws Exception {
        assertThat(larder.sync().request(SyncMode.FULL).get(60, TimeUnit.SECONDS).ok(), is(true));
        // the status lists every synced type; a full sync writes every entity of each
        long rows = larder.sync().status().stream().mapToLong(p -> emulator.library().count(p.type())).sum();
        try (Http1ClientResponse response = client.get("/api/v1/sync/status").request()) {
            JsonNode last = json(response).get("last");
            assertThat(last.get("mode").asText(), is("full"));
            assertThat(last.get("written").asLong(), is(rows));
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"/api/v1/scenes/abc, 400", "/api/v1/scenes/0, 400", "/api/v1/nothings/1, 404",
            "/api/v1/scenes/99999, 404", "/api/v1/gallery_chapters/1, 404"})
    void badEntityRequestsAreClearErrors(String path, int status) throws IOException {
        try (Http1ClientResponse response = admin(client.get(path)).request()) {
            assertThat(response.status().code(), is(status));
            assertThat(json(response).get("error").asText(), not(""));
        }
    }

    @Test
    void entitiesNeedTheAdminToken() throws IOException {
        try (Http1ClientResponse response = client.get("/api/v1/scenes/1").request()) {
            assertThat(response.status(), is(Status.UNAUTHORIZED_401));
        }
    }

    private static Http1ClientRequest admin(Http1ClientRequest request) {
        return request.header(HeaderNames.AUTHORIZATION, "Bearer " + TestLarders.ADMIN_TOKEN);
    }

    private static JsonNode json(Http1ClientResponse response) throws IOException {
        return MAPPER.readTree(response.entity().as(byte[].class));
    }
}
