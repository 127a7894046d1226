package dev.larder.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plain HTTP GraphQL client for the emulator's contract tests: what a Stash client sends, nothing more. */
final class GraphqlHttp {

    /** A response: its HTTP status and parsed JSON body. */
    record Response(int status, JsonNode body) {

        JsonNode data() {
            return body.get("data");
        }

        String firstError() {
            JsonNode errors = body.get("errors");
            return errors == null || errors.isEmpty() ? null : errors.get(0).get("message").asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String url;
    private final String apiKey;

    GraphqlHttp(StashEmulator emulator) {
        this(emulator.graphqlUrl(), emulator.apiKey());
    }

    GraphqlHttp(String url, String apiKey) {
        this.url = url;
        this.apiKey = apiKey;
    }

    Response post(String query) {
        return post(query, Map.of());
    }

    Response post(String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            if (apiKey != null) {
                request.header("ApiKey", apiKey);
            }
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a query that must succeed and returns its data. */
    JsonNode data(String query, Map<String, Object> variables) {
        Response r = post(query, variables);
        if (r.status() != 200 || r.body().has("errors")) {
            throw new AssertionError("query failed (" + r.status() + "): " + r.body());
        }
        return r.data();
    }

    JsonNode data(String query) {
        return data(query, Map.of());
    }
}
