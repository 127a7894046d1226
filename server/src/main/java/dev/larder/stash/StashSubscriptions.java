package dev.larder.stash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stash's subscriptions over one websocket: {@code jobsSubscribe}, {@code scanCompleteSubscribe} and
 * {@code loggingSubscribe}, delivered to a {@link StashEventListener}.
 *
 * <p>The socket goes to {@code /graphql} with the {@code ApiKey} header and offers only the
 * {@code graphql-transport-ws} subprotocol (Stash's upgrader picks legacy {@code graphql-ws} whenever a client offers
 * both). Stash sends no keep-alive on that protocol, so the client sends {@code ping} every
 * {@link Builder#pingInterval} and drops a connection that does not answer within {@link Builder#pongTimeout} (or does
 * not acknowledge {@code connection_init} within it). A lost connection is re-opened with exponential back-off and
 * jitter, re-subscribing, and {@link StashEventListener#onConnected(boolean)} is called after every (re)connect. A
 * refused API key (HTTP 401/403 on the upgrade) ends it for good through {@link StashEventListener#onFailure}.
 *
 * <p>Thread-safe. All work runs on one daemon thread owned by this object; {@link #close()} stops it.
 */
public final class StashSubscriptions implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StashSubscriptions.class.getName());
    static final String SUBPROTOCOL = "graphql-transport-ws";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Subscription id → document. */
    static final Map<String, String> DOCUMENTS = Map.of(
            "jobs", "subscription{jobsSubscribe{type job{id status description progress}}}",
            "scan", "subscription{scanCompleteSubscribe}",
            "logs", "subscription{loggingSubscribe{time level message}}");

    private final URI url;
    private final ApiKey apiKey;
    private final StashEventListener listener;
    private final Duration pingInterval;
    private final Duration pongTimeout;
    private final Duration connectTimeout;
    private final Backoff backoff;
    private final HttpClient http;
    private final ScheduledExecutorService thread;

    // confined to `thread`
    private int generation;
    private WebSocket socket;
    private CompletableFuture<WebSocket> sending;
    private boolean acknowledged;
    private boolean everConnected;
    private boolean stopped;
    private int failures;
    private ScheduledFuture<?> pinger;
    private ScheduledFuture<?> deadline;
    private volatile boolean connected;

    private StashSubscriptions(Builder b) {
        this.url = b.url;
        this.apiKey = new ApiKey(b.apiKey);
        this.listener = b.listener;
        this.pingInterval = b.pingInterval;
        this.pongTimeout = b.pongTimeout;
        this.connectTimeout = b.connectTimeout;
        this.backoff = b.backoff;
        this.http = HttpClient.newHttpClient();
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stash-subscriptions");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts configuring subscriptions.
     *
     * @param websocketUrl Stash's GraphQL endpoint as a websocket URL, e.g. {@code ws://stash:9999/graphql}
     * @param listener     receives what is heard
     * @return a builder with the defaults: no API key, ping every 10 s, 10 s pong timeout, 10 s connect timeout,
     *         {@link Backoff#RECONNECTS}
     */
    public static Builder builder(URI websocketUrl, StashEventListener listener) {
        return new Builder(websocketUrl, listener);
    }

    /**
     * Opens the first connection in the background; failures are retried as described above.
     *
     * @return this
     */
    public StashSubscriptions start() {
        thread.execute(this::connect);
        return this;
    }

    /** @return true while a connection is acknowledged and subscribed */
    public boolean connected() {
        return connected;
    }

    private void connect() {
        if (stopped) {
            return;
        }
        int gen = ++generation;
        WebSocket.Builder b = http.newWebSocketBuilder().connectTimeout(connectTimeout);
        if (apiKey.present()) {
            b.header("ApiKey", apiKey.value());
        }
        b.subprotocols(SUBPROTOCOL).buildAsync(url, new Receiver(gen))
                .whenComplete((ws, error) -> thread.execute(() -> opened(gen, ws, error)));
    }

    private void opened(int gen, WebSocket ws, Throwable error) {
        if (gen != generation || stopped) {
            if (ws != null) {
                ws.abort();
            }
            return;
        }
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof WebSocketHandshakeException h && refused(h.getResponse().statusCode())) {
                giveUp(new StashException(StashException.Reason.UNAUTHORIZED, h.getResponse().statusCode(), List.of(),
                        "Stash refused the API key on the websocket upgrade (HTTP " + h.getResponse().statusCode()
                                + ")", null));
                return;
            }
            retryLater("cannot connect: " + apiKey.redact(String.valueOf(cause)));
            return;
        }
        socket = ws;
        sending = CompletableFuture.completedFuture(ws);
        if (!SUBPROTOCOL.equals(ws.getSubprotocol())) {
            ws.abort();
            giveUp(new StashException(StashException.Reason.REJECTED, 0, List.of(), "Stash did not accept the "
                    + SUBPROTOCOL + " websocket subprotocol (chose '" + ws.getSubprotocol() + "')", null));
            return;
        }
        send(gen, "{\"type\":\"connection_init\",\"payload\":{}}");
        deadline = thread.schedule(() -> lost(gen, "no connection_ack within " + pongTimeout),
                pongTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static boolean refused(int status) {
        return status == 401 || status == 403;
    }

    private void received(int gen, String text) {
        if (gen != generation || stopped) {
            return;
        }
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            lost(gen, "undecodable message");
            return;
        }
        String id = message.path("id").asText("");
        switch (message.path("type").asText("")) {
            case "connection_ack" -> acknowledged(gen);
            case "ping" -> send(gen, "{\"type\":\"pong\"}");
            case "pong" -> cancelDeadline();
            case "next" -> next(id, message.path("payload"));
            case "error" -> lost(gen, "subscription " + id + " failed: "
                    + apiKey.redactBody(message.path("payload").toString()));
            case "complete" -> lost(gen, "Stash ended subscription " + id);
            default -> LOG.fine(() -> "ignored websocket message of type " + message.path("type"));
        }
    }

    private void acknowledged(int gen) {
        if (acknowledged) {
            return;
        }
        acknowledged = true;
        cancelDeadline();
        DOCUMENTS.forEach((id, document) -> {
            ObjectNode subscribe = JSON.createObjectNode().put("id", id).put("type", "subscribe");
            subscribe.putObject("payload").put("query", document);
            send(gen, subscribe.toString());
        });
        failures = 0;
        boolean reconnect = everConnected;
        everConnected = true;
        connected = true;
        pinger = thread.scheduleWithFixedDelay(() -> ping(gen), pingInterval.toMillis(), pingInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        notify(() -> listener.onConnected(reconnect));
    }

    private void next(String id, JsonNode payload) {
        JsonNode data = payload.path("data");
        if (payload.has("errors")) {
            LOG.warning(() -> "Stash reported errors on subscription " + id + ": "
                    + apiKey.redactBody(payload.get("errors").toString()));
        }
        switch (id) {
            case "jobs" -> {
                JsonNode update = data.path("jobsSubscribe");
                if (update.isObject()) {
                    notify(() -> listener.onJob(new JobUpdate(update.path("type").asText(),
                            StashJob.of(update.path("job")))));
                }
            }
            case "scan" -> {
                if (data.path("scanCompleteSubscribe").asBoolean(false)) {
                    notify(listener::onScanComplete);
                }
            }
            case "logs" -> {
                List<LogLine> lines = new ArrayList<>();
                for (JsonNode entry : data.path("loggingSubscribe")) {
                    lines.add(new LogLine(entry.path("time").asText(), entry.path("level").asText(),
                            entry.path("message").asText()));
                }
                if (!lines.isEmpty()) {
                    notify(() -> listener.onLog(List.copyOf(lines)));
                }
            }
            default -> LOG.fine(() -> "message for unknown subscription " + id);
        }
    }

    private void ping(int gen) {
        if (gen != generation || deadline != null) {
            return;
        }
        send(gen, "{\"type\":\"ping\"}");
        deadline = thread.schedule(() -> lost(gen, "no pong within " + pongTimeout), pongTimeout.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Sends after the previous send completed, as {@link WebSocket} allows one outstanding send at a time. */
    private void send(int gen, String text) {
        sending = sending.thenCompose(ws -> ws.sendText(text, true));
        sending.whenComplete((ws, error) -> {
            if (error != null) {
                thread.execute(() -> lost(gen, "send failed: " + apiKey.redact(String.valueOf(error))));
            }
        });
    }

    private void lost(int gen, String reason) {
        if (gen != generation || stopped) {
            return;
        }
        boolean wasConnected = acknowledged;
        dropConnection();
        if (wasConnected) {
            notify(() -> listener.onDisconnected(reason));
        }
        retryLater(reason);
    }

    private void retryLater(String reason) {
        generation++;
        failures++;
        Duration wait = backoff.delay(failures);
        LOG.log(Level.INFO, () -> "Stash subscriptions: " + reason + "; reconnecting in " + wait.toMillis() + " ms");
        thread.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void giveUp(StashException failure) {
        stopped = true;
        dropConnection();
        LOG.warning(failure::getMessage);
        notify(() -> listener.onFailure(failure));
    }

    private void dropConnection() {
        connected = false;
        acknowledged = false;
        cancelDeadline();
        if (pinger != null) {
            pinger.cancel(false);
            pinger = null;
        }
        if (socket != null) {
            socket.abort();
            socket = null;
        }
    }

    private void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    private void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a Stash event listener failed", e);
        }
    }

    /**
     * Closes the connection (with a normal close frame when it is up) and stops reconnecting and the thread. Waits at
     * most a few seconds.
     */
    @Override
    public void close() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                stopped = true;
                generation++;
                WebSocket ws = socket;
                CompletableFuture<WebSocket> pending = sending;
                socket = null;
                dropConnection();
                if (ws == null) {
                    done.complete(null);
                    return;
                }
                pending.exceptionally(e -> ws)
                        .thenCompose(s -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "closing"))
                        .orTimeout(2, TimeUnit.SECONDS)
                        .whenComplete((s, e) -> {
                            ws.abort();
                            done.complete(null);
                        });
            });
            done.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | java.util.concurrent.RejectedExecutionException e) {
            LOG.log(Level.FINE, "closing the Stash websocket did not finish cleanly", e);
        } finally {
            thread.shutdownNow();
            http.close();
        }
    }

    @Override
    public String toString() {
        return "StashSubscriptions[" + url + ", connected=" + connected + "]";
    }

    /** Hands whole text messages of one connection to the subscriptions' thread. */
    private final class Receiver implements WebSocket.Listener {
        private final int gen;
        private final StringBuilder partial = new StringBuilder();

        Receiver(int gen) {
            this.gen = gen;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                thread.execute(() -> received(gen, text));
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            thread.execute(() -> lost(gen, "closed by Stash (" + statusCode + " " + reason + ")"));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            thread.execute(() -> lost(gen, "connection failed: " + apiKey.redact(String.valueOf(error))));
        }
    }

    /** Configures {@link StashSubscriptions}. Not thread-safe. */
    public static final class Builder {
        private final URI url;
        private final StashEventListener listener;
        private String apiKey;
        private Duration pingInterval = Duration.ofSeconds(10);
        private Duration pongTimeout = Duration.ofSeconds(10);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Backoff backoff = Backoff.RECONNECTS;

        private Builder(URI url, StashEventListener listener) {
            this.url = Objects.requireNonNull(url, "url");
            this.listener = Objects.requireNonNull(listener, "listener");
        }

        /**
         * @param apiKey Stash's API key; null or empty for a Stash without credentials
         * @return this
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /**
         * @param interval time between client pings, more than 0
         * @return this
         */
        public Builder pingInterval(Duration interval) {
            this.pingInterval = positive(interval, "ping interval");
            return this;
        }

        /**
         * @param timeout how long to wait for a pong or for {@code connection_ack} before reconnecting, more than 0
         * @return this
         */
        public Builder pongTimeout(Duration timeout) {
            this.pongTimeout = positive(timeout, "pong timeout");
            return this;
        }

        /**
         * @param timeout how long to wait for the upgrade, more than 0
         * @return this
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connect timeout");
            return this;
        }

        /**
         * @param backoff the waits between reconnects
         * @return this
         */
        public Builder backoff(Backoff backoff) {
            this.backoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /** @return the subscriptions, not yet started */
        public StashSubscriptions build() {
            return new StashSubscriptions(this);
        }

        private static Duration positive(Duration d, String what) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be more than 0, got " + d);
            }
            return d;
        }
    }
}
