package dev.larder.emulator.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import graphql.ErrorType;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.impl.WebSocketInternal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** One websocket connection speaking one {@link Subprotocol}; see {@link GraphqlWebSocket} for the behaviour. */
final class Connection {

    private static final short NORMAL_CLOSURE = 1000;
    private static final short PROTOCOL_ERROR = 1002;
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final GraphqlWebSocket server;
    private final ServerWebSocket socket;
    private final Subprotocol protocol;
    private final Map<Object, Object> contextValues;
    private final Map<String, Operation> active = new ConcurrentHashMap<>();
    /** Touched only on the socket's event-loop thread. */
    private boolean initialised;
    private long keepAliveTimer = -1;

    Connection(GraphqlWebSocket server, ServerWebSocket socket, Subprotocol protocol,
               Map<Object, Object> contextValues) {
        this.server = server;
        this.socket = socket;
        this.protocol = protocol;
        this.contextValues = contextValues;
    }

    void start() {
        socket.textMessageHandler(this::received);
        socket.binaryMessageHandler(buffer -> received(buffer.toString(StandardCharsets.UTF_8)));
        // A failed socket is followed by its close handler, which cleans up.
        socket.exceptionHandler(error -> { });
        socket.closeHandler(ignored -> cleanUp());
    }

    /**
     * Drops the TCP connection without a close frame. Closing from Vert.x's own handler context skips that handler,
     * which would otherwise turn the close into a graceful one with a 1000 frame.
     */
    void abort() {
        ((WebSocketInternal) socket).channelHandlerContext().close();
    }

    private void received(String text) {
        Optional<Message> message = decode(text);
        if (!initialised) {
            receivedFirst(message);
            return;
        }
        if (message.isEmpty()) {
            abort();
            return;
        }
        Message m = message.get();
        switch (m.type()) {
            case START -> start(m.id(), m.payload());
            case STOP -> {
                Operation operation = active.get(m.id());
                if (operation != null) {
                    operation.stop();
                }
            }
            case CONNECTION_CLOSE -> socket.close(NORMAL_CLOSURE, "terminated");
            case PING -> send(MessageType.PONG, null, m.payload());
            case PONG -> {
                // Stash sets no ping interval, so a client's pong is simply accepted.
            }
            default -> rejectUnexpected(m.type());
        }
    }

    private void receivedFirst(Optional<Message> message) {
        if (message.isEmpty()) {
            sendConnectionError("invalid json");
            socket.close(PROTOCOL_ERROR, "decoding error");
            return;
        }
        Message m = message.get();
        switch (m.type()) {
            case INIT -> {
                if (m.payload() != null && !m.payload().isObject() && !m.payload().isNull()) {
                    abort();
                    return;
                }
                initialised = true;
                send(MessageType.CONNECTION_ACK, null, null);
                send(MessageType.KEEP_ALIVE, null, null);
                if (server.keepAliveMillis > 0 && protocol.encode(MessageType.KEEP_ALIVE).isPresent()) {
                    keepAliveTimer = server.vertx.setPeriodic(server.keepAliveMillis,
                            timer -> send(MessageType.KEEP_ALIVE, null, null));
                }
            }
            case CONNECTION_CLOSE -> socket.close(NORMAL_CLOSURE, "terminated");
            default -> rejectUnexpected(m.type());
        }
    }

    private void rejectUnexpected(MessageType type) {
        sendConnectionError("unexpected message " + type.label());
        socket.close(PROTOCOL_ERROR, "unexpected message");
    }

    private Optional<Message> decode(String text) {
        JsonNode node;
        try {
            node = server.json.readTree(text);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (node == null || !node.isObject() || !node.path("type").isTextual()) {
            return Optional.empty();
        }
        JsonNode id = node.get("id");
        return protocol.decode(node.get("type").asText())
                .map(type -> new Message(type, id == null || id.isNull() ? "" : id.asText(), node.get("payload")));
    }

    private void start(String id, JsonNode payload) {
        Optional<ExecutionInput> input = executionInput(payload);
        if (input.isEmpty()) {
            send(MessageType.ERROR, id, List.of(Map.of("message", "invalid json")));
            send(MessageType.COMPLETE, id, null);
            return;
        }
        Operation operation = new Operation(id);
        active.put(id, operation);
        Thread.ofVirtual().name("graphql-ws-operation").start(() -> operation.execute(input.get()));
    }

    private Optional<ExecutionInput> executionInput(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            return Optional.empty();
        }
        JsonNode query = payload.path("query");
        JsonNode operationName = payload.path("operationName");
        JsonNode variables = payload.path("variables");
        JsonNode extensions = payload.path("extensions");
        if (!(query.isTextual() || query.isMissingNode() || query.isNull())
                || !(operationName.isTextual() || operationName.isMissingNode() || operationName.isNull())
                || !(variables.isObject() || variables.isMissingNode() || variables.isNull())
                || !(extensions.isObject() || extensions.isMissingNode() || extensions.isNull())) {
            return Optional.empty();
        }
        return Optional.of(ExecutionInput.newExecutionInput()
                .query(query.asText(""))
                .operationName(operationName.isTextual() ? operationName.asText() : null)
                .variables(variables.isObject() ? server.json.convertValue(variables, OBJECT) : Map.of())
                .extensions(extensions.isObject() ? server.json.convertValue(extensions, OBJECT) : Map.of())
                .graphQLContext(contextValues)
                .build());
    }

