package dev.larder.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.larder.Larder;
import dev.larder.sync.EventStats;
import dev.larder.sync.SyncEngine;
import dev.larder.sync.SyncMode;
import dev.larder.sync.SyncOutcome;
import dev.larder.sync.TypeProgress;
import io.helidon.http.BadRequestException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sync API: {@code POST /api/v1/sync} with {@code {"mode":"incremental"|"full"|"sweep"}} (admin) queues a
 * sync and answers 202; {@code GET /api/v1/sync/status} shows what every type is doing and what the change
 * events have done since start-up.
 */
public final class SyncService implements HttpService {

    private final Larder larder;
    private final AdminAuth admin;

    /**
     * @param larder the instance whose sync, store and events the status shows
     * @param admin  the admin guard for starting syncs
     */
    public SyncService(Larder larder, AdminAuth admin) {
        this.larder = larder;
        this.admin = admin;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::start)
                .get("/status", this::status);
    }

    private void start(ServerRequest req, ServerResponse res) {
        admin.check(req);
        SyncMode mode = mode(req);
        larder.sync().request(mode);
        res.status(Status.ACCEPTED_202);
        res.send(Map.of("queued", mode.apiName()));
    }

    private static SyncMode mode(ServerRequest req) {
        JsonNode json = JsonBodies.read(req, "{\"mode\":\"incremental\"}");
        if (json == null || !json.isObject() || !json.path("mode").isTextual()) {
            throw new BadRequestException("mode must be one of \"full\", \"incremental\", \"sweep\"");
        }
        try {
            return SyncMode.parse(json.get("mode").asText());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private void status(ServerRequest req, ServerResponse res) {
        Map<String, Object> body = new LinkedHashMap<>();
        SyncEngine engine = larder.sync();
        body.put("running", engine.running() == null ? null : engine.running().apiName());
        // Larder keeps serving L2 while Stash is unreachable: degraded, not down
        body.put("health", engine.stashReachable() ? "ok" : "degraded");
        body.put("stashReachable", engine.stashReachable());
        body.put("schemaVersion", larder.store().schemaVersion());
        SyncOutcome last = engine.lastOutcome();
        body.put("last", last == null ? null : Map.of("mode", last.mode().apiName(), "startedAt", last.startedAt(),
                "finishedAt", last.finishedAt(), "written", last.written(), "errors", last.errors()));
        List<Map<String, Object>> types = engine.status().stream().map(SyncService::type).toList();
        body.put("types", types);
        EventStats events = larder.events().stats();
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("subscribed", larder.subscribed());
        e.put("received", events.received());
        e.put("malformed", events.malformed());
        e.put("coalesced", events.coalesced());
        e.put("fetches", events.fetches());
        e.put("applied", events.applied());
        body.put("events", e);
        res.send(body);
    }

    private static Map<String, Object> type(TypeProgress p) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("type", p.type().pluralName());
        t.put("state", p.state().name().toLowerCase(java.util.Locale.ROOT));
        t.put("mode", p.mode() == null ? null : p.mode().apiName());
        t.put("fetched", p.fetched());
        t.put("total", p.total() < 0 ? null : p.total());
        t.put("rowsPerSecond", Math.round(p.rowsPerSecond()));
        t.put("etaSeconds", p.etaSeconds() < 0 ? null : p.etaSeconds());
        t.put("watermark", p.watermark());
        t.put("lastError", p.lastError());
        t.put("finishedAt", p.finishedAt());
        return t;
    }
}
