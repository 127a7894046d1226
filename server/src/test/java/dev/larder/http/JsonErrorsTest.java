package dev.larder.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.BadRequestException;
import io.helidon.http.HeaderNames;
import io.helidon.http.InternalServerException;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

/** The error handlers in front of handlers that fail in each way a handler can (over a socket: Helidon answers some failures outside the routing). */
@ServerTest
class JsonErrorsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SECRET = "SELECT * FROM users WHERE api_key = 'k'";

    private final Http1Client client;

    JsonErrorsTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        server.directHandlers(JsonErrors.directHandlers());
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        JsonErrors.register(routing);
        routing.get("/bad-input", (req, res) -> {
            throw new BadRequestException("per_page must be between 1 and 1000");
        });
        routing.get("/bug", (req, res) -> {
            throw new IllegalStateException(SECRET);
        });
        routing.get("/server-error", (req, res) -> {
            throw new InternalServerException(SECRET, new RuntimeException(SECRET));
        });
        routing.get("/unconvertible", (req, res) ->
                res.send(String.valueOf(req.query().first("n").asInt().get())));
    }

    @Test
    void badInputIsA400WithItsMessage() throws IOException {
        try (Http1ClientResponse response = client.get("/bad-input").request()) {
            assertThat(response.status(), is(Status.BAD_REQUEST_400));
            assertThat(response.headers().get(HeaderNames.CONTENT_TYPE).get(), is("application/json"));
            Map<String, Object> body = json(response);
            assertThat(body, hasEntry("status", 400));
            assertThat(body, hasEntry("error", "per_page must be between 1 and 1000"));
        }
    }

    @Test
    void unexpectedExceptionIsA500WithoutItsMessage() throws IOException {
        assertInternalErrorHidesMessage("/bug");
    }

    @Test
    void serverSideHttpExceptionIsA500WithoutItsMessage() throws IOException {
        assertInternalErrorHidesMessage("/server-error");
    }

    @Test
    void unconvertibleParameterIsA400() throws IOException {
        try (Http1ClientResponse response = client.get("/unconvertible").queryParam("n", "abc").request()) {
            assertThat(response.status(), is(Status.BAD_REQUEST_400));
            assertThat(response.headers().get(HeaderNames.CONTENT_TYPE).get(), is("application/json"));
            assertThat(response.entity().as(String.class), not(containsString("abc")));
        }
    }

    private void assertInternalErrorHidesMessage(String path) throws IOException {
        try (Http1ClientResponse response = client.get(path).request()) {
            assertThat(response.status(), is(Status.INTERNAL_SERVER_ERROR_500));
            assertThat(response.headers().get(HeaderNames.CONTENT_TYPE).get(), is("application/json"));
            String body = response.entity().as(String.class);
            assertThat(body, not(containsString("users")));
            assertThat(MAPPER.readValue(body, new TypeReference<Map<String, Object>>() { }), hasEntry("status", 500));
        }
    }

    private static Map<String, Object> json(Http1ClientResponse response) throws IOException {
        return MAPPER.readValue(response.entity().inputStream(), new TypeReference<>() { });
    }
}
