package dev.larder;

import dev.larder.http.Main;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.larder.emulator.StashEmulator;
import dev.larder.model.EntityType;
import dev.larder.sync.SyncMode;
import graphql.ExecutionResult;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The plugin installed the way a user installs it: Larder serves its plugin source over HTTP, {@code POST
 * /api/v1/stash-plugin/install} has the emulator (which installs packages as Stash does: index, zip, sha256,
 * extraction, reload) fetch it from Larder's address, and the plugin it installed then reports a scene saved in
 * Stash to Larder, with no sync asked for.
 */
class PluginInstallEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StashEmulator emulator;
    private Larder larder;
    private WebServer server;

    @BeforeEach
    void start() throws Exception {
        // no plugin at first: the emulator's plugins folder is a fresh, empty one
        emulator = StashEmulator.builder().scenes(23, 60).logBatchInterval(Duration.ofMillis(200)).start();
        larder = Larder.start(TestLarders.config(emulator));
        server = Main.start(Config.just(ConfigSources.create(Map.of("host", "127.0.0.1", "port", "0"))), larder);
        larder.sync().request(SyncMode.FULL).get(60, TimeUnit.SECONDS);
        awaitTrue(larder::subscribed);
    }

    @AfterEach
    void stop() {
        server.stop();
        larder.close();
        emulator.close();
    }

    @Test
    void stashInstallsThePluginFromLarderAndItsHookReachesLarder() throws Exception {
        assertThat(plugins().size(), is(0));
        String larderUrl = "http://127.0.0.1:" + server.port();

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(larderUrl + "/api/v1/stash-plugin/install"))
                .header("Authorization", "Bearer " + TestLarders.ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.body(), response.statusCode(), is(200));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("installed").asBoolean(), is(true));
        // derived from the address the request came to, and fetched from there by the emulator
        assertThat(body.get("sourceUrl").asText(), is(larderUrl + "/stash-plugin/index.yml"));
        assertThat(body.get("version").asText(), is(LarderVersion.current()));

        JsonNode larderPlugin = plugins().get(0);
        assertThat(plugins().size(), is(1));
        assertThat(larderPlugin.get("id").asText(), is("larder"));
        assertThat(larderPlugin.get("enabled").asBoolean(), is(true));
        assertThat(larderPlugin.get("hooks").get(0).get("hooks").size(), is(31));
        Path shipped = ShippedPlugin.DIR;
        for (String file : List.of("larder.yml", "larder.js")) {
            assertThat(file, Files.readAllBytes(emulator.pluginsDir().resolve("larder").resolve(file)),
                    is(Files.readAllBytes(shipped.resolve(file))));
        }

        ExecutionResult update = emulator.execute(
                "mutation{sceneUpdate(input:{id:\"17\",title:\"Saved after install\"}){id}}", Map.of());
        assertThat(update.getErrors(), is(empty()));
        awaitTrue(() -> title(17).equals(Optional.of("Saved after install")));
        assertThat(larder.sync().running(), is(nullValue()));
    }

    @Test
    void installingAgainKeepsOnePluginEnabled() throws Exception {
        String larderUrl = "http://127.0.0.1:" + server.port();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(larderUrl + "/api/v1/stash-plugin/install"))
                    .header("Authorization", "Bearer " + TestLarders.ADMIN_TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"sourceUrl\":\"" + larderUrl + "/stash-plugin/index.yml\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.body(), response.statusCode(), is(200));
        }
        assertThat(plugins().size(), is(1));
        assertThat(plugins().get(0).get("enabled").asBoolean(), is(true));
    }

    private List<JsonNode> plugins() {
        List<JsonNode> plugins = new ArrayList<>();
        query("{plugins{id enabled hooks{hooks}}}").get("plugins").forEach(plugins::add);
        return plugins;
    }

    private JsonNode query(String document) {
        ExecutionResult result = emulator.execute(document, Map.of());
        assertThat(result.getErrors(), is(empty()));
        return JSON.valueToTree(result.getData());
    }

    private Optional<String> title(int scene) {
        return larder.store().get(EntityType.SCENE, scene).map(e -> e.json().path("title").asText());
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(20);
        }
    }
}
