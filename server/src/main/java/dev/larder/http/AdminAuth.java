package dev.larder.http;

import io.helidon.http.ForbiddenException;
import io.helidon.http.HeaderNames;
import io.helidon.http.UnauthorizedException;
import io.helidon.webserver.http.ServerRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Guards admin endpoints with the configured bearer token ({@code admin.token}): no token configured means the
 * admin endpoints are off (403); a missing or wrong token is a 401. Comparison takes the same time whatever the
 * token. Thread-safe.
 */
public final class AdminAuth {

    private final byte[] token;

    /**
     * @param token the admin token, or null to turn admin endpoints off
     */
    public AdminAuth(String token) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Lets an admin request through or throws the HTTP error that refuses it.
     *
     * @param req the request
     * @throws ForbiddenException    when admin endpoints are off
     * @throws UnauthorizedException when the request carries no or a wrong bearer token
     */
    public void check(ServerRequest req) {
        if (token == null) {
            throw new ForbiddenException("admin endpoints are off: set admin.token (or LARDER_ADMIN_TOKEN)");
        }
        String header = req.headers().first(HeaderNames.AUTHORIZATION).orElse("");
        if (!header.startsWith("Bearer ")
                || !MessageDigest.isEqual(token, header.substring(7).trim().getBytes(StandardCharsets.UTF_8))) {
            throw new UnauthorizedException("admin token required: Authorization: Bearer <admin.token>");
        }
    }
}
