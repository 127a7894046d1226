package dev.larder;

import dev.larder.http.Main;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.util.Map;

import dev.larder.http.JsonErrors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/** The whole server over a real socket: Larder's routing plus the observe feature configured by application-test.yaml. */
@ServerTest
class MainTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Http1Client client;

    MainTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        server.directHandlers(JsonErrors.directHandlers());
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        Main.routing(routing, ServedLarder.larder());
    }

    @Test
    void versionIsJsonWithTheBuildVersion() throws IOException {
        try (Http1ClientResponse response = client.get("/api/v1/version").request()) {
            assertThat(response.status(), is(Status.OK_200));
            assertThat(response.headers().get(HeaderNames.CONTENT_TYPE).get(), is("application/json"));
            Map<String, Object> body = json(response);
            assertThat(body, hasEntry("name", "larder"));
            assertThat(body, hasEntry("version", LarderVersion.current()));
        }
    }

    @Test
    void buildVersionIsStampedByMaven() {
        assertThat(LarderVersion.current(), matchesPattern("\\d+\\.\\d+\\.\\d+.*"));
    }

    @Test
    void healthIsUp() throws IOException {
        try (Http1ClientResponse response = client.get("/observe/health").request()) {
            assertThat(response.status(), is(Status.OK_200));
            assertThat(json(response), hasEntry("status", "UP"));
        }
    }

    @Test
    void unknownRouteIsA404InJson() throws IOException {
        try (Http1ClientResponse response = client.get("/api/v1/no-such-thing").request()) {
            assertThat(response.status(), is(Status.NOT_FOUND_404));
            assertThat(response.headers().get(HeaderNames.CONTENT_TYPE).get(), is("application/json"));
            Map<String, Object> body = json(response);
            assertThat(body, hasEntry("status", 404));
            assertThat(body, hasKey("error"));
        }
    }

    @Test
    void wrongMethodOnAKnownPathIsNotServedAsText() throws IOException {
        try (Http1ClientResponse response = client.post("/api/v1/version").submit("{}")) {
            assertThat(response.status().code() / 100, is(4));
            assertThat(response.headers().get(HeaderNames.CONTENT_TYPE).get(), is("application/json"));
            assertThat(json(response), not(hasEntry("name", "larder")));
        }
    }

    private static Map<String, Object> json(Http1ClientResponse response) throws IOException {
        return MAPPER.readValue(response.entity().inputStream(), new TypeReference<>() { });
    }
}
