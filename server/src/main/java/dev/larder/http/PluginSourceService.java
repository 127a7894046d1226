package dev.larder.http;

import dev.larder.plugin.PackagePlugin;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Serves Larder's Stash plugin as a Stash plugin source, under {@value #PATH}: {@code GET index.yml} (the package
 * list, whose {@code path} is {@code larder.zip}, relative to it) and {@code GET larder.zip}. No authentication:
 * Stash fetches a source without credentials, and the plugin holds no secret. The bytes are made once, when the
 * service is built, so every request gets the same zip and the same sha256. Thread-safe.
 */
public final class PluginSourceService implements HttpService {

    /** Where the service is registered. */
    public static final String PATH = "/stash-plugin";
    /** The path of the index that Stash is given as the source URL. */
    public static final String INDEX_PATH = PATH + "/" + PackagePlugin.INDEX_NAME;

    private static final String YAML = "text/yaml; charset=UTF-8";
    private static final String ZIP = "application/zip";

    private final byte[] index;
    private final byte[] zip;

    /**
     * @param source the packed plugin, e.g. {@link PackagePlugin#fromClasspath()}
     */
    public PluginSourceService(PackagePlugin.PluginSource source) {
        Objects.requireNonNull(source, "source");
        this.index = source.index().getBytes(StandardCharsets.UTF_8);
        this.zip = source.zip();
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/" + PackagePlugin.INDEX_NAME, this::index)
                .get("/" + PackagePlugin.ZIP_NAME, this::zip);
    }

    private void index(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, YAML);
        res.header(HeaderValues.CACHE_NO_CACHE);
        res.send(index);
    }

    private void zip(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, ZIP);
        res.header(HeaderValues.CACHE_NO_CACHE);
        res.send(zip);
    }
}
