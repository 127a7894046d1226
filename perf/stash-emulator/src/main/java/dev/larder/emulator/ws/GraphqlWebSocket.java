package dev.larder.emulator.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.GraphQL;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * GraphQL over websocket as Stash serves it on {@code /graphql} (gqlgen v0.17.73 {@code transport.Websocket} with
 * {@code KeepAlivePingInterval: 10s} and no init function, init timeout or ping interval).
 *
 * <p><b>Subprotocols.</b> Both {@value #GRAPHQL_TRANSPORT_WS} (graphql-ws library: {@code connection_init} →
 * {@code connection_ack}; {@code ping} → {@code pong}; {@code subscribe} → {@code next}*, {@code complete};
 * {@code error}) and the legacy {@value #GRAPHQL_WS} (subscriptions-transport-ws: {@code connection_ack} then
 * {@code ka} every keep-alive interval; {@code start} → {@code data}*, {@code complete}; {@code stop};
 * {@code connection_terminate}); legacy also when the client offers none. Stash's upgrader (gorilla) picks by the
 * <em>server's</em> order, {@link #SUBPROTOCOLS}, so a client offering both gets the legacy one whatever its order;
 * Vert.x (Netty) picks by the client's order instead. To negotiate like Stash, the HTTP server puts
 * {@link #SUBPROTOCOLS} in {@code HttpServerOptions.setWebSocketSubProtocols} and calls
 * {@link #preferServerOrder(MultiMap)} on the request headers before {@code request.toWebSocket()}.
 *
 * <p><b>Operations.</b> Subscriptions, queries and mutations all run on a virtual thread per operation. A subscription's
 * items go out as they come, the next one requested when the previous frame has been written (so a slow client
 * pushes back on the source, which drops what does not fit). A parse or validation failure (gqlgen's protocol-kind
 * errors) is an {@code error} frame carrying the error list, with {@code extensions.code}
 * {@code GRAPHQL_PARSE_FAILED} or {@code GRAPHQL_VALIDATION_FAILED}; other errors travel in the
 * {@code next}/{@code data} payload. As in gqlgen, every operation ends with a server {@code complete}, including
 * after an error frame and after the client stopped it. Error messages are graphql-java's, not gqlparser's.
 *
 * <p><b>Closing</b>, as gqlgen: a bad first message gets a {@code connection_error} (legacy only) and close 1002; a
 * second {@code connection_init} or a client-only type gets the same; {@code connection_terminate} closes with 1000;
 * an undecodable message after init drops the connection without a close frame (gqlgen writes the invalid close code
 * 1006).
 *
 * <p>Thread-safe. Keeps a registry of open connections for fault injection ({@link #disconnectAll()}).
 */
public final class GraphqlWebSocket {

    /** The graphql-ws library's subprotocol, used by Stash's own UI. */
    public static final String GRAPHQL_TRANSPORT_WS = "graphql-transport-ws";
    /** subscriptions-transport-ws's subprotocol. */
    public static final String GRAPHQL_WS = "graphql-ws";
    /** Subprotocols in gqlgen's order of preference; for {@code HttpServerOptions.setWebSocketSubProtocols}. */
    public static final List<String> SUBPROTOCOLS = List.of(GRAPHQL_WS, GRAPHQL_TRANSPORT_WS);
    /** Stash's {@code ka} interval on the legacy subprotocol. */
    public static final Duration STASH_KEEP_ALIVE_INTERVAL = Duration.ofSeconds(10);

    private static final String SEC_WEBSOCKET_PROTOCOL = "Sec-WebSocket-Protocol";

    final Vertx vertx;
    final GraphQL graphql;
    final long keepAliveMillis;
    final ObjectMapper json = new ObjectMapper();
    private final Function<? super ServerWebSocket, ? extends Map<?, Object>> contextValues;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();

    /**
     * @param vertx             the Vert.x instance serving the sockets (for keep-alive timers)
     * @param graphql           the schema's executor
     * @param contextValues     called once per connection, on its event-loop thread before any message is read;
     *                          the entries go into every operation's {@code GraphQLContext} (e.g. the caller's
     *                          identity, established by the HTTP server before upgrading). May return an empty map.
     * @param keepAliveInterval time between legacy {@code ka} frames (Stash: {@link #STASH_KEEP_ALIVE_INTERVAL});
     *                          zero sends only the one that follows {@code connection_ack}
     */
    public GraphqlWebSocket(Vertx vertx, GraphQL graphql,
                            Function<? super ServerWebSocket, ? extends Map<?, Object>> contextValues,
                            Duration keepAliveInterval) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.graphql = Objects.requireNonNull(graphql, "graphql");
        this.contextValues = Objects.requireNonNull(contextValues, "contextValues");
        if (keepAliveInterval.isNegative()) {
            throw new IllegalArgumentException("keepAliveInterval must not be negative: " + keepAliveInterval);
        }
        this.keepAliveMillis = keepAliveInterval.toMillis();
    }

    /**
     * Narrows an upgrade request's offered subprotocols to the one Stash would pick (the first of
     * {@link #SUBPROTOCOLS} that is offered), or removes the header if none is, so that Vert.x's client-order choice
     * agrees with gorilla's server-order one. Call before {@code toWebSocket()}.
     *
     * @param requestHeaders the upgrade request's headers, modified in place
     */
    public static void preferServerOrder(MultiMap requestHeaders) {
        List<String> offered = requestHeaders.getAll(SEC_WEBSOCKET_PROTOCOL).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .toList();
        Optional<String> chosen = SUBPROTOCOLS.stream().filter(offered::contains).findFirst();
        requestHeaders.remove(SEC_WEBSOCKET_PROTOCOL);
        chosen.ifPresent(p -> requestHeaders.set(SEC_WEBSOCKET_PROTOCOL, p));
    }

    /**
     * Serves an upgraded socket until it closes. Call on the socket's event-loop thread right after the upgrade
     * (e.g. in {@code request.toWebSocket().onSuccess(...)}), before any message could have been delivered.
     *
     * @param socket the socket; its negotiated subprotocol selects the protocol
     */
    public void handle(ServerWebSocket socket) {
        Optional<Subprotocol> protocol = Subprotocol.of(socket.subProtocol());
        if (protocol.isEmpty()) {
            socket.close((short) 1002, "unsupported negotiated subprotocol " + socket.subProtocol());
            return;
        }
        Map<Object, Object> context = Map.copyOf(contextValues.apply(socket));
        Connection connection = new Connection(this, socket, protocol.get(), context);
        connections.add(connection);
        connection.start();
    }

    /** @return the number of open connections */
    public int openConnections() {
        return connections.size();
    }

    /**
     * Fault injection: drops every open connection at the TCP level, without a close frame, as a crashed or
     * restarted server would. Their operations are abandoned.
     */
    public void disconnectAll() {
        for (Connection connection : List.copyOf(connections)) {
            connection.abort();
        }
    }

    void closed(Connection connection) {
        connections.remove(connection);
    }
}
