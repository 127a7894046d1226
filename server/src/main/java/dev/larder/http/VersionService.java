package dev.larder.http;

import java.util.Objects;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code GET /} under its mount point (Larder mounts it at {@code /api/v1/version}): answers
 * {@code {"name":"larder","version":"<version>"}} as {@code application/json}. Thread-safe.
 */
public final class VersionService implements HttpService {
    private final VersionBody body;

    /**
     * @param version the version to report, e.g. {@code 0.1.0-SNAPSHOT}; not null
     */
    public VersionService(String version) {
        this.body = new VersionBody("larder", Objects.requireNonNull(version, "version"));
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::version);
    }

    private void version(ServerRequest req, ServerResponse res) {
        res.send(body);
    }

    private record VersionBody(String name, String version) {
    }
}
