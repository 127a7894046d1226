package dev.larder.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.larder.LarderConfig;
import dev.larder.plugin.PackagePlugin;
import dev.larder.stash.PluginInstaller;
import dev.larder.stash.StashException;
import io.helidon.common.uri.UriInfo;
import io.helidon.http.BadRequestException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /api/v1/stash-plugin/install} (admin): has Stash install Larder's plugin from a plugin source and
 * enable it, and answers once Stash did: 200 {@code {"installed":true,"sourceUrl":..,"version":..}}, or 502
 * {@code {"status":502,"error":..}} saying what Stash did instead. The body is empty or
 * {@code {"sourceUrl":"http://larder:8080/stash-plugin/index.yml"}}; without a {@code sourceUrl} the configured
 * {@code stash-plugin.source-url} is used, else the address the request came to (its {@code Host}) with
 * {@value PluginSourceService#INDEX_PATH}. Stash itself fetches that URL, so it must be reachable from Stash.
 */
public final class PluginInstallService implements HttpService {

    private static final Logger LOG = Logger.getLogger(PluginInstallService.class.getName());

    private final PluginInstaller installer;
    private final URI configuredSourceUrl;
    private final AdminAuth admin;

    /**
     * @param installer           what asks Stash to install and enable the plugin
     * @param configuredSourceUrl the source URL to use when the request names none, or null to derive it from the
     *                            request
     * @param admin               the admin guard
     */
    public PluginInstallService(PluginInstaller installer, URI configuredSourceUrl, AdminAuth admin) {
        this.installer = installer;
        this.configuredSourceUrl = configuredSourceUrl;
        this.admin = admin;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/install", this::install);
    }

    private void install(ServerRequest req, ServerResponse res) {
        admin.check(req);
        URI sourceUrl = sourceUrl(req);
        PluginInstaller.Installed installed;
        try {
            installed = installer.install(PackagePlugin.PLUGIN_ID, sourceUrl);
        } catch (StashException e) {
            LOG.log(Level.WARNING, () -> "installing the Stash plugin from " + sourceUrl + " failed: "
                    + e.getMessage());
            JsonErrors.send(res, Status.BAD_GATEWAY_502, "Stash did not install the plugin from " + sourceUrl + ": "
                    + e.getMessage());
            return;
        }
        LOG.info(() -> "Stash installed and enabled the plugin " + installed.id() + " " + installed.version()
                + " from " + sourceUrl);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("installed", true);
        body.put("sourceUrl", sourceUrl.toString());
        body.put("version", installed.version());
        res.send(body);
    }

    private URI sourceUrl(ServerRequest req) {
        JsonNode json = JsonBodies.read(req, "{\"sourceUrl\":\"http://larder:8080" + PluginSourceService.INDEX_PATH
                + "\"}");
        if (json != null && !json.isObject()) {
            throw new BadRequestException("the body must be empty or a JSON object like {\"sourceUrl\":\"...\"}");
        }
        JsonNode given = json == null ? null : json.get("sourceUrl");
        if (given != null && !given.isNull()) {
            if (!given.isTextual()) {
                throw new BadRequestException("sourceUrl must be a string holding an http(s) URL");
            }
            try {
                return LarderConfig.httpUrl("sourceUrl", given.asText());
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(e.getMessage());
            }
        }
        return configuredSourceUrl != null ? configuredSourceUrl : derived(req.requestedUri());
    }

    /** The index's URL at the address this request came to. */
    private static URI derived(UriInfo requested) {
        try {
            return new URI(requested.scheme(), null, requested.host(), requested.port(),
                    PluginSourceService.INDEX_PATH, null, null);
        } catch (URISyntaxException e) {
            throw new BadRequestException("cannot make a source URL from the request's Host; send a sourceUrl");
        }
    }
}
