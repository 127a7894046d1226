package dev.larder.stash;

import com.sun.net.httpserver.HttpServer;
import dev.larder.model.EntityType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What is retried and what is not, counted on a scripted loopback server (the emulator draws its 500s at random and
 * does not count requests). The server echoes the API key in error bodies, so redaction is checked too.
 */
class RetryPolicyTest {

    private static final String KEY = "test-secret-key-5f3a";
    private static final String COUNT = "{\"data\":{\"findTags\":{\"count\":7}}}";

    private record Answer(int status, String body, boolean gzip) {
    }

    private final Deque<Answer> script = new ArrayDeque<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger keyed = new AtomicInteger();
    private HttpServer server;
    private StashClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/graphql", exchange -> {
            requests.incrementAndGet();
            if (KEY.equals(exchange.getRequestHeaders().getFirst("ApiKey"))) {
                keyed.incrementAndGet();
            }
            exchange.getRequestBody().readAllBytes();
            Answer answer;
            synchronized (script) {
                answer = script.isEmpty() ? new Answer(200, COUNT, false) : script.poll();
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            if (answer.gzip()) {
                ByteArrayOutputStream zipped = new ByteArrayOutputStream();
                try (OutputStream out = new GZIPOutputStream(zipped)) {
                    out.write(body);
                }
                body = zipped.toByteArray();
                exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        client = StashClient.builder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/graphql"))
                .apiKey(KEY).maxAttempts(4).backoff(new Backoff(Duration.ofMillis(1), Duration.ofMillis(5))).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    private void answer(int status, String body) {
        script.add(new Answer(status, body, false));
    }

    @Test
    void fiveHundredsAreRetriedUntilSuccess() {
        answer(500, "{\"errors\":[{\"message\":\"boom\"}]}");
        answer(503, "busy");
        assertThat(client.count(EntityType.TAG), is(7));
        assertThat(requests.get(), is(3));
        assertThat(keyed.get(), is(3));
    }

    @Test
    void retriesAreBounded() {
        for (int i = 0; i < 10; i++) {
            answer(500, "boom " + KEY);
        }
        StashException e = assertThrows(StashException.class, () -> client.count(EntityType.TAG));
        assertThat(e.reason(), is(StashException.Reason.UNAVAILABLE));
        assertThat(requests.get(), is(4));
        assertThat(e.getMessage(), not(containsString(KEY)));
    }

    @Test
    void a422IsNotRetriedAndCarriesStashsMessageWithoutTheKey() {
        answer(422, "{\"errors\":[{\"message\":\"Cannot query field \\\"nope\\\" (key " + KEY + ")\"}]}");
        StashException e = assertThrows(StashException.class, () -> client.count(EntityType.TAG));
        assertThat(e.reason(), is(StashException.Reason.REJECTED));
        assertThat(e.httpStatus(), is(422));
        assertThat(e.errors(), contains("Cannot query field \"nope\" (key ***)"));
        assertThat(e.getMessage(), containsString("Cannot query field"));
        assertThat(e.getMessage(), not(containsString(KEY)));
        assertThat(requests.get(), is(1));
    }

    @Test
    void graphqlErrorsAreNotRetried() {
        answer(200, "{\"errors\":[{\"message\":\"invalid sort: x\",\"path\":[\"findTags\"]}],\"data\":null}");
        StashException e = assertThrows(StashException.class, () -> client.count(EntityType.TAG));
        assertThat(e.reason(), is(StashException.Reason.REJECTED));
        assertThat(e.errors(), contains("invalid sort: x"));
        assertThat(requests.get(), is(1));
    }

    @Test
    void a401IsNotRetried() {
        answer(401, "Unauthorized\n");
        StashException e = assertThrows(StashException.class, () -> client.count(EntityType.TAG));
        assertThat(e.reason(), is(StashException.Reason.UNAUTHORIZED));
        assertThat(requests.get(), is(1));
    }

    @Test
    void gzipAnswersAreDecompressed() {
        script.add(new Answer(200, COUNT, true));
        assertThat(client.count(EntityType.TAG), is(7));
    }

    @Test
    void aBodyThatBreaksOffIsRetried() {
        answer(200, "{\"data\":{\"findTags\":{\"count\":");
        assertThat(client.count(EntityType.TAG), is(7));
        assertThat(requests.get(), is(2));
    }

    @Test
    void backoffGrowsAndStaysWithinItsCap() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));
        for (int attempt = 1; attempt < 70; attempt++) {
            long nominal = Math.min(1000, 100L << Math.min(attempt - 1, 20));
            long ms = b.delay(attempt).toMillis();
            assertThat(attempt + ": " + ms, ms >= nominal / 2 && ms <= nominal, is(true));
        }
    }

    @Test
    void theKeyIsNotInToString() {
        assertThat(client.toString(), not(containsString(KEY)));
        assertThat(new ApiKey(KEY).toString(), not(containsString(KEY)));
    }
}
