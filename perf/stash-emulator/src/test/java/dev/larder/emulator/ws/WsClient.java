package dev.larder.emulator.ws;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.core.JsonProcessingException;

/** A java.net.http websocket client that queues the JSON messages it receives. */
final class WsClient implements WebSocket.Listener, AutoCloseable {

    /** Abnormal closure: the connection dropped without a close frame. */
    static final int ABNORMAL = 1006;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile boolean reading = true;
    private volatile WebSocket socket;
    private volatile String closeReason;

    static WsClient connect(HttpClient http, URI uri, List<String> subprotocols) {
        WsClient client = new WsClient();
        WebSocket.Builder builder = http.newWebSocketBuilder();
        if (!subprotocols.isEmpty()) {
            builder.subprotocols(subprotocols.getFirst(),
                    subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
        }
        client.socket = builder.buildAsync(uri, client).join();
        return client;
    }

    String subprotocol() {
        return socket.getSubprotocol();
    }

    void send(String json) {
        socket.sendText(json, true).join();
    }

    /** @return the next message, failing if none arrives within the limit */
    JsonNode next() {
        try {
            JsonNode frame = frames.poll(15, TimeUnit.SECONDS);
            assertThat("a message arrived", frame, notNullValue());
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** @return the next message that is not a legacy keep-alive */
    JsonNode nextIgnoringKeepAlive() {
        JsonNode frame = next();
        while (frame.path("type").asText().equals("ka")) {
            frame = next();
        }
        return frame;
    }

    /** Stops taking messages off the socket, so that the server's writes back up. */
    void stopReading() {
        reading = false;
    }

    void resumeReading() {
        reading = true;
        socket.request(1);
    }

    /** @return the close code seen (from a close frame, or {@value #ABNORMAL} for a dropped connection) */
    int awaitClose() {
        return closed.orTimeout(15, TimeUnit.SECONDS).join();
    }

    String closeReason() {
        return closeReason;
    }

    boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                frames.add(JSON.readTree(partial.toString()));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            partial.setLength(0);
        }
        if (reading) {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeReason = reason;
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(ABNORMAL);
    }

    @Override
    public void close() {
        socket.abort();
    }
}
