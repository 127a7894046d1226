package dev.larder.sync;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.larder.TestLarders;
import dev.larder.emulator.StashEmulator;
import dev.larder.model.EntityType;
import dev.larder.stash.StashClient;
import dev.larder.store.Store;
import dev.larder.store.StoreConfig;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Larder server process killed with SIGKILL in the middle of its first full sync: the next start resumes from the
 * checkpoint and ends with a store equal to the library, nothing duplicated, nothing lost.
 */
class KilledSyncTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UP = Pattern.compile("is up: http://[^:]+:(\\d+)/");

    private StashEmulator emulator;
    private Path dir;

    @BeforeEach
    void start() throws IOException {
        emulator = StashEmulator.builder().scenes(13, 3000).start();
        dir = Files.createTempDirectory("larder-killed");
        Files.writeString(dir.resolve("larder.yaml"), """
                server:
                  port: 0
                  host: 127.0.0.1
                stash:
                  url: %s
                  page-size: 100
                l2:
                  path: %s
                """.formatted(emulator.graphqlUrl(), dir.resolve("larder.db")));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void aServerKilledMidSyncResumesToAnEqualStore() throws Exception {
        Process first = larder("first.log");
        int port = port(first, dir.resolve("first.log"));
        // kill once the scenes are partly written: the writer may be inside a transaction
        awaitStatus(port, status -> fetched(status, "scenes") >= 1200);
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        Process second = larder("second.log");
        try {
            int secondPort = port(second, dir.resolve("second.log"));
            JsonNode done = awaitStatus(secondPort, status -> !status.get("last").isNull()
                    && status.get("running").isNull());
            assertThat(done.get("last").get("mode").asText(), is("full"));
            assertThat(done.get("last").get("errors").size(), is(0));
            // it resumed: the second run did not fetch every scene again
            assertThat(3000 - fetched(done, "scenes"), greaterThan(0L));
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }
        try (Store store = Store.open(StoreConfig.defaults(dir.resolve("larder.db")));
             StashClient stash = StashClient.builder(URI.create(emulator.graphqlUrl())).apiKey(emulator.apiKey())
                     .build()) {
            StoreAssertions.assertEqualsLibrary(store, stash, emulator, List.of());
            assertThat(store.count(EntityType.SCENE), is(3000L));
        }
    }

    private Process larder(String log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), "dev.larder.http.Main", "--config",
                dir.resolve("larder.yaml").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(log).toFile());
        builder.environment().put("STASH_API_KEY", emulator.apiKey());
        builder.environment().put("LARDER_ADMIN_TOKEN", TestLarders.ADMIN_TOKEN);
        return builder.start();
    }

    private static int port(Process larder, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!larder.isAlive()) {
                throw new AssertionError("Larder ended before it listened:\n" + Files.readString(log));
            }
            Matcher m = UP.matcher(Files.readString(log));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("Larder did not listen within 60 s:\n" + Files.readString(log));
    }

    private static JsonNode awaitStatus(int port, Predicate<JsonNode> condition) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            JsonNode status = JSON.readTree(http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/sync/status")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            if (condition.test(status)) {
                return status;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the sync status did not reach the expected state within 120 s");
    }

    private static long fetched(JsonNode status, String type) {
        for (JsonNode t : status.get("types")) {
            if (t.get("type").asText().equals(type)) {
                return t.get("fetched").asLong();
            }
        }
        throw new AssertionError("no type " + type + " in the status");
    }
}
