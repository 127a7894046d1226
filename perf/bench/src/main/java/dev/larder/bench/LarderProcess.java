package dev.larder.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The Larder server in a child JVM, as in production ({@code dev.larder.http.Main --config FILE} from the server's jar,
 * with {@link ChildJvm}'s options), from its "is up" log line until {@link #close()}. It gets Stash's key and a
 * fresh random admin token through the environment, never on its command line. Thread-safe.
 */
final class LarderProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UP = Pattern.compile("is up: http://[^:]+:(\\d+)/");

    private final ChildJvm child;
    private final int port;
    private final String adminToken;
    private final HttpClient http = HttpClient.newHttpClient();

    private LarderProcess(ChildJvm child, int port, String adminToken) {
        this.child = child;
        this.port = port;
        this.adminToken = adminToken;
    }

    /**
     * Starts Larder and waits (up to 2 minutes) until it listens.
     *
     * @param home        the project's root, holding {@code server/target/larder-server.jar}
     * @param heap        the child's {@code -Xmx} value, e.g. {@code 256m}
     * @param config      its configuration file ({@code server.port: 0} lets it pick a free port)
     * @param log         where its output goes
     * @param stashApiKey the emulator's key
     * @return the running server
     * @throws IOException if it ends, or does not listen in time, before it is up; it is stopped then
     */
    static LarderProcess start(Path home, String heap, Path config, Path log, String stashApiKey)
            throws IOException, InterruptedException {
        String adminToken = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        List<String> command = ChildJvm.java(heap);
        command.addAll(List.of("-cp", home.resolve("server/target/larder-server.jar").toString(), "dev.larder.http.Main",
                "--config", config.toString()));
        ChildJvm child = ChildJvm.start(command, Map.of("STASH_API_KEY", stashApiKey,
                "LARDER_ADMIN_TOKEN", adminToken), log);
        int port = Integer.parseInt(child.await(UP, "Larder", Duration.ofMinutes(2)).group(1));
        return new LarderProcess(child, port, adminToken);
    }

    /** @return {@link System#nanoTime()} just before the child was started */
    long startedNanos() {
        return child.startedNanos();
    }

    /** @return the child's process id */
    long pid() {
        return child.pid();
    }

    /** @return the admin token the child was given; never print it */
    String adminToken() {
        return adminToken;
    }

    /**
     * @param path an absolute path such as {@code /api/v1/sync/status}
     * @return its URL on this server
     */
    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** @return the child's peak RSS so far (VmHWM), empty once it has ended */
    OptionalLong peakRssBytes() {
        return child.peakRssBytes();
    }

    /**
     * @return the sync status ({@code /api/v1/sync/status})
     * @throws IOException when it cannot be read
     */
    JsonNode syncStatus() throws IOException, InterruptedException {
        return JSON.readTree(http.send(HttpRequest.newBuilder(uri("/api/v1/sync/status")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    /**
     * Polls the sync status until a run of a mode has ended.
     *
     * @param mode the mode's API name ({@code full}, {@code incremental})
     * @return the status then
     * @throws IOException if Larder ends first or the status cannot be read
     */
    JsonNode awaitSync(String mode) throws IOException, InterruptedException {
        while (true) {
            if (!child.alive()) {
                throw new IOException("Larder ended during the " + mode + " sync (exit " + child.exitValue() + ")");
            }
            JsonNode body = syncStatus();
            JsonNode last = body.get("last");
            if (last != null && !last.isNull() && mode.equals(last.get("mode").asText())
                    && body.get("running").isNull()) {
                return body;
            }
            Thread.sleep(20);
        }
    }

    /** Stops the child, politely then by force. */
    @Override
    public void close() {
        child.close();
    }
}
