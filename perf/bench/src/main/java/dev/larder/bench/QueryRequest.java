package dev.larder.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Objects;

/**
 * One HTTP request of Larder's API as the query benchmark sends it: a method, a path with its query string, and a
 * JSON body for POSTs. Immutable.
 *
 * @param method {@code GET} or {@code POST}
 * @param path   the absolute path and query string, e.g. {@code /api/v1/scenes/random?count=12}
 * @param body   the JSON body of a POST, null for a GET
 */
record QueryRequest(String method, String path, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    QueryRequest {
        Objects.requireNonNull(path, "path");
        if (!method.equals("GET") && !method.equals("POST")) {
            throw new IllegalArgumentException("GET or POST, got " + method);
        }
        if (method.equals("GET") != (body == null)) {
            throw new IllegalArgumentException("a POST has a body and a GET none: " + method + " " + path);
        }
    }

    static QueryRequest get(String path) {
        return new QueryRequest("GET", path, null);
    }

    static QueryRequest post(String path, String body) {
        return new QueryRequest("POST", path, body);
    }

    /** @return the same request with {@code /explain} added to its path, before any query string */
    QueryRequest explain() {
        int query = path.indexOf('?');
        String explained = query < 0 ? path + "/explain" : path.substring(0, query) + "/explain"
                + path.substring(query);
        return new QueryRequest(method, explained, body);
    }

    /**
     * @param cursor a {@code next_cursor} Larder sent
     * @return the same POST with {@code "cursor"} set in its body
     * @throws IllegalStateException for a GET, or a body that is not a JSON object
     */
    QueryRequest withCursor(String cursor) {
        if (body == null) {
            throw new IllegalStateException("only a POST body carries a cursor: " + path);
        }
        try {
            ObjectNode object = (ObjectNode) JSON.readTree(body);
            object.put("cursor", cursor);
            return new QueryRequest(method, path, JSON.writeValueAsString(object));
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("the body of " + path + " is not a JSON object: " + body, e);
        }
    }

    /**
     * @param base       the server's root, e.g. {@code http://127.0.0.1:8080}
     * @param adminToken the bearer token to send
     * @return the request for the JDK's HTTP client
     */
    HttpRequest http(URI base, String adminToken) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + adminToken);
        return body == null ? builder.GET().build()
                : builder.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    @Override
    public String toString() {
        return method + " " + path + (body == null ? "" : " " + body);
    }
}
