package dev.larder.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.larder.LarderVersion;
import dev.larder.ServedLarder;
import dev.larder.ShippedPlugin;
import dev.larder.TestLarders;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The plugin source Larder serves ({@code /stash-plugin/index.yml} and {@code larder.zip}, no auth) and the refusals
 * of the install endpoint, over a real socket.
 */
@ServerTest
class PluginSourceApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Http1Client client;

    PluginSourceApiTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        server.directHandlers(JsonErrors.directHandlers());
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        Main.routing(routing, ServedLarder.larder());
    }

    @Test
    void theIndexNamesTheServedZipByItsSha256() throws IOException, NoSuchAlgorithmException {
        List<Map<String, Object>> index;
        try (Http1ClientResponse response = client.get("/stash-plugin/index.yml").request()) {
            assertThat(response.status(), is(Status.OK_200));
            assertThat(response.headers().contentType().orElseThrow().text(), startsWith("text/yaml"));
            index = new Yaml().load(response.entity().as(String.class));
        }
        assertThat(index, hasSize(1));
        Map<String, Object> entry = index.getFirst();
        byte[] zip = zip();
        assertThat(entry.get("id"), is("larder"));
        assertThat(entry.get("name"), is("Larder"));
        assertThat(entry.get("path"), is("larder.zip"));
        assertThat(entry.get("version"), is(LarderVersion.current()));
        assertThat((String) entry.get("date"), matchesPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"));
        assertThat(entry.get("sha256"), is(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip))));
    }

    @Test
    void theZipHoldsThePluginFilesAsShipped() throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        assertThat(List.copyOf(entries.keySet()), is(List.of("larder.js", "larder.yml")));
        for (String name : entries.keySet()) {
            assertThat(name, entries.get(name), is(Files.readAllBytes(ShippedPlugin.DIR.resolve(name))));
        }
    }

    @Test
    void everyRequestGetsTheSameZip() throws IOException {
        assertThat(zip(), is(zip()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no token | | {} | 401 | admin token required",
            "wrong token | Bearer wrong-token-0123456789 | {} | 401 | admin token required",
            "not JSON | Bearer " + TestLarders.ADMIN_TOKEN + " | sourceUrl=x | 400 | must be JSON",
            "not an object | Bearer " + TestLarders.ADMIN_TOKEN + " | [\"http://a/index.yml\"] | 400 | JSON object",
            "not a string | Bearer " + TestLarders.ADMIN_TOKEN + " | {\"sourceUrl\":5} | 400 | must be a string",
            "not a URL | Bearer " + TestLarders.ADMIN_TOKEN + " | {\"sourceUrl\":\"not a url\"} | 400 | not a URL",
            "not http | Bearer " + TestLarders.ADMIN_TOKEN + " | {\"sourceUrl\":\"ftp://larder/index.yml\"} | 400 "
                    + "| sourceUrl must be an http(s) URL",
            "no host | Bearer " + TestLarders.ADMIN_TOKEN + " | {\"sourceUrl\":\"/stash-plugin/index.yml\"} | 400 "
                    + "| sourceUrl must be an http(s) URL"})
    void badInstallRequestsAreRefused(String name, String auth, String body, int status, String error)
            throws IOException {
        Http1ClientRequest request = client.post("/api/v1/stash-plugin/install");
        if (auth != null) {
            request.header(HeaderNames.AUTHORIZATION, auth);
        }
        try (Http1ClientResponse response = request.submit(body)) {
            assertThat(response.status().code(), is(status));
            assertThat(json(response).get("error").asText(), containsString(error));
        }
    }

    @Test
    void aSourceStashCannotReachIsABadGatewayNamingIt() throws IOException {
        // nothing listens on the discard port: Stash cannot fetch the index, whatever it makes of that
        String source = "http://127.0.0.1:9/stash-plugin/index.yml";
        try (Http1ClientResponse response = client.post("/api/v1/stash-plugin/install")
                .header(HeaderNames.AUTHORIZATION, "Bearer " + TestLarders.ADMIN_TOKEN)
                .submit("{\"sourceUrl\":\"" + source + "\"}")) {
            assertThat(response.status(), is(Status.BAD_GATEWAY_502));
            JsonNode body = json(response);
            assertThat(body.get("status").asInt(), is(502));
            assertThat(body.get("error").asText(), containsString("Stash did not install the plugin from " + source));
            assertThat(body.toString(), not(containsString(ServedLarder.emulator().apiKey())));
        }
        assertThat(ServedLarder.emulator().plugins().plugins(), hasSize(0));
    }

    private byte[] zip() {
        try (Http1ClientResponse response = client.get("/stash-plugin/larder.zip").request()) {
            assertThat(response.status(), is(Status.OK_200));
            assertThat(response.headers().contentType().orElseThrow().text(), is("application/zip"));
            return response.entity().as(byte[].class);
        }
    }

    private static JsonNode json(Http1ClientResponse response) throws IOException {
        return JSON.readTree(response.entity().as(byte[].class));
    }
}
