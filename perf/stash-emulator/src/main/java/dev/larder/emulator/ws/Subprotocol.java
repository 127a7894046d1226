package dev.larder.emulator.ws;

import java.util.Map;
import java.util.Optional;

/** The two websocket subprotocols gqlgen speaks, with their wire names for each {@link MessageType}. */
enum Subprotocol {

    /**
     * subscriptions-transport-ws. Every wire name decodes (even server-to-client ones, which the connection then
     * rejects as unexpected); there is no ping or pong.
     */
    GRAPHQL_WS(GraphqlWebSocket.GRAPHQL_WS, Map.ofEntries(
            Map.entry("connection_init", MessageType.INIT),
            Map.entry("connection_terminate", MessageType.CONNECTION_CLOSE),
            Map.entry("start", MessageType.START),
            Map.entry("stop", MessageType.STOP),
            Map.entry("connection_ack", MessageType.CONNECTION_ACK),
            Map.entry("connection_error", MessageType.CONNECTION_ERROR),
            Map.entry("data", MessageType.DATA),
            Map.entry("error", MessageType.ERROR),
            Map.entry("complete", MessageType.COMPLETE),
            Map.entry("ka", MessageType.KEEP_ALIVE)),
            Map.ofEntries(
                    Map.entry(MessageType.CONNECTION_ACK, "connection_ack"),
                    Map.entry(MessageType.KEEP_ALIVE, "ka"),
                    Map.entry(MessageType.CONNECTION_ERROR, "connection_error"),
                    Map.entry(MessageType.DATA, "data"),
                    Map.entry(MessageType.COMPLETE, "complete"),
                    Map.entry(MessageType.ERROR, "error"))),

    /**
     * graphql-ws's graphql-transport-ws. Server-to-client names sent by a client fail to decode; keep-alive and
     * connection errors are not sent at all.
     */
    GRAPHQL_TRANSPORT_WS(GraphqlWebSocket.GRAPHQL_TRANSPORT_WS, Map.of(
            "connection_init", MessageType.INIT,
            "subscribe", MessageType.START,
            "complete", MessageType.STOP,
            "ping", MessageType.PING,
            "pong", MessageType.PONG),
            Map.of(
                    MessageType.CONNECTION_ACK, "connection_ack",
                    MessageType.DATA, "next",
                    MessageType.COMPLETE, "complete",
                    MessageType.ERROR, "error",
                    MessageType.PING, "ping",
                    MessageType.PONG, "pong"));

    private final String wireName;
    private final Map<String, MessageType> inbound;
    private final Map<MessageType, String> outbound;

    Subprotocol(String wireName, Map<String, MessageType> inbound, Map<MessageType, String> outbound) {
        this.wireName = wireName;
        this.inbound = inbound;
        this.outbound = outbound;
    }

    /** @return the {@code Sec-WebSocket-Protocol} value */
    String wireName() {
        return wireName;
    }

    /** @return the type of a client message, empty if this subprotocol cannot decode it */
    Optional<MessageType> decode(String type) {
        return Optional.ofNullable(type).map(inbound::get);
    }

    /** @return the wire name of a server message, empty if this subprotocol does not send it */
    Optional<String> encode(MessageType type) {
        return Optional.ofNullable(outbound.get(type));
    }

    /**
     * @param negotiated the subprotocol the handshake settled on, null or empty if none
     * @return the matching subprotocol; gqlgen treats no subprotocol as legacy graphql-ws
     */
    static Optional<Subprotocol> of(String negotiated) {
        if (negotiated == null || negotiated.isEmpty()) {
            return Optional.of(GRAPHQL_WS);
        }
        for (Subprotocol p : values()) {
            if (p.wireName.equals(negotiated)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
