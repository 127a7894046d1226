package dev.larder.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.larder.stash.LogLine;
import io.smallrye.graphql.client.Response;
import io.smallrye.graphql.client.impl.ResponseReader;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code loggingSubscribe} message of the websocket (a second of Stash's log stream: {@link #lines} plugin
 * event lines) turned into {@link LogLine}s. Larder's path is {@code StashSubscriptions.received}: one Jackson tree
 * per message. SmallRye's graphql-transport-ws handler parses the message with JSON-P, writes its {@code payload}
 * back to a string, and its dynamic client parses that string again into a {@code Response}
 * ({@code ResponseReader.readFrom}); both paths are reproduced call for call, without the sockets.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LogMessageBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonReaderFactory JSON_P = Json.createReaderFactory(Map.of());

    /** Log lines in the message. */
    @Param("100")
    public int lines;

    private String message;

    /** Builds the message and checks that both paths read the same lines. */
    @Setup
    public void setUp() {
        ObjectNode next = JSON.createObjectNode().put("id", "logs").put("type", "next");
        ArrayNode entries = next.putObject("payload").putObject("data").putArray("loggingSubscribe");
        for (int i = 0; i < lines; i++) {
            entries.addObject().put("time", "2026-11-24T10:15:3" + (i % 10) + ".123456789+01:00").put("level", "Trace")
                    .put("message", "[Plugin / Larder] larder-event:1 {\"v\":1,\"type\":\"Scene\",\"op\":\"Update\","
                            + "\"id\":" + (1000 + i) + ",\"fields\":[\"title\",\"id\"],\"sources\":[]}");
        }
        message = next.toString();
        if (!larder().equals(smallrye())) {
            throw new IllegalStateException("Larder and SmallRye read different log lines");
        }
    }

    /** @return the lines, read as {@code StashSubscriptions} reads them */
    @Benchmark
    public List<LogLine> larder() {
        JsonNode parsed;
        try {
            parsed = JSON.readTree(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (!parsed.path("type").asText("").equals("next") || !parsed.path("id").asText("").equals("logs")) {
            throw new IllegalStateException("not a log message");
        }
        List<LogLine> read = new ArrayList<>();
        for (JsonNode entry : parsed.path("payload").path("data").path("loggingSubscribe")) {
            read.add(new LogLine(entry.path("time").asText(), entry.path("level").asText(),
                    entry.path("message").asText()));
        }
        return read;
    }

    /** @return the lines, read as SmallRye's websocket handler and dynamic client read them */
    @Benchmark
    public List<LogLine> smallrye() {
        JsonObject parsed;
        try (JsonReader reader = JSON_P.createReader(new StringReader(message))) {
            parsed = reader.readObject();
        }
        if (!parsed.getString("type").equals("next") || !parsed.getString("id").equals("logs")) {
            throw new IllegalStateException("not a log message");
        }
        Response response = ResponseReader.readFrom(parsed.getJsonObject("payload").toString(), Map.of());
        List<LogLine> read = new ArrayList<>();
        for (JsonValue entry : response.getData().getJsonArray("loggingSubscribe")) {
            JsonObject e = entry.asJsonObject();
            read.add(new LogLine(e.getString("time"), e.getString("level"), e.getString("message")));
        }
        return read;
    }
}
