package dev.larder.stash;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.GZIPInputStream;

/**
 * POSTs documents to Stash's {@code /graphql} and streams the answers: the {@code ApiKey} header, gzip, a timeout per
 * request, and retries with back-off for what may pass (IO errors, timeouts, 5xx, 429). GraphQL errors and other 4xx
 * answers are not retried. Thread-safe.
 */
final class GraphqlTransport implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GraphqlTransport.class.getName());
    /** An error body longer than this is cut: it is read only for its message. */
    private static final int ERROR_BODY_LIMIT = 64 * 1024;
    private static final int STREAM_BUFFER = 64 * 1024;

    private final URI url;
    private final ApiKey apiKey;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final int maxAttempts;
    private final Backoff backoff;
    private final ObjectMapper mapper;
    private final ResponseReader reader;

    GraphqlTransport(URI url, ApiKey apiKey, Duration connectTimeout, Duration requestTimeout, int maxAttempts,
                     Backoff backoff, ObjectMapper mapper) {
        this.url = url;
        this.apiKey = apiKey;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1)
                .build();
        this.requestTimeout = requestTimeout;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.mapper = mapper;
        this.reader = new ResponseReader(mapper);
    }

    ResponseReader reader() {
        return reader;
    }

    /**
     * Sends a document and hands every field of the answer's {@code data} to {@code fields}. When an attempt fails
     * while the body streams in, the next attempt reads the whole answer again, so {@code fields} may see a field
     * twice: what it does with entities must be idempotent.
     *
     * @param document the document
     * @param fields   reads the fields of {@code data}
     * @param attempt  called before each attempt, to reset what {@code fields} collects
     * @throws StashException when Stash refuses the request, reports GraphQL errors, or stays unreachable
     */
    void execute(SyncDocuments.Document document, ResponseReader.FieldReader fields, Runnable attempt) {
        HttpRequest request = request(document);
        Exception lastFailure = null;
        int lastStatus = 0;
        for (int n = 1; n <= maxAttempts; n++) {
            if (n > 1) {
                sleep(backoff.delay(n - 1));
            }
            attempt.run();
            try {
                HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                lastStatus = response.statusCode();
                try (InputStream body = decoded(response)) {
                    if (lastStatus == 200) {
                        List<String> errors = reader.read(body, fields);
                        if (!errors.isEmpty()) {
                            throw failure(StashException.Reason.REJECTED, lastStatus, errors, null);
                        }
                        return;
                    }
                    if (!retryable(lastStatus)) {
                        List<String> errors = errorMessages(body);
                        StashException.Reason reason = lastStatus == 401 || lastStatus == 403
                                ? StashException.Reason.UNAUTHORIZED : StashException.Reason.REJECTED;
                        throw failure(reason, lastStatus, errors, null);
                    }
                    lastFailure = null;
                }
            } catch (HttpTimeoutException e) {
                lastFailure = e;
                lastStatus = 0;
            } catch (IOException e) {
                lastFailure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure(StashException.Reason.INTERRUPTED, 0, List.of(), null);
            }
            int failed = n;
            Exception cause = lastFailure;
            int status = lastStatus;
            LOG.log(Level.FINE, () -> "Stash request attempt " + failed + " of " + maxAttempts + " failed: "
                    + (cause != null ? apiKey.redact(String.valueOf(cause)) : "HTTP " + status));
        }
        throw failure(StashException.Reason.UNAVAILABLE, lastStatus, List.of(), lastFailure);
    }

    private HttpRequest request(SyncDocuments.Document document) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document.query());
        if (!document.variables().isEmpty()) {
            body.put("variables", document.variables());
        }
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a GraphQL request", e);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(url)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Accept-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        if (apiKey.present()) {
            b.header("ApiKey", apiKey.value());
        }
        return b.build();
    }

    private static boolean retryable(int status) {
        return status >= 500 || status == 429;
    }

    private static InputStream decoded(HttpResponse<InputStream> response) throws IOException {
        boolean gzip = response.headers().firstValue("Content-Encoding").map("gzip"::equalsIgnoreCase).orElse(false);
        return gzip ? new GZIPInputStream(response.body(), STREAM_BUFFER) : response.body();
    }

    /** The messages of an error answer: GraphQL {@code errors[].message} when it is JSON, else its text. */
    private List<String> errorMessages(InputStream body) throws IOException {
        String text = new String(body.readNBytes(ERROR_BODY_LIMIT), StandardCharsets.UTF_8).strip();
        List<String> messages = new ArrayList<>();
        try {
            for (JsonNode error : mapper.readTree(text).path("errors")) {
                messages.add(error.path("message").asText(error.toString()));
            }
        } catch (JsonProcessingException notJson) {
            // Stash's own 401 and the router's 404 are plain text
        }
        if (messages.isEmpty() && !text.isEmpty()) {
            messages.add(text);
        }
        return messages;
    }

    private StashException failure(StashException.Reason reason, int status, List<String> errors, Exception cause) {
        List<String> redacted = errors.stream().map(apiKey::redactBody).toList();
        String message = switch (reason) {
            case UNAUTHORIZED -> "Stash refused the API key (HTTP " + status + ")";
            case REJECTED -> "Stash rejected the request" + (status == 200 ? "" : " (HTTP " + status + ")")
                    + (redacted.isEmpty() ? "" : ": " + String.join("; ", redacted));
            case UNAVAILABLE -> "Stash at " + url + " unavailable after " + maxAttempts + " attempts ("
                    + (cause != null ? apiKey.redact(cause.getClass().getSimpleName() + ": " + cause.getMessage())
                    : "HTTP " + status) + ")";
            case INTERRUPTED -> "interrupted while waiting for Stash";
        };
        return new StashException(reason, status, redacted, message, null);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StashException(StashException.Reason.INTERRUPTED, 0, List.of(),
                    "interrupted while waiting to retry a Stash request", null);
        }
    }

    HttpClient http() {
        return http;
    }

    @Override
    public void close() {
        http.close();
    }
}
