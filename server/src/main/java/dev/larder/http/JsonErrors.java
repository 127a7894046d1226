package dev.larder.http;

import java.lang.System.Logger.Level;

import dev.larder.model.query.InvalidInputException;
import io.helidon.common.mapper.MapperException;
import io.helidon.http.DirectHandler;
import io.helidon.http.DirectHandler.EventType;
import io.helidon.http.DirectHandler.TransportResponse;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Turns every failure of a request into a JSON body {@code {"status":N,"error":"text"}}, so that no client ever sees
 * Helidon's default {@code text/plain} body carrying an exception's message (which may hold SQL, paths or keys).
 * <ul>
 *     <li>a 4xx keeps its message, which handlers write for the client: Helidon's {@code NotFoundException} for an
 *     unknown route, a handler's {@code BadRequestException}, a malformed request;</li>
 *     <li>a query or path parameter that does not convert to the type a handler asked for is a 400;</li>
 *     <li>anything else is a 500 with the status' reason phrase only; the exception is logged with its stack trace.</li>
 * </ul>
 * Helidon handles some failures before routing or outside its error handlers ({@code BadRequestException} among
 * them), so both parts are needed: {@link #register(HttpRouting.Builder)} on the routing and
 * {@link #directHandlers()} on the server's listener.
 */
public final class JsonErrors {
    private static final System.Logger LOGGER = System.getLogger(JsonErrors.class.getName());

    private JsonErrors() {
    }

    /**
     * Registers the error handlers on a routing; call it once per routing.
     *
     * @param routing the routing to protect; not null
     */
    public static void register(HttpRouting.Builder routing) {
        routing.error(InvalidInputException.class, JsonErrors::invalidInput)
                .error(HttpException.class, JsonErrors::httpException)
                .error(MapperException.class, JsonErrors::unconvertible)
                .error(Exception.class, JsonErrors::unexpected);
    }

    /**
     * The handlers for failures that Helidon answers itself, without the routing's error handlers, for every event
     * type. Give them to the server with {@code WebServerConfig.Builder.directHandlers(...)}.
     *
     * @return direct handlers that answer in JSON
     */
    public static DirectHandlers directHandlers() {
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        DirectHandler json = JsonErrors::direct;
        for (EventType type : EventType.values()) {
            handlers.addHandler(type, json);
        }
        return handlers.build();
    }

    private static void httpException(ServerRequest req, ServerResponse res, HttpException e) {
        Status status = e.status();
        if (isServerError(status)) {
            LOGGER.log(Level.ERROR, () -> describe(req) + " failed with " + status, e);
        }
        send(res, status, clientMessage(status, e.getMessage()));
    }

    private static void invalidInput(ServerRequest req, ServerResponse res, InvalidInputException e) {
        if (res.isSent()) {
            return;
        }
        res.status(Status.BAD_REQUEST_400);
        res.header(HeaderValues.CONTENT_TYPE_JSON);
        res.send(Json.bytes(new PathErrorBody(Status.BAD_REQUEST_400.code(), e.getMessage(), e.path())));
    }

    private static void unconvertible(ServerRequest req, ServerResponse res, MapperException e) {
        send(res, Status.BAD_REQUEST_400, "a request parameter has a value of the wrong type");
    }

    private static void unexpected(ServerRequest req, ServerResponse res, Exception e) {
        LOGGER.log(Level.ERROR, () -> describe(req) + " failed", e);
        send(res, Status.INTERNAL_SERVER_ERROR_500, Status.INTERNAL_SERVER_ERROR_500.reasonPhrase());
    }

    private static TransportResponse direct(DirectHandler.TransportRequest req,
                                            EventType type,
                                            Status status,
                                            io.helidon.http.ServerResponseHeaders headers,
                                            String message) {
        headers.set(HeaderValues.CONTENT_TYPE_JSON);
        return TransportResponse.builder()
                .status(status)
                .headers(headers)
                .keepAlive(type.keepAlive())
                .entity(Json.bytes(new ErrorBody(status.code(), clientMessage(status, message))))
                .build();
    }

    private static boolean isServerError(Status status) {
        return status.code() >= 500;
    }

    private static String clientMessage(Status status, String message) {
        if (isServerError(status) || message == null || message.isBlank()) {
            return status.reasonPhrase();
        }
        return message;
    }

    private static String describe(ServerRequest req) {
        return req.prologue().method().text() + " " + req.path().path();
    }

    /**
     * Answers with an error body {@code {"status":N,"error":"text"}}, unless the response was sent already; for a
     * handler that knows the failure and words it for the client itself, such as a 502 naming what Stash did.
     *
     * @param res    the response
     * @param status the status
     * @param error  the message for the client; it must hold no secret
     */
    static void send(ServerResponse res, Status status, String error) {
        if (res.isSent()) {
            return;
        }
        res.status(status);
        res.header(HeaderValues.CONTENT_TYPE_JSON);
        res.send(Json.bytes(new ErrorBody(status.code(), error)));
    }

    private record ErrorBody(int status, String error) {
    }

    /** A bad request's answer: what was wrong, and where in the request ({@code scene_filter.tags.modifier}). */
    private record PathErrorBody(int status, String error, String path) {
    }
}
