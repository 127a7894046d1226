package dev.larder.emulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.larder.emulator.faults.Faults;
import dev.larder.emulator.graphql.RequestContext;
import dev.larder.emulator.graphql.StashGraphql;
import dev.larder.emulator.library.Library;
import dev.larder.emulator.ws.GraphqlWebSocket;
import graphql.ExecutionResult;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The emulator's HTTP front: {@code /graphql} over HTTP (POST and GET) and websocket, and Stash's media routes,
 * all behind Stash's API key check, with faults applied before any work is done.
 *
 * <p>GraphQL runs on virtual threads, never on Vert.x's event loop, so a paused or slow request holds nothing else up.
 */
public final class EmulatorHttpServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmulatorHttpServer.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Stash's router compresses with {@code middleware.Compress(4)}. */
    private static final int STASH_COMPRESSION_LEVEL = 4;

    private final Vertx vertx;
    private final StashGraphql graphql;
    private final Faults faults;
    private final ApiKeyCheck auth;
    private final String apiKey;
    private final MediaRoutes media;
    private final Handler<ServerWebSocket> webSockets;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private HttpServer server;

    /**
     * Creates the server; {@link #start} binds it.
     *
     * @param vertx          the Vert.x instance to run on
     * @param library        the library (for media routes)
     * @param graphql        the API
     * @param faults         faults to apply
     * @param apiKey         the API key every request must carry, or null for none
     * @param webSockets     the handler of upgraded {@code /graphql} websockets
     */
    public EmulatorHttpServer(Vertx vertx, Library library, StashGraphql graphql, Faults faults, String apiKey,
                              Handler<ServerWebSocket> webSockets) {
        this.vertx = vertx;
        this.graphql = graphql;
        this.faults = faults;
        this.apiKey = apiKey;
        this.auth = new ApiKeyCheck(apiKey);
        this.media = new MediaRoutes(library);
        this.webSockets = webSockets;
    }

    /**
     * Binds and starts serving.
     *
     * @param host        the address to bind
     * @param port        the port, 0 for any free one
     * @param subprotocols the websocket subprotocols to offer
     * @return the port bound
     */
    public int start(String host, int port, List<String> subprotocols) {
        HttpServerOptions options = new HttpServerOptions()
                .setHost(host)
                .setPort(port)
                .setCompressionSupported(true)
                .setCompressionLevel(STASH_COMPRESSION_LEVEL)
                .setWebSocketSubProtocols(subprotocols)
                .setMaxWebSocketFrameSize(16 * 1024 * 1024)
                .setMaxWebSocketMessageSize(64 * 1024 * 1024);
        server = vertx.createHttpServer(options).requestHandler(this::handle);
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot listen on " + host + ":" + port, e);
        }
        return server.actualPort();
    }

    private void handle(HttpServerRequest request) {
        if (!auth.allows(request)) {
            request.response().setStatusCode(401).putHeader("Content-Type", "text/plain").end("Unauthorized\n");
            return;
        }
        boolean upgrade = "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
        if (request.path().equals("/graphql") && upgrade) {
            GraphqlWebSocket.preferServerOrder(request.headers());
            request.toWebSocket().onSuccess(webSockets).onFailure(e ->
                    LOG.log(Level.FINE, "websocket upgrade failed", e));
            return;
        }
        if (request.path().equals("/graphql")) {
            request.body().onSuccess(body -> workers.execute(() -> graphql(request, body)));
            return;
        }
        workers.execute(() -> {
            if (!awaitFaults(request)) {
                return;
            }
            if (!media.serve(request)) {
                request.response().setStatusCode(404).putHeader("Content-Type", "text/plain")
                        .end("404 page not found\n");
            }
        });
    }

    private void graphql(HttpServerRequest request, Buffer body) {
        if (!awaitFaults(request)) {
            return;
        }
        if (faults.drawError()) {
            json(request, 500, Map.of("errors", List.of(Map.of("message", "emulated fault: internal server error"))));
            return;
        }
        Map<String, Object> call;
        try {
            call = request.method() == HttpMethod.GET ? fromQueryString(request) : parseBody(body);
        } catch (IOException | ClassCastException e) {
            json(request, 400, Map.of("errors", List.of(Map.of("message", "json body could not be decoded: "
                    + e.getMessage()))));
            return;
        }
        Object query = call.get("query");
        if (!(query instanceof String document) || document.isBlank()) {
            json(request, 422, Map.of("errors", List.of(Map.of("message", "no operation provided"))));
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = (Map<String, Object>) call.get("variables");
        ExecutionResult result = graphql.execute(document, variables, (String) call.get("operationName"),
                new RequestContext(baseUrl(request), apiKey));
        json(request, StashGraphql.httpStatus(result), result.toSpecification());
    }

    private boolean awaitFaults(HttpServerRequest request) {
        try {
            faults.delay();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            request.response().setStatusCode(503).end();
            return false;
        }
    }

    private static Map<String, Object> parseBody(Buffer body) throws IOException {
        return JSON.readValue(body.getBytes(), new TypeReference<>() { });
    }

    private static Map<String, Object> fromQueryString(HttpServerRequest request) throws JsonProcessingException {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("query", request.getParam("query"));
        call.put("operationName", request.getParam("operationName"));
        String variables = request.getParam("variables");
        if (variables != null && !variables.isBlank()) {
            call.put("variables", JSON.readValue(variables, new TypeReference<Map<String, Object>>() { }));
        }
        return call;
    }

    /** Stash builds media URLs from the host the client used (BaseURLMiddleware). */
    private static String baseUrl(HttpServerRequest request) {
        String prefix = request.getHeader("X-Forwarded-Prefix");
        return request.scheme() + "://" + request.authority() + (prefix == null ? "" : prefix);
    }

    private static void json(HttpServerRequest request, int status, Object body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(ResponseJson.write(body));
    }

    @Override
    public void close() {
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().join();
        }
        workers.shutdownNow();
    }
}
