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
import dev.larder.model.EntityType;
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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /api/v1/events} over a real socket: signed requests are applied, every refused one applies nothing. */
@ServerTest
class EventApiTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final EventSignature SIGNER = new EventSignature(TestLarders.EVENTS_SECRET, Clock.systemUTC());
    private static StashEmulator emulator;
    private static Larder larder;

    private final Http1Client client;

    EventApiTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        server.directHandlers(JsonErrors.directHandlers());
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        emulator = StashEmulator.builder().scenes(5, 100).start();
        larder = Larder.start(TestLarders.config(emulator));
        Main.routing(routing, larder);
    }

    @AfterAll
    static void stop() {
        larder.close();
        emulator.close();
    }

    @Test
    void aSignedEventIsAcceptedAndApplied() throws Exception {
        larder.sync().request(SyncMode.FULL).get(60, TimeUnit.SECONDS);
        emulator.execute("mutation{sceneUpdate(input:{id:\"7\",title:\"Pushed\"}){id}}", Map.of());
        String body = "[" + event(7) + "," + event(8) + "]";
        try (Http1ClientResponse response = signed(body, now()).submit(body)) {
            assertThat(response.status(), is(Status.ACCEPTED_202));
            assertThat(json(response).get("accepted").asInt(), is(2));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!larder.store().get(EntityType.SCENE, 7).orElseThrow().json().path("title").asText().equals("Pushed")) {
            assertThat("scene 7 applied in time", System.nanoTime() < deadline, is(true));
            Thread.sleep(20);
        }
    }

    @Test
    void aBadSignatureIsRefused() throws IOException {
        String body = event(9);
        Http1ClientRequest request = client.post("/api/v1/events")
                .header(HeaderNames.create(EventSignature.TIMESTAMP_HEADER), now())
                .header(HeaderNames.create(EventSignature.SIGNATURE_HEADER), "sha256=" + "ab".repeat(32));
        refused(request, body, 401, "bad signature");
    }

    @Test
    void aMissingSignatureIsRefused() throws IOException {
        refused(client.post("/api/v1/events"), event(9), 401, "signed request required");
    }

    @Test
    void aStaleTimestampIsRefused() throws IOException {
        String body = event(9);
        String stale = String.valueOf(System.currentTimeMillis() / 1000 - 301);
        refused(signed(body, stale), body, 401, "more than 5 minutes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{not json", "42", "{\"v\":1,\"type\":\"Scene\",\"op\":\"Update\",\"id\":0}",
            "[{\"v\":1,\"type\":\"Scene\",\"op\":\"Update\",\"id\":9},{\"v\":1,\"type\":\"Nope\",\"op\":\"Update\",\"id\":1}]"})
    void aMalformedBodyIsRefusedWhole(String body) throws IOException {
        refused(signed(body, now()), body, 400, "");
    }

    @Test
    void tooManyEventsAreRefused() throws IOException {
        StringBuilder body = new StringBuilder("[");
        for (int i = 1; i <= 1001; i++) {
            body.append(i > 1 ? "," : "").append(event(i));
        }
        String text = body.append(']').toString();
        refused(signed(text, now()), text, 400, "at most 1000 events");
    }

    @Test
    void aBodyOverOneMebibyteIsRefused() throws IOException {
        String body = "[" + event(9) + "," + " ".repeat(1 << 20) + event(10) + "]";
        refused(signed(body, now()), body, 413, "larger than");
    }

    private void refused(Http1ClientRequest request, String body, int status, String error) throws IOException {
        long before = larder.events().stats().received();
        try (Http1ClientResponse response = request.submit(body)) {
            assertThat(response.status().code(), is(status));
            String text = json(response).get("error").asText();
            assertThat(text, containsString(error));
            assertThat(text, not(containsString(TestLarders.EVENTS_SECRET)));
        }
        assertThat("nothing taken from a refused request", larder.events().stats().received(), is(before));
    }

    private Http1ClientRequest signed(String body, String timestamp) {
        return client.post("/api/v1/events")
                .header(HeaderNames.create(EventSignature.TIMESTAMP_HEADER), timestamp)
                .header(HeaderNames.create(EventSignature.SIGNATURE_HEADER),
                        SIGNER.sign(timestamp, body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String now() {
        return String.valueOf(System.currentTimeMillis() / 1000);
    }

    private static String event(int id) {
        return "{\"v\":1,\"type\":\"Scene\",\"op\":\"Update\",\"id\":" + id + ",\"fields\":[\"title\"]}";
    }

    private static JsonNode json(Http1ClientResponse response) throws IOException {
        return MAPPER.readTree(response.as(String.class));
    }
}
