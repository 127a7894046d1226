package dev.larder;

import dev.larder.http.Main;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.larder.emulator.StashEmulator;
import dev.larder.sync.SyncMode;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The server as {@code ./larder serve} starts it: health reports on Stash, metrics show the sync's and the events' meters. */
class ServeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthIsDegradedWhileStashIsDownAndOkWhenItAnswers() throws Exception {
        try (StashEmulator emulator = StashEmulator.builder().scenes(8, 100).start();
             Larder larder = Larder.start(TestLarders.config(emulator))) {
            WebServer server = Main.start(Config.builder().disableEnvironmentVariablesSource()
                    .disableSystemPropertiesSource()
                    .addSource(ConfigSources.create(Map.of("port", "0", "host", "127.0.0.1"))).build(), larder);
            try {
                String base = "http://127.0.0.1:" + server.port();
                emulator.faults().errorShare(1.0);
                larder.sync().request(SyncMode.FULL).get(60, TimeUnit.SECONDS);
                JsonNode degraded = get(base + "/observe/health");
                assertThat(degraded.get("status").asText(), is("UP"));
                assertThat(stashCheck(degraded).get("data").get("state").asText(), is("degraded"));

                emulator.faults().clear();
                assertThat(larder.sync().request(SyncMode.FULL).get(60, TimeUnit.SECONDS).ok(), is(true));
                assertThat(stashCheck(get(base + "/observe/health")).get("data").get("state").asText(), is("ok"));
                String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/observe/metrics"))
                        .header("Accept", "text/plain").build(), HttpResponse.BodyHandlers.ofString()).body();
                assertThat(metrics, containsString("larder_sync_duration"));
                assertThat(metrics, containsString("larder_events_received"));
                assertThat(metrics, containsString("larder_events_delay"));
            } finally {
                server.stop();
            }
        }
    }

    private JsonNode get(String url) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private static JsonNode stashCheck(JsonNode health) {
        for (JsonNode check : health.get("checks")) {
            if (check.get("name").asText().equals("stash")) {
                return check;
            }
        }
        throw new AssertionError("no stash check in " + health);
    }
}
