package dev.larder.bench;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local HTTP endpoint that answers every POST to {@code /graphql} with the same bytes, uncompressed and with a
 * {@code Content-Length}, so that two GraphQL clients can be timed end to end against one server that costs both the
 * same (and far less than Stash). It reads each request body whole first, so connections stay reusable.
 */
final class PageServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    private PageServer(byte[] answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/graphql", exchange -> {
            try (InputStream request = exchange.getRequestBody(); OutputStream body = exchange.getResponseBody()) {
                request.readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                body.write(answer);
            }
        });
        server.setExecutor(threads);
        server.start();
    }

    /**
     * @param answer the bytes every request gets
     * @return the running server
     */
    static PageServer serving(byte[] answer) throws IOException {
        return new PageServer(answer);
    }

    /** @return {@code http://127.0.0.1:<port>/graphql} */
    URI graphqlUrl() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + "/graphql");
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