    private Future<Void> send(MessageType type, String id, Object payload) {
        Optional<String> wireType = protocol.encode(type);
        if (wireType.isEmpty()) {
            return Future.succeededFuture();
        }
        // gqlgen's field order: payload, id, type; empty ones left out.
        Map<String, Object> frame = new LinkedHashMap<>();
        if (payload != null) {
            frame.put("payload", payload);
        }
        if (id != null && !id.isEmpty()) {
            frame.put("id", id);
        }
        frame.put("type", wireType.get());
        try {
            return socket.writeTextMessage(server.json.writeValueAsString(frame));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a " + type + " frame", e);
        }
    }

    private void sendConnectionError(String message) {
        send(MessageType.CONNECTION_ERROR, null, Map.of("message", message));
    }

    private void cleanUp() {
        if (keepAliveTimer >= 0) {
            server.vertx.cancelTimer(keepAliveTimer);
        }
        for (Operation operation : List.copyOf(active.values())) {
            operation.abandon();
        }
        server.closed(this);
    }

    private static Map<String, Object> response(ExecutionResult result) {
        Map<String, Object> payload = new LinkedHashMap<>();
        if (!result.getErrors().isEmpty()) {
            payload.put("errors", errors(result.getErrors()));
        }
        payload.put("data", result.isDataPresent() ? result.getData() : null);
        return payload;
    }

    /** gqlgen sends parse and validation failures (its "protocol" kind) as an error frame. */
    private static boolean isProtocolFailure(ExecutionResult result) {
        return !result.isDataPresent() && !result.getErrors().isEmpty()
                && result.getErrors().stream().allMatch(e -> errorCode(e) != null);
    }

    private static String errorCode(GraphQLError error) {
        if (error.getErrorType() == ErrorType.InvalidSyntax) {
            return "GRAPHQL_PARSE_FAILED";
        }
        if (error.getErrorType() == ErrorType.ValidationError) {
            return "GRAPHQL_VALIDATION_FAILED";
        }
        return null;
    }

    /** The errors as gqlparser writes them: message, locations, path, extensions (without graphql-java's classification). */
    private static List<Map<String, Object>> errors(List<GraphQLError> errors) {
        return errors.stream().map(error -> {
            Map<String, Object> spec = new LinkedHashMap<>(error.toSpecification());
            Map<String, Object> extensions = new LinkedHashMap<>();
            if (spec.get("extensions") instanceof Map<?, ?> given) {
                given.forEach((k, v) -> extensions.put(String.valueOf(k), v));
            }
            extensions.remove("classification");
            String code = errorCode(error);
            if (code != null) {
                extensions.put("code", code);
            }
            spec.remove("extensions");
            if (!extensions.isEmpty()) {
                spec.put("extensions", extensions);
            }
            return spec;
        }).toList();
    }

    private record Message(MessageType type, String id, JsonNode payload) {
    }

    /** One operation: a single result or a subscription's stream; ends with exactly one {@code complete}. */
    private final class Operation implements Subscriber<ExecutionResult> {
        private final String id;
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile Subscription subscription;

        Operation(String id) {
            this.id = id;
        }

        void execute(ExecutionInput input) {
            ExecutionResult result;
            try {
                result = server.graphql.execute(input);
            } catch (RuntimeException e) {
                failed(e);
                return;
            }
            if (ended.get()) {
                return;
            }
            if (result.getData() instanceof Publisher<?> stream && result.getErrors().isEmpty()) {
                @SuppressWarnings("unchecked")
                Publisher<ExecutionResult> results = (Publisher<ExecutionResult>) stream;
                results.subscribe(this);
            } else if (isProtocolFailure(result)) {
                send(MessageType.ERROR, id, errors(result.getErrors()));
                end();
            } else {
                send(MessageType.DATA, id, response(result));
                end();
            }
        }

        /** The client stopped it: as in gqlgen, the server still answers with {@code complete}. */
        void stop() {
            cancelSubscription();
            end();
        }

        /** The connection is gone: nothing more is sent. */
        void abandon() {
            ended.set(true);
            active.remove(id, this);
            cancelSubscription();
        }

        private void cancelSubscription() {
            Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }

        private void end() {
            if (ended.compareAndSet(false, true)) {
                active.remove(id, this);
                send(MessageType.COMPLETE, id, null);
            }
        }

        private void failed(Throwable error) {
            if (!ended.get()) {
                String message = error.getMessage() != null ? error.getMessage() : error.toString();
                send(MessageType.ERROR, id, List.of(Map.of("message", message)));
                end();
            }
        }

        @Override
        public void onSubscribe(Subscription s) {
            subscription = s;
            if (ended.get()) {
                s.cancel();
            } else {
                s.request(1);
            }
        }

        @Override
        public void onNext(ExecutionResult item) {
            if (ended.get()) {
                return;
            }
            send(MessageType.DATA, id, response(item)).onComplete(written -> {
                if (written.succeeded() && !ended.get()) {
                    subscription.request(1);
                }
            });
        }

        @Override
        public void onError(Throwable error) {
            failed(error);
        }

        @Override
        public void onComplete() {
            end();
        }
    }
}
