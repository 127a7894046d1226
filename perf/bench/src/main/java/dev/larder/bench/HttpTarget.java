package dev.larder.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A server the query benchmark sends requests to (Larder, or the HTTP ceiling), over one JDK HTTP client: HTTP/1.1
 * with keep-alive, no compression asked for, each body read whole. Thread-safe.
 */
final class HttpTarget {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String adminToken;

    /**
     * @param base       the server's root, e.g. {@code http://127.0.0.1:8080}
     * @param adminToken the bearer token every request carries
     */
    HttpTarget(URI base, String adminToken) {
        this.base = base;
        this.adminToken = adminToken;
    }

    /**
     * Sends a request and reads the whole answer.
     *
     * @param request the request
     * @return its status and body
     * @throws IOException when the exchange fails
     */
    Answer send(QueryRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request.http(base, adminToken),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.body());
    }

    /**
     * An answer.
     *
     * @param status the HTTP status
     * @param body   the body's bytes
     */
    record Answer(int status, byte[] body) {

        /** @return the body as JSON */
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        /** @return Larder's {@code error} text of a failure, else the start of the body */
        String error() {
            try {
                JsonNode error = json().get("error");
                if (error != null) {
                    return error.asText();
                }
            } catch (IOException e) {
                // not JSON: shown as text below
            }
            String text = new String(body, StandardCharsets.UTF_8);
            return text.length() > 200 ? text.substring(0, 200) + "..." : text;
        }
    }
}
