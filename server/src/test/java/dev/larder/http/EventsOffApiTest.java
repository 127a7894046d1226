package dev.larder.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;

import java.io.IOException;
import java.time.Clock;

import org.junit.jupiter.api.Test;

/** Without {@code events.secret} the events endpoint refuses everything, before reading any event. */
@ServerTest
class EventsOffApiTest {

    private final Http1Client client;

    EventsOffApiTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        server.directHandlers(JsonErrors.directHandlers());
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        JsonErrors.register(routing);
        // no ingest: an endpoint that is off must never reach it
        routing.register("/api/v1/events", new EventService(null, null, Clock.systemUTC()));
    }

    @Test
    void theEndpointIsOffWithoutASecret() throws IOException {
        try (Http1ClientResponse response = client.post("/api/v1/events")
                .submit("{\"v\":1,\"type\":\"Scene\",\"op\":\"Update\",\"id\":1}")) {
            assertThat(response.status(), is(Status.FORBIDDEN_403));
            assertThat(new ObjectMapper().readTree(response.as(String.class)).get("error").asText(),
                    containsString("events endpoint is off"));
        }
    }
}
