package dev.larder.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.larder.model.ChangeEvent;
import dev.larder.model.ChangeEventCodec;
import dev.larder.sync.EventIngest;
import io.helidon.http.BadRequestException;
import io.helidon.http.ForbiddenException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/events}: change events from producers other than the Stash plugin, in the plugin's JSON
 * (see {@link ChangeEventCodec}, without the marker): one object, or an array of up to {@value #MAX_EVENTS}.
 * The request is signed (see {@link EventSignature}). It answers 202 with {@code {"accepted":N}}; 403 when no
 * {@code events.secret} is set, 401 for a missing, stale or wrong signature, 413 for a body over
 * {@value #MAX_BODY} bytes, 400 naming what is malformed. A refused request applies nothing: every event is checked
 * before any is handed on.
 */
public final class EventService implements HttpService {

    /** Largest body taken, in bytes (1 MiB). */
    public static final int MAX_BODY = 1 << 20;
    /** Most events in one request. */
    public static final int MAX_EVENTS = 1000;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final EventIngest ingest;
    private final EventSignature signature;

    /**
     * @param ingest where accepted events go
     * @param secret the shared secret ({@code events.secret}), or null to turn the endpoint off
     * @param clock  the clock for the replay window
     */
    public EventService(EventIngest ingest, String secret, Clock clock) {
        this.ingest = ingest;
        this.signature = secret == null ? null : new EventSignature(secret, clock);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::accept);
    }

    private void accept(ServerRequest req, ServerResponse res) {
        if (signature == null) {
            throw new ForbiddenException("events endpoint is off: set events.secret (or LARDER_EVENTS_SECRET)");
        }
        byte[] body = body(req);
        signature.verify(req.headers().first(HeaderNames.create(EventSignature.TIMESTAMP_HEADER)).orElse(null),
                req.headers().first(HeaderNames.create(EventSignature.SIGNATURE_HEADER)).orElse(null), body);
        List<ChangeEvent> events = parse(body);
        events.forEach(ingest::submit);
        res.status(Status.ACCEPTED_202);
        res.send(Map.of("accepted", events.size()));
    }

    private static byte[] body(ServerRequest req) {
        byte[] body;
        try (InputStream in = req.content().inputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        } catch (IOException | RuntimeException e) {
            throw new BadRequestException("cannot read the request body");
        }
        if (body.length > MAX_BODY) {
            throw new HttpException("the request body is larger than " + MAX_BODY + " bytes",
                    Status.REQUEST_ENTITY_TOO_LARGE_413);
        }
        return body;
    }

    private static List<ChangeEvent> parse(byte[] body) {
        JsonNode json;
        try {
            json = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new BadRequestException("the body must be JSON: one event object or an array of them");
        }
        if (json == null || !(json.isObject() || json.isArray())) {
            throw new BadRequestException("the body must be one event object or an array of them");
        }
        if (json.isObject()) {
            return List.of(event(json, -1));
        }
        if (json.size() > MAX_EVENTS) {
            throw new BadRequestException("at most " + MAX_EVENTS + " events per request, got " + json.size());
        }
        List<ChangeEvent> events = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            events.add(event(json.get(i), i));
        }
        return events;
    }

    private static ChangeEvent event(JsonNode node, int index) {
        try {
            return ChangeEventCodec.parseJson(node.toString());
        } catch (IllegalArgumentException e) {
            String where = index < 0 ? "event" : "event " + index;
            throw new BadRequestException(where + ": " + e.getMessage());
        }
    }
}
