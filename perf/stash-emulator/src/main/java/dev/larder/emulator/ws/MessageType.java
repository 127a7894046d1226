package dev.larder.emulator.ws;

/**
 * The protocol-neutral message types of gqlgen's websocket transport ({@code websocket_subprotocol.go}); each
 * {@link Subprotocol} maps them to and from its wire names. The labels are gqlgen's, used in its
 * "unexpected message %s" connection errors.
 */
enum MessageType {
    INIT("init"),
    CONNECTION_ACK("connection ack"),
    KEEP_ALIVE("keep alive"),
    CONNECTION_ERROR("connection error"),
    CONNECTION_CLOSE("connection close"),
    START("start"),
    STOP("stop subscription"),
    DATA("data"),
    COMPLETE("complete"),
    ERROR("error"),
    PING("ping"),
    PONG("pong");

    private final String label;

    MessageType(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
