package dev.larder.emulator.ws;

import static dev.larder.emulator.ws.GraphqlWebSocket.GRAPHQL_TRANSPORT_WS;
import static dev.larder.emulator.ws.GraphqlWebSocket.GRAPHQL_WS;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.larder.emulator.logs.LogBroadcaster;
import dev.larder.emulator.logs.LogLevel;
import dev.larder.emulator.logs.Poll;
import graphql.GraphQL;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;

class GraphqlWebSocketTest {

    private static final String SDL = """
            type Query { ping: String viewer: String }
            type Subscription { ticks(n: Int!): Int!  loggingSubscribe: [LogEntry!]! }
            enum LogLevel { Trace Debug Info Progress Warning Error }
            type LogEntry { time: String! level: LogLevel! message: String! }
            """;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WARM_UP = "warm-up";

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newHttpClient();
    private final LogBroadcaster logs = new LogBroadcaster(Clock.systemUTC(), ZoneOffset.UTC, Duration.ZERO);
    private final List<WsClient> clients = new ArrayList<>();
    private GraphqlWebSocket transport;
    private URI uri;

    @BeforeEach
    void startServer() {
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", t -> t
                        .dataFetcher("ping", env -> "pong")
                        .dataFetcher("viewer", env -> env.getGraphQlContext().get("viewer")))
                .type("Subscription", t -> t
                        .dataFetcher("ticks", env -> ticks(env.getArgument("n")))
                        .dataFetcher("loggingSubscribe", env -> logs.subscribe()))
                .build();
        GraphQL graphql = GraphQL.newGraphQL(
                new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring)).build();
        transport = new GraphqlWebSocket(vertx, graphql, socket -> Map.of("viewer", "tester"),
                Duration.ofMillis(50));
        HttpServer server = vertx.createHttpServer(new HttpServerOptions()
                        .setWebSocketSubProtocols(GraphqlWebSocket.SUBPROTOCOLS))
                .requestHandler(request -> {
                    GraphqlWebSocket.preferServerOrder(request.headers());
                    request.toWebSocket().onSuccess(transport::handle);
                });
        int port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join().actualPort();
        uri = URI.create("ws://127.0.0.1:" + port + "/graphql");
    }

    @AfterEach
    void stop() {
        clients.forEach(WsClient::close);
        logs.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** Emits 1..n as demanded, then completes. */
    private static Publisher<Integer> ticks(int n) {
        return subscriber -> subscriber.onSubscribe(new Subscription() {
            private int next = 1;
            private long demand;
            private boolean emitting;
            private boolean stopped;

            @Override
            public void request(long k) {
                synchronized (this) {
                    demand += k;
                    if (emitting) {
                        return;
                    }
                    emitting = true;
                }
                while (true) {
                    int value;
                    synchronized (this) {
                        if (stopped || demand == 0 && next <= n) {
                            emitting = false;
                            return;
                        }
                        if (next > n) {
                            stopped = true;
                            value = 0;
                        } else {
                            value = next++;
                            demand--;
                        }
                    }
                    if (value == 0) {
                        subscriber.onComplete();
                        return;
                    }
                    subscriber.onNext(value);
                }
            }

            @Override
            public synchronized void cancel() {
                stopped = true;
            }
        });
    }

    private WsClient connect(List<String> subprotocols) {
        WsClient client = WsClient.connect(http, uri, subprotocols);
        clients.add(client);
        return client;
    }

    /** Connects with the one subprotocol and completes the init handshake. */
    private WsClient initialised(Subprotocol protocol) {
        WsClient client = connect(List.of(protocol.wireName()));
        client.send("{\"type\":\"connection_init\",\"payload\":{}}");
        assertThat(client.next().path("type").asText(), is("connection_ack"));
        return client;
    }

    private static String startType(Subprotocol protocol) {
        return protocol == Subprotocol.GRAPHQL_WS ? "start" : "subscribe";
    }

    private static String stopType(Subprotocol protocol) {
        return protocol == Subprotocol.GRAPHQL_WS ? "stop" : "complete";
    }

    private static String dataType(Subprotocol protocol) {
        return protocol == Subprotocol.GRAPHQL_WS ? "data" : "next";
    }

    private static String operation(Subprotocol protocol, String id, String query) throws Exception {
        return JSON.writeValueAsString(Map.of("id", id, "type", startType(protocol),
                "payload", Map.of("query", query)));
    }

    static Stream<Arguments> offers() {
        return Stream.of(
                Arguments.of(List.of(GRAPHQL_TRANSPORT_WS), GRAPHQL_TRANSPORT_WS),
                Arguments.of(List.of(GRAPHQL_WS), GRAPHQL_WS),
                Arguments.of(List.of(GRAPHQL_TRANSPORT_WS, GRAPHQL_WS), GRAPHQL_WS),
                Arguments.of(List.of(GRAPHQL_WS, GRAPHQL_TRANSPORT_WS), GRAPHQL_WS),
                Arguments.of(List.of(), ""),
                Arguments.of(List.of("mqtt"), ""));
    }

    @ParameterizedTest
    @MethodSource("offers")
    void negotiatesAsGqlgenDoesAndSpeaksTheChosenProtocol(List<String> offered, String chosen) {
        WsClient client = connect(offered);
        assertThat(client.subprotocol(), is(chosen));

        client.send("{\"type\":\"connection_init\"}");
        assertThat(client.next().path("type").asText(), is("connection_ack"));
        if (chosen.equals(GRAPHQL_TRANSPORT_WS)) {
            client.send("{\"type\":\"ping\"}");
            assertThat("no keep-alive on graphql-transport-ws", client.next().path("type").asText(), is("pong"));
        } else {
            assertThat(client.next().path("type").asText(), is("ka"));
        }
    }

    @Test
    void legacyKeepsSendingKeepAlives() {
        WsClient client = initialised(Subprotocol.GRAPHQL_WS);
        for (int i = 0; i < 3; i++) {
            assertThat(client.next().path("type").asText(), is("ka"));
        }
    }

    @Test
    void pingIsAnsweredWithItsPayload() throws Exception {
        WsClient client = initialised(Subprotocol.GRAPHQL_TRANSPORT_WS);
        client.send("{\"type\":\"ping\",\"payload\":{\"n\":7}}");
        assertThat(client.next(), is(JSON.readTree("{\"payload\":{\"n\":7},\"type\":\"pong\"}")));
    }

    @ParameterizedTest
    @EnumSource(Subprotocol.class)
    void aSubscriptionStreamsItsItemsThenCompletes(Subprotocol protocol) throws Exception {
        WsClient client = initialised(protocol);
        client.send(operation(protocol, "1", "subscription { ticks(n: 3) }"));
        for (int i = 1; i <= 3; i++) {
            assertThat(client.nextIgnoringKeepAlive(), is(JSON.readTree(
                    "{\"payload\":{\"data\":{\"ticks\":" + i + "}},\"id\":\"1\",\"type\":\"" + dataType(protocol) + "\"}")));
        }
        assertThat(client.nextIgnoringKeepAlive(), is(JSON.readTree("{\"id\":\"1\",\"type\":\"complete\"}")));
    }

    @ParameterizedTest
    @EnumSource(Subprotocol.class)
    void aQueryGetsOneResultThenComplete(Subprotocol protocol) throws Exception {
        WsClient client = initialised(protocol);
        client.send(operation(protocol, "q", "{ ping viewer }"));
        JsonNode result = client.nextIgnoringKeepAlive();
        assertThat(result.path("type").asText(), is(dataType(protocol)));
        assertThat(result.path("payload"), is(JSON.readTree("{\"data\":{\"ping\":\"pong\",\"viewer\":\"tester\"}}")));
        assertThat(client.nextIgnoringKeepAlive().path("type").asText(), is("complete"));
    }

    @ParameterizedTest
    @EnumSource(Subprotocol.class)
    void stoppingASubscriptionEndsItWithComplete(Subprotocol protocol) throws Exception {
        WsClient client = initialised(protocol);
        // bounded, so that a publisher emitting faster than the socket drains cannot flood the test for long
        client.send(operation(protocol, "1", "subscription { ticks(n: 100000) }"));
        assertThat(client.nextIgnoringKeepAlive().path("type").asText(), is(dataType(protocol)));
        client.send("{\"id\":\"1\",\"type\":\"" + stopType(protocol) + "\"}");
        JsonNode frame = client.nextIgnoringKeepAlive();
        while (!frame.path("type").asText().equals("complete")) {
            frame = client.nextIgnoringKeepAlive();
        }
        assertThat(frame.path("id").asText(), is("1"));

        client.send(operation(protocol, "2", "{ ping }"));
        JsonNode after = client.nextIgnoringKeepAlive();
        assertThat("nothing of the stopped subscription follows its complete", after.path("id").asText(), is("2"));
    }

    static Stream<Arguments> invalidDocuments() {
        return Stream.of(Subprotocol.values()).flatMap(protocol -> Stream.of(
                Arguments.of(protocol, "subscription { nope }", "GRAPHQL_VALIDATION_FAILED"),
                Arguments.of(protocol, "subscription { ticks(n: 1) ", "GRAPHQL_PARSE_FAILED")));
    }

    @ParameterizedTest
    @MethodSource("invalidDocuments")
    void anInvalidDocumentGetsAnErrorFrameThenComplete(Subprotocol protocol, String document, String code)
            throws Exception {
        WsClient client = initialised(protocol);
        client.send(operation(protocol, "bad", document));
        JsonNode error = client.nextIgnoringKeepAlive();
        assertThat(error.path("type").asText(), is("error"));
        assertThat(error.path("id").asText(), is("bad"));
        assertThat(error.path("payload").isArray(), is(true));
        assertThat(error.path("payload").path(0).path("extensions").path("code").asText(), is(code));
        assertThat(error.path("payload").path(0).path("message").asText(), is(not("")));
        assertThat(client.nextIgnoringKeepAlive(), is(JSON.readTree("{\"id\":\"bad\",\"type\":\"complete\"}")));
    }

    @Test
    void legacyRejectsAnOperationBeforeInitWithAConnectionError() throws Exception {
        WsClient client = connect(List.of(GRAPHQL_WS));
        client.send(operation(Subprotocol.GRAPHQL_WS, "1", "{ ping }"));
        assertThat(client.next(), is(JSON.readTree(
                "{\"payload\":{\"message\":\"unexpected message start\"},\"type\":\"connection_error\"}")));
        assertThat(client.awaitClose(), is(1002));
        assertThat(client.closeReason(), is("unexpected message"));
    }

    @Test
    void transportWsClosesOnAnOperationBeforeInit() throws Exception {
        WsClient client = connect(List.of(GRAPHQL_TRANSPORT_WS));
        client.send(operation(Subprotocol.GRAPHQL_TRANSPORT_WS, "1", "{ ping }"));
        assertThat(client.awaitClose(), is(1002));
    }

    @Test
    void legacyTerminateClosesNormally() {
        WsClient client = initialised(Subprotocol.GRAPHQL_WS);
        client.send("{\"type\":\"connection_terminate\"}");
        assertThat(client.awaitClose(), is(1000));
        assertThat(client.closeReason(), is("terminated"));
    }

    @Test
    void disconnectAllDropsEveryConnection() {
        WsClient legacy = initialised(Subprotocol.GRAPHQL_WS);
        WsClient modern = initialised(Subprotocol.GRAPHQL_TRANSPORT_WS);
        assertThat(transport.openConnections(), is(2));

        transport.disconnectAll();
        assertThat(legacy.awaitClose(), is(WsClient.ABNORMAL));
        assertThat(modern.awaitClose(), is(WsClient.ABNORMAL));
        Poll.until(() -> transport.openConnections() == 0, "the registry is empty");
    }

    /** Logs until the subscription (whose setup runs asynchronously) delivers a batch. */
    private static void awaitLogSubscription(LogBroadcaster logs) {
        Poll.until(() -> {
            logs.log(LogLevel.Debug, WARM_UP);
            return logs.batchesSent() > 0;
        }, "the log subscription is live");
    }

    /** @return the next log message that is not a warm-up */
    private static String nextLogMessage(WsClient client) {
        String message = WARM_UP;
        while (message.equals(WARM_UP)) {
            message = client.nextIgnoringKeepAlive().path("payload").path("data").path("loggingSubscribe")
                    .path(0).path("message").asText();
        }
        return message;
    }

    @Test
    void logLinesArriveAsBatchesOnTheSocket() throws Exception {
        WsClient client = initialised(Subprotocol.GRAPHQL_TRANSPORT_WS);
        client.send(operation(Subprotocol.GRAPHQL_TRANSPORT_WS, "logs",
                "subscription { loggingSubscribe { time level message } }"));
        awaitLogSubscription(logs);
        logs.log(LogLevel.Warning, "hello");
        JsonNode entry = client.nextIgnoringKeepAlive().path("payload").path("data").path("loggingSubscribe").path(0);
        while (entry.path("message").asText().equals(WARM_UP)) {
            entry = client.nextIgnoringKeepAlive().path("payload").path("data").path("loggingSubscribe").path(0);
        }
        assertThat(entry.path("level").asText(), is("Warning"));
        assertThat(entry.path("message").asText(), is("hello"));
        assertThat(entry.path("time").asText(), startsWith("20"));
    }

    @Test
    void aDropShareOfOneHidesBatchesUntilLifted() throws Exception {
        WsClient client = initialised(Subprotocol.GRAPHQL_TRANSPORT_WS);
        client.send(operation(Subprotocol.GRAPHQL_TRANSPORT_WS, "logs", "subscription { loggingSubscribe { message } }"));
        awaitLogSubscription(logs);

        logs.setDropShare(1.0);
        long dropped = logs.batchesDropped();
        logs.log(LogLevel.Info, "hidden");
        assertThat(logs.batchesDropped(), is(dropped + 1));
        logs.setDropShare(0.0);
        logs.log(LogLevel.Info, "shown");
        assertThat(nextLogMessage(client), is("shown"));
    }

    @Test
    void aClientThatStopsReadingMissesBatches() throws Exception {
        WsClient client = initialised(Subprotocol.GRAPHQL_TRANSPORT_WS);
        client.send(operation(Subprotocol.GRAPHQL_TRANSPORT_WS, "logs", "subscription { loggingSubscribe { message } }"));
        awaitLogSubscription(logs);

        client.stopReading();
        String filler = "x".repeat(64 * 1024);
        int logged = 0;
        while (logs.batchesDropped() == 0 && logged < 5_000) {
            logs.log(LogLevel.Info, logged++ + " " + filler);
        }
        assertThat("batches were dropped for the lagging client", logs.batchesDropped(), is(greaterThan(0L)));
        client.resumeReading();
        long sent = logs.batchesSent();
        Poll.until(() -> {
            logs.log(LogLevel.Info, "last");
            return logs.batchesSent() > sent;
        }, "a final batch fits in the subscriber's buffer again");

        List<Integer> received = new ArrayList<>();
        for (String message = nextLogMessage(client); !message.equals("last"); message = nextLogMessage(client)) {
            received.add(Integer.parseInt(message.substring(0, message.indexOf(' '))));
        }
        assertThat(received.size(), is(lessThan(logged)));
        assertThat("what arrives keeps its order", received, is(received.stream().sorted().toList()));
    }
}
