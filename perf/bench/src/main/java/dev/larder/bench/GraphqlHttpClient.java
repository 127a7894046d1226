package dev.larder.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Posts GraphQL documents to a Stash-like {@code /graphql} endpoint the way Larder will: header {@code ApiKey},
 * {@code Accept-Encoding: gzip} (decompressed here), one HTTP/1.1 connection reused. The API key is sent and never
 * logged or put in an exception. Thread-safe.
 */
final class GraphqlHttpClient implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int ERROR_BODY_LIMIT = 500;

    private final URI endpoint;
    private final String apiKey;
    private final Duration timeout;
    private final HttpClient http;
    private final ScenePageReader reader = new ScenePageReader();

    /**
     * @param endpoint the GraphQL URL, e.g. {@code http://127.0.0.1:9999/graphql}
     * @param apiKey   the key for the {@code ApiKey} header
     * @param timeout  how long one request may take, response body included
     */
    GraphqlHttpClient(URI endpoint, String apiKey, Duration timeout) {
        this.endpoint = endpoint;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /**
     * A source of scene pages from a document that takes {@code $last: Int!} (the keyset id) and {@code $n: Int!}
     * (the page size) and selects {@code findScenes{count scenes{id ...}}}.
     */
    PageSource scenePages(String document) {
        return (afterId, perPage) -> post(document, Map.of("last", afterId, "n", perPage));
    }

    private FetchedPage post(String document, Map<String, Object> variables) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("ApiKey", apiKey)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Accept-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(requestBody(document, variables)))
                .build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        boolean gzip = response.headers().firstValue("Content-Encoding").map("gzip"::equalsIgnoreCase).orElse(false);
        try (CountingInputStream wire = new CountingInputStream(response.body());
             CountingInputStream json = new CountingInputStream(gzip ? new GZIPInputStream(wire, 64 * 1024) : wire)) {
            if (response.statusCode() != 200) {
                byte[] start = json.readNBytes(ERROR_BODY_LIMIT);
                throw new IOException("HTTP " + response.statusCode() + " from " + endpoint + ": "
                        + new String(start, StandardCharsets.UTF_8));
            }
            ScenePage page = reader.read(json);
            // read to the end so that both counts are whole and the connection can be reused
            json.transferTo(OutputStream.nullOutputStream());
            return new FetchedPage(page, wire.count(), json.count());
        }
    }

    private static byte[] requestBody(String document, Map<String, Object> variables) {
        try {
            return MAPPER.writeValueAsBytes(Map.of("query", document, "variables", variables));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a GraphQL request", e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
