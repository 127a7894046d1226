package dev.larder.emulator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.larder.emulator.logs.LogLevel;
import dev.larder.model.EntityType;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Authentication, media, faults and subscriptions over the emulator's real HTTP and websocket endpoints. */
class TransportContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static StashEmulator emulator;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        emulator = StashEmulator.builder().scenes(5, 500).apiKey("test-key-1234")
                .logBatchInterval(Duration.ofMillis(20)).start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"no key, , 401", "wrong header, ApiKey=nope, 401", "right header, ApiKey=test-key-1234, 200",
            "right query parameter, apikey=test-key-1234, 200", "wrong query parameter, apikey=nope, 401"})
    void everyRequestNeedsTheApiKey(String name, String credential, int status) throws Exception {
        String url = emulator.graphqlUrl();
        HttpRequest.Builder request = HttpRequest.newBuilder().header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{version{version}}\"}"));
        if (credential != null && credential.startsWith("ApiKey=")) {
            request.header("ApiKey", credential.substring(7));
        } else if (credential != null) {
            url += "?" + credential;
        }
        assertThat(CLIENT.send(request.uri(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode(), is(status));
    }

    @Test
    void mediaRoutesNeedTheKeyToo() throws Exception {
        assertThat(get("/scene/1/screenshot", null, null).statusCode(), is(401));
        assertThat(get("/scene/1/screenshot?apikey=test-key-1234", null, null).statusCode(), is(200));
    }

    @Test
    void aWebsocketUpgradeWithoutTheKeyIsRefused() {
        CompletionException e = assertThrows(CompletionException.class, () -> CLIENT.newWebSocketBuilder()
                .subprotocols("graphql-transport-ws")
                .buildAsync(URI.create(emulator.websocketUrl()), new Collector()).join());
        assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode(), is(401));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/scene/3/screenshot, image/jpeg", "/scene/3/preview, video/mp4", "/scene/3/webp, image/webp",
            "/scene/3/stream, video/mp4", "/performer/1/image, image/jpeg", "/tag/1/image, image/jpeg",
            "/image/1/thumbnail, image/jpeg", "/group/1/frontimage, image/jpeg"})
    void mediaHasStashsContentTypesAndIsDeterministic(String path, String type) throws Exception {
        HttpResponse<byte[]> first = get(path, "test-key-1234", null);
        assertThat(first.statusCode(), is(200));
        assertThat(first.headers().firstValue("Content-Type").orElseThrow(), is(type));
        assertThat(get(path, "test-key-1234", null).body(), is(first.body()));
    }

    @Test
    void streamsHonourRanges() throws Exception {
        HttpResponse<byte[]> whole = get("/scene/4/stream", "test-key-1234", null);
        HttpResponse<byte[]> part = get("/scene/4/stream", "test-key-1234", "bytes=100-199");
        assertThat(part.statusCode(), is(206));
        assertThat(part.body().length, is(100));
        assertThat(part.headers().firstValue("Content-Range").orElseThrow(),
                is("bytes 100-199/" + whole.body().length));
        assertThat(part.body()[0], is(whole.body()[100]));
        assertThat(get("/scene/4/stream", "test-key-1234", "bytes=999999999-").statusCode(), is(416));
    }

    @Test
    void mediaOfAMissingEntityIs404() throws Exception {
        assertThat(get("/scene/99999/screenshot", "test-key-1234", null).statusCode(), is(404));
    }

    @Test
    void faultsFailRequestsAndClearAgain() {
        GraphqlHttp http = new GraphqlHttp(emulator);
        try {
            emulator.faults().errorShare(1.0);
            assertThat(http.post("{version{version}}").status(), is(500));
            emulator.faults().clear().getAllLimit(100);
            GraphqlHttp.Response r = http.post("{findScenes(filter:{per_page:-1}){count}}");
            assertThat(r.status(), is(422));
            assertThat(http.post("{findTags(filter:{per_page:-1}){count}}").status(), is(200));
            emulator.faults().clear().perPageClamp(100);
            JsonNode page = http.data("{findScenes(filter:{per_page:400}){count scenes{id}}}").get("findScenes");
            assertThat(page.get("scenes").size(), is(100));
            assertThat(page.get("count").asInt(), is(emulator.library().count(EntityType.SCENE)));
        } finally {
            emulator.faults().clear();
        }
    }

    @ParameterizedTest(name = "subprotocol {0}")
    @ValueSource(strings = {"graphql-transport-ws", "graphql-ws", ""})
    void logLinesArriveOverBothSubprotocols(String subprotocol) throws Exception {
        boolean legacy = !subprotocol.equals("graphql-transport-ws");
        Collector collector = new Collector();
        WebSocket.Builder builder = CLIENT.newWebSocketBuilder().header("ApiKey", "test-key-1234");
        if (!subprotocol.isEmpty()) {
            builder.subprotocols(subprotocol);
        }
        WebSocket ws = builder.buildAsync(URI.create(emulator.websocketUrl()), collector).join();
        assertThat(ws.getSubprotocol(), is(subprotocol));
        ws.sendText("{\"type\":\"connection_init\",\"payload\":{}}", true).join();
        assertThat(collector.next().get("type").asText(), is("connection_ack"));
        ws.sendText("{\"id\":\"1\",\"type\":\"" + (legacy ? "start" : "subscribe") + "\",\"payload\":{\"query\":"
                + "\"subscription{loggingSubscribe{level message}}\"}}", true).join();
        awaitStarted(ws, collector, legacy);
        String marker = "marker-" + subprotocol;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        boolean seen = false;
        while (!seen && System.nanoTime() < deadline) {
            emulator.logs().log(LogLevel.Trace, marker);
            JsonNode message = collector.next();
            if (message != null && message.get("type").asText().equals(legacy ? "data" : "next")) {
                seen = message.toString().contains(marker);
            }
        }
        assertThat(seen, is(true));
        ws.abort();
    }

    @Test
    void jobsAndScanCompleteArriveOverTheWebsocket() throws Exception {
        Collector collector = new Collector();
        WebSocket ws = connect(collector);
        ws.sendText("{\"id\":\"j\",\"type\":\"subscribe\",\"payload\":{\"query\":"
                + "\"subscription{jobsSubscribe{type job{status description}}}\"}}", true).join();
        ws.sendText("{\"id\":\"s\",\"type\":\"subscribe\",\"payload\":{\"query\":"
                + "\"subscription{scanCompleteSubscribe}\"}}", true).join();
        awaitStarted(ws, collector, false);
        emulator.disk().addSceneFiles(1);
        new GraphqlHttp(emulator).data("mutation{metadataScan(input:{})}");
        boolean added = false;
        boolean finished = false;
        boolean scanComplete = false;
        while (!(added && finished && scanComplete)) {
            JsonNode m = collector.next();
            if (m == null) {
                break;
            }
            String text = m.toString();
            added |= text.contains("\"type\":\"ADD\"") && text.contains("Scanning...");
            finished |= text.contains("\"status\":\"FINISHED\"");
            scanComplete |= text.contains("\"scanCompleteSubscribe\":true");
        }
        assertThat(added, is(true));
        assertThat(finished, is(true));
        assertThat(scanComplete, is(true));
        ws.abort();
    }

    @Test
    void disconnectAllDropsOpenSockets() throws Exception {
        Collector collector = new Collector();
        WebSocket ws = connect(collector);
        emulator.webSockets().disconnectAll();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (emulator.webSockets().openConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(emulator.webSockets().openConnections(), is(0));
        // the client either hears of the drop, or finds that nobody answers on the connection any more (an abrupt
        // drop is not always reported to the JDK client's listener)
        if (collector.closed.poll(2, TimeUnit.SECONDS) == null) {
            ws.sendText("{\"type\":\"ping\"}", true).exceptionally(e -> null);
            JsonNode answer = collector.next();
            assertThat(answer == null || !"pong".equals(answer.path("type").asText()), is(true));
        }
    }

    @Test
    void aPauseHoldsRequestsUntilResumed() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.graphqlUrl()))
                .header("ApiKey", "test-key-1234").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{version{version}}\"}")).build();
        emulator.faults().pause();
        try {
            var pending = CLIENT.sendAsync(request, HttpResponse.BodyHandlers.discarding());
            Thread.sleep(300);
            assertThat(pending.isDone(), is(false));
            emulator.faults().resume();
            assertThat(pending.get(10, TimeUnit.SECONDS).statusCode(), is(200));
        } finally {
            emulator.faults().clear();
        }
    }

    @Test
    void queriesAnswer422StyleErrorsAsGraphqlErrors() {
        GraphqlHttp.Response r = new GraphqlHttp(emulator).post("{ nope }");
        assertThat(r.status(), is(422));
        assertThat(r.firstError(), containsString("nope"));
    }

    private static WebSocket connect(Collector collector) throws InterruptedException {
        WebSocket ws = CLIENT.newWebSocketBuilder().header("ApiKey", "test-key-1234")
                .subprotocols("graphql-transport-ws")
                .buildAsync(URI.create(emulator.websocketUrl()), collector).join();
        ws.sendText("{\"type\":\"connection_init\",\"payload\":{}}", true).join();
        assertThat(collector.next().get("type").asText(), is("connection_ack"));
        return ws;
    }

    /**
     * Frames are handled in order, so once a query sent after the subscriptions is answered, they have started.
     * Messages that arrive meanwhile are dropped.
     */
    private static void awaitStarted(WebSocket ws, Collector collector, boolean legacy) throws InterruptedException {
        ws.sendText("{\"id\":\"probe\",\"type\":\"" + (legacy ? "start" : "subscribe") + "\",\"payload\":"
                + "{\"query\":\"{version{version}}\"}}", true).join();
        for (JsonNode m = collector.next(); ; m = collector.next()) {
            assertThat("no answer to the probe query", m != null, is(true));
            if ("probe".equals(m.path("id").asText())) {
                return;
            }
        }
    }

    private static HttpResponse<byte[]> get(String path, String apiKey, String range)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path));
        if (apiKey != null) {
            request.header("ApiKey", apiKey);
        }
        if (range != null) {
            request.header("Range", range);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Collects websocket text messages as JSON. */
    private static final class Collector implements WebSocket.Listener {

        private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private final BlockingQueue<Boolean> closed = new LinkedBlockingQueue<>();

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.add(true);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.add(true);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    messages.add(JSON.readTree(partial.toString()));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        JsonNode next() throws InterruptedException {
            JsonNode message;
            do {
                message = messages.poll(5, TimeUnit.SECONDS);
            } while (message != null && "ka".equals(message.path("type").asText()));
            return message;
        }

    }
}
