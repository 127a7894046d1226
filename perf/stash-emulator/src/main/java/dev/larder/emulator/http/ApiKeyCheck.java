package dev.larder.emulator.http;

import io.vertx.core.http.HttpServerRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Stash's API key check, made on every HTTP request and websocket upgrade: the {@code ApiKey} header, else the
 * {@code apikey} query parameter. A wrong key is refused even when it is not needed, as in Stash.
 */
final class ApiKeyCheck {

    private final byte[] key;

    /**
     * @param apiKey the server's key; null means the server has no credentials configured and lets everyone in
     */
    ApiKeyCheck(String apiKey) {
        this.key = apiKey == null ? null : apiKey.getBytes(StandardCharsets.UTF_8);
    }

    boolean allows(HttpServerRequest request) {
        String given = request.getHeader("ApiKey");
        if (given == null) {
            given = request.getParam("apikey");
        }
        if (given == null) {
            return key == null;
        }
        // a given key must match even when none is required, like Stash's 401 for a wrong key
        return key != null && MessageDigest.isEqual(key, given.getBytes(StandardCharsets.UTF_8));
    }
}
