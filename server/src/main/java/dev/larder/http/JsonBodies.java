package dev.larder.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.BadRequestException;
import io.helidon.webserver.http.ServerRequest;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the small JSON bodies of Larder's admin requests, whatever their {@code Content-Type}: {@code curl -d} and
 * many scripts post JSON as form data or text, and Helidon's media support picks its reader by that header, so the
 * body is parsed here instead (responses do go through the Jackson media support). Thread-safe.
 */
final class JsonBodies {

    /** The largest body an admin request may carry, in bytes. */
    static final int MAX_BODY = 4096;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonBodies() {
    }

    /**
     * Reads a request's body as JSON.
     *
     * @param req     the request
     * @param example a body the endpoint takes, shown when the body is not JSON
     * @return the JSON value, or null when the body is empty
     * @throws BadRequestException when the body is larger than {@value #MAX_BODY} bytes, cannot be read, or is not
     *                             JSON
     */
    static JsonNode read(ServerRequest req, String example) {
        return read(req, example, MAX_BODY);
    }

    /**
     * Reads a request's body as JSON, up to a size.
     *
     * @param req      the request
     * @param example  a body the endpoint takes, shown when the body is not JSON
     * @param maxBytes the largest body taken
     * @return the JSON value, or null when the body is empty
     * @throws BadRequestException when the body is larger than {@code maxBytes}, cannot be read, or is not JSON
     */
    static JsonNode read(ServerRequest req, String example, int maxBytes) {
        byte[] body;
        try (InputStream in = req.content().inputStream()) {
            body = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new BadRequestException("cannot read the request body");
        }
        if (body.length > maxBytes) {
            throw new BadRequestException("the request body is larger than " + maxBytes + " bytes");
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new BadRequestException("the body must be JSON like " + example);
        }
        return json == null || json.isMissingNode() ? null : json;
    }
}
