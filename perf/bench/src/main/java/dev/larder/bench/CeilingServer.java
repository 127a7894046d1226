package dev.larder.bench;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.WebServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * This machine's HTTP ceiling for the query benchmark: Helidon SE, the server Larder runs on, in a child JVM with
 * the same options and Larder's own {@code server} settings (from Larder's {@code application.yaml} on the class
 * path: its socket options among them), answering every request (any method, any path; a body is read whole, as
 * Larder reads a query) with one fixed JSON body from memory. What it serves per second bounds what Larder could serve for answers of
 * that size on this machine, with this client.
 */
final class CeilingServer {

    private static final Pattern READY = Pattern.compile("ceiling ready: port=(\\d+)");

    private CeilingServer() {
    }

    /**
     * The child's entry point: {@code CeilingServer BYTES}; prints {@code ceiling ready: port=N} once it serves.
     *
     * @param args the body's size in bytes
     */
    public static void main(String[] args) {
        byte[] body = body(Integer.parseInt(args[0]));
        Config larder = Config.builder().addSource(ConfigSources.classpath("application.yaml")).build();
        WebServer server = WebServer.builder()
                .config(larder.get("server"))
                .host("127.0.0.1")
                .port(0)
                .routing(routing -> routing.any((req, res) -> {
                    try (InputStream in = req.content().inputStream()) {
                        in.readAllBytes();
                    }
                    res.header(HeaderValues.CONTENT_TYPE_JSON);
                    res.send(body);
                }))
                .build()
                .start();
        System.out.println("ceiling ready: port=" + server.port());
    }

    /**
     * Starts the ceiling in a child JVM.
     *
     * @param home  the project's root, holding the harness' jar
     * @param heap  the child's {@code -Xmx}, Larder's
     * @param bytes the body's size
     * @param log   where the child's output goes
     * @return the child and its root URL
     * @throws IOException when it does not come up within a minute
     */
    static Running start(Path home, String heap, int bytes, Path log) throws IOException, InterruptedException {
        List<String> command = ChildJvm.java(heap);
        command.addAll(List.of("-cp", home.resolve("perf/bench/target/larder-bench.jar").toString(),
                CeilingServer.class.getName(), Integer.toString(bytes)));
        ChildJvm child = ChildJvm.start(command, Map.of(), log);
        int port = Integer.parseInt(child.await(READY, "the HTTP ceiling", Duration.ofMinutes(1)).group(1));
        return new Running(child, URI.create("http://127.0.0.1:" + port));
    }

    /** A JSON string of exactly {@code bytes} bytes (at least 2). */
    static byte[] body(int bytes) {
        byte[] body = new byte[Math.max(2, bytes)];
        Arrays.fill(body, (byte) 'x');
        body[0] = '"';
        body[body.length - 1] = '"';
        return body;
    }

    /**
     * The running ceiling.
     *
     * @param child its JVM
     * @param root  its root URL
     */
    record Running(ChildJvm child, URI root) implements AutoCloseable {
        @Override
        public void close() {
            child.close();
        }
    }
}
