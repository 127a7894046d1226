package dev.larder.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client and a keyset scan against a small Stash-like GraphQL server on loopback. */
class GraphqlHttpClientTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String KEY = "test-api-key";
    private static final int SCENES = 2_345;

    private final List<String> apiKeysSeen = new CopyOnWriteArrayList<>();
    private final List<String> encodingsAsked = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/graphql", this::graphql);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void scansEverySceneOverGzipWithTheKey() throws InterruptedException {
        PhaseResult result;
        try (GraphqlHttpClient client = new GraphqlHttpClient(endpoint(), KEY, Duration.ofSeconds(30))) {
            result = KeysetScan.run("ids", client.scenePages(SceneDocuments.IDS), 500);
        }

        assertThat(result.problem(), is(Optional.empty()));
        assertThat(result.rows(), is((long) SCENES));
        assertThat(result.pages(), is(5L));
        assertThat(result.wireBytes(), greaterThan(0L));
        assertThat(result.wireBytes(), lessThan(result.jsonBytes()));
        assertThat(apiKeysSeen, everyItem(is(KEY)));
        assertThat(encodingsAsked, everyItem(is("gzip")));
    }

    @Test
    void aStatusOtherThan200IsAFailureThatNamesIt() {
        try (GraphqlHttpClient client = new GraphqlHttpClient(endpoint(), "wrong-key", Duration.ofSeconds(30))) {
            IOException e = assertThrows(IOException.class, () -> client.scenePages(SceneDocuments.IDS).fetch(0, 10));

            assertThat(e.getMessage(), containsString("HTTP 401"));
            assertThat(e.getMessage(), not(containsString("wrong-key")));
        }
    }

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/graphql");
    }

    /** Serves scenes 1..SCENES by keyset, gzip-compressed when asked. */
    private void graphql(HttpExchange exchange) throws IOException {
        try (exchange) {
            String key = exchange.getRequestHeaders().getFirst("ApiKey");
            apiKeysSeen.add(String.valueOf(key));
            encodingsAsked.add(String.valueOf(exchange.getRequestHeaders().getFirst("Accept-Encoding")));
            if (!KEY.equals(key)) {
                byte[] body = "{\"error\":\"unauthorized\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(401, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            JsonNode variables = MAPPER.readTree(exchange.getRequestBody()).get("variables");
            long last = variables.get("last").asLong();
            int n = variables.get("n").asInt();
            StringBuilder json = new StringBuilder("{\"data\":{\"findScenes\":{\"count\":")
                    .append(SCENES - last).append(",\"scenes\":[");
            for (long id = last + 1; id <= Math.min(SCENES, last + n); id++) {
                json.append(id == last + 1 ? "" : ",").append("{\"id\":\"").append(id)
                        .append("\",\"title\":\"scene number ").append(id).append("\"}");
            }
            json.append("]}}}");
            ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
            try (OutputStream gzip = new GZIPOutputStream(gzipped)) {
                gzip.write(json.toString().getBytes(StandardCharsets.UTF_8));
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, gzipped.size());
            gzipped.writeTo(exchange.getResponseBody());
        }
    }
}
