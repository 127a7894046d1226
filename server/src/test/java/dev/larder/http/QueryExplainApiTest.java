package dev.larder.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.larder.ServedLarder;
import dev.larder.TestLarders;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/{type}/query/explain}: the statements of a query, for admins only. */
@ServerTest
class QueryExplainApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BODY = "{\"filter\":{\"per_page\":0},\"scene_filter\":{\"rating100\":"
            + "{\"value\":20,\"modifier\":\"GREATER_THAN\"}}}";

    private final Http1Client client;

    QueryExplainApiTest(Http1Client client) {
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
    void anAdminGetsTheStatementsWithTheirParameters() throws IOException {
        JsonNode body;
        try (Http1ClientResponse response = client.post("/api/v1/scenes/query/explain")
                .header(HeaderNames.AUTHORIZATION, "Bearer " + TestLarders.ADMIN_TOKEN).submit(BODY)) {
            assertThat(response.status(), is(Status.OK_200));
            body = JSON.readTree(response.entity().as(String.class));
        }
        List<String> roles = new ArrayList<>();
        body.get("statements").forEach(s -> roles.add(s.get("role").asText()));
        assertThat(roles, contains("count"));
        JsonNode count = body.get("statements").get(0);
        assertThat(count.get("sql").asText(), startsWith("SELECT count(*) FROM scenes t WHERE "));
        assertThat(count.get("params").get(0).asInt(), is(20));
    }

    @Test
    void othersAreRefused() {
        try (Http1ClientResponse response = client.post("/api/v1/scenes/query/explain").submit(BODY)) {
            assertThat(response.status(), is(Status.UNAUTHORIZED_401));
        }
    }
}
