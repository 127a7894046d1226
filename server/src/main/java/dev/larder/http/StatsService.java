package dev.larder.http;

import dev.larder.EntityQueries;
import dev.larder.Larder;
import dev.larder.model.query.InvalidInputException;
import dev.larder.model.stats.Breakdown;
import dev.larder.model.stats.Breakdowns;
import dev.larder.model.stats.DateDistribution;
import dev.larder.model.stats.DateInterval;
import dev.larder.model.stats.LibraryStats;
import dev.larder.model.stats.RandomPicks;
import dev.larder.model.stats.RemovedPage;
import dev.larder.model.stats.Totals;
import io.helidon.common.parameters.Parameters;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The views of whole filtered sets and of the library, an adapter over {@link EntityQueries} and
 * {@link Larder#stats()}. A set is named as in a query body: {@code "filter"} (a {@code FindFilterType}, of which
 * {@code q} counts) and {@code "<type>_filter"}, each optional, beside each view's own fields:
 * <ul>
 *     <li>{@code GET /api/v1/stats}: Stash's {@code StatsResultType} over the library;</li>
 *     <li>{@code POST /api/v1/{type}/stats}: {@code {"count", <measure>: sum...}} of a set;</li>
 *     <li>{@code GET /api/v1/{type}/random?count=12&q=} and {@code POST /api/v1/{type}/random} with
 *     {@code "count"}: {@code {"count", "items"}}, random picks (compact items; {@code full=true} for all fields);</li>
 *     <li>{@code POST /api/v1/{type}/facets} with {@code "facets"} (names, default all) and {@code "limit"}
 *     (default 20, at most 200): {@code {"count", "facets": {"tags": [{"id", "name", "count"}], "resolution":
 *     [{"value", "count"}]}}};</li>
 *     <li>{@code POST /api/v1/{type}/top} with {@code "of"} (facets, default those of related entities),
 *     {@code "by"} ({@code count} and measures, default all) and {@code "limit"} (default 10): {@code {"count",
 *     "top": {"performers": {"play_count": [{"id", "name", "count", <measure>...}]}}}};</li>
 *     <li>{@code POST /api/v1/{type}/dates} with {@code "field"} ({@code date}, {@code created_at}) and
 *     {@code "interval"} ({@code year}, {@code month}): {@code {"count", "field", "interval", "undated",
 *     "buckets": [{"period", "count"}]}};</li>
 *     <li>{@code GET /api/v1/{type}/removed?since=<ISO-8601 instant>&after=<id>&limit=}: what Stash no longer
 *     has, {@code {"count", "items": [{"id", "deletedAt"}], "next": {"since", "after"} or null}}.</li>
 * </ul>
 * Registered before the query and entity routes, whose {@code /{type}/{id}} would take {@code random} for an id.
 * Admin token required until Larder has users. Every answer carries an ETag and honours {@code If-None-Match}.
 */
public final class StatsService implements HttpService {

    private static final Set<String> RANDOM_PARAMETERS = Set.of("count", "q", "full");
    private static final Set<String> REMOVED_PARAMETERS = Set.of("since", "after", "limit");

    private final Larder larder;
    private final AdminAuth admin;

    /**
     * @param larder the running engine
     * @param admin  the admin guard
     */
    public StatsService(Larder larder, AdminAuth admin) {
        this.larder = larder;
        this.admin = admin;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/stats", this::library)
                .get("/{type}/random", this::randomGet)
                .post("/{type}/random", this::randomPost)
                .post("/{type}/stats", this::totals)
                .post("/{type}/facets", this::facets)
                .post("/{type}/top", this::top)
                .post("/{type}/dates", this::dates)
                .get("/{type}/removed", this::removed);
    }

    private void library(ServerRequest req, ServerResponse res) {
        admin.check(req);
        LibraryStats s = larder.stats();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scene_count", s.sceneCount());
        body.put("scenes_size", s.scenesSize());
        body.put("scenes_duration", s.scenesDuration());
        body.put("image_count", s.imageCount());
        body.put("images_size", s.imagesSize());
        body.put("gallery_count", s.galleryCount());
        body.put("performer_count", s.performerCount());
        body.put("studio_count", s.studioCount());
        body.put("group_count", s.groupCount());
        body.put("movie_count", s.groupCount());
        body.put("tag_count", s.tagCount());
        body.put("total_o_count", s.totalOCount());
        body.put("total_play_duration", s.totalPlayDuration());
        body.put("total_play_count", s.totalPlayCount());
        body.put("scenes_played", s.scenesPlayed());
        JsonAnswers.send(req, res, Json.bytes(body));
    }

    private void randomGet(ServerRequest req, ServerResponse res) {
        EntityQueries queries = queries(req);
        admin.check(req);
        Parameters query = req.query();
        known(query, RANDOM_PARAMETERS);
        Integer count = QueryService.number(query, "count");
        RandomPicks picks = queries.random(null, query.first("q").orElse(null), count == null ? 1 : count,
                QueryService.full(req));
        JsonAnswers.send(req, res, ItemsJson.write(picks.count(), picks.items(), ""));
    }

    private void randomPost(ServerRequest req, ServerResponse res) {
        EntityQueries queries = queries(req);
        admin.check(req);
        SetBody body = SetBody.read(req, queries, "{\"" + queries.filterField() + "\":{},\"count\":12}",
                Set.of("count"));
        Integer count = body.integer("count");
        RandomPicks picks = queries.random(body.filter(), body.q(), count == null ? 1 : count,
                QueryService.full(req));
        JsonAnswers.send(req, res, ItemsJson.write(picks.count(), picks.items(), ""));
    }

    private void totals(ServerRequest req, ServerResponse res) {
        EntityQueries queries = queries(req);
        admin.check(req);
        SetBody body = SetBody.read(req, queries, "{\"" + queries.filterField() + "\":{}}", Set.of());
        Totals totals = queries.totals(body.filter(), body.q());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("count", totals.count());
        answer.putAll(totals.sums());
        JsonAnswers.send(req, res, Json.bytes(answer));
    }

    private void facets(ServerRequest req, ServerResponse res) {
        EntityQueries queries = queries(req);
        admin.check(req);
        SetBody body = SetBody.read(req, queries, "{\"" + queries.filterField()
                + "\":{},\"facets\":[\"tags\"],\"limit\":20}", Set.of("facets", "limit"));
        Breakdowns facets = queries.facets(body.filter(), body.q(), body.texts("facets"), body.integer("limit"));
        Map<String, Object> byFacet = new LinkedHashMap<>();
        for (Breakdown facet : facets.breakdowns()) {
            byFacet.put(facet.facet(), entries(facet));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("count", facets.count());
        answer.put("facets", byFacet);
        JsonAnswers.send(req, res, Json.bytes(answer));
    }

    private void top(ServerRequest req, ServerResponse res) {
        EntityQueries queries = queries(req);
        admin.check(req);
        SetBody body = SetBody.read(req, queries, "{\"" + queries.filterField()
                + "\":{},\"of\":[\"performers\"],\"by\":[\"play_count\"],\"limit\":10}", Set.of("of", "by", "limit"));
        Breakdowns top = queries.top(body.filter(), body.q(), body.texts("of"), body.texts("by"),
                body.integer("limit"));
        Map<String, Map<String, Object>> byFacet = new LinkedHashMap<>();
        for (Breakdown list : top.breakdowns()) {
            byFacet.computeIfAbsent(list.facet(), f -> new LinkedHashMap<>()).put(list.orderedBy(), entries(list));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("count", top.count());
        answer.put("top", byFacet);
        JsonAnswers.send(req, res, Json.bytes(answer));
    }

    private void dates(ServerRequest req, ServerResponse res) {
        EntityQueries queries = queries(req);
        admin.check(req);
        SetBody body = SetBody.read(req, queries, "{\"" + queries.filterField()
                + "\":{},\"field\":\"date\",\"interval\":\"month\"}", Set.of("field", "interval"));
        String interval = body.text("interval");
        DateInterval parsed = interval == null ? null : DateInterval.fromApiName(interval)
                .orElseThrow(() -> new InvalidInputException("interval", "interval must be year or month, got "
                        + interval));
        DateDistribution dates = queries.dates(body.filter(), body.q(), body.text("field"), parsed);
        List<Map<String, Object>> buckets = new ArrayList<>();
        for (DateDistribution.Bucket bucket : dates.buckets()) {
            buckets.add(object("period", bucket.period(), "count", bucket.count()));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("count", dates.count());
        answer.put("field", dates.field());
        answer.put("interval", dates.interval().apiName());
        answer.put("undated", dates.undated());
        answer.put("buckets", buckets);
        JsonAnswers.send(req, res, Json.bytes(answer));
    }

    private void removed(ServerRequest req, ServerResponse res) {
        EntityQueries queries = queries(req);
        admin.check(req);
        Parameters query = req.query();
        known(query, REMOVED_PARAMETERS);
        Instant since = query.first("since").map(StatsService::instant).orElse(null);
        RemovedPage page = queries.removed(since, QueryService.number(query, "after"),
                QueryService.number(query, "limit"));
        List<Map<String, Object>> items = new ArrayList<>();
        for (RemovedPage.Removed removed : page.removed()) {
            items.add(object("id", String.valueOf(removed.id()), "deletedAt", removed.deletedAt()));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("count", page.count());
        answer.put("items", items);
        RemovedPage.Removed last = page.removed().isEmpty() ? null : page.removed().getLast();
        answer.put("next", page.more() && last != null
                ? object("since", last.deletedAt(), "after", String.valueOf(last.id())) : null);
        JsonAnswers.send(req, res, Json.bytes(answer));
    }

    /** @return the entries as {@code {"id", "name", <measures>}} for related entities, else {@code {"value", ...}} */
    private static List<Map<String, Object>> entries(Breakdown breakdown) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Breakdown.Entry entry : breakdown.entries()) {
            Map<String, Object> json = new LinkedHashMap<>();
            if (breakdown.type() != null) {
                json.put("id", entry.value());
                json.put("name", entry.name());
            } else {
                json.put("value", entry.value());
            }
            json.putAll(entry.measures());
            entries.add(json);
        }
        return entries;
    }

    /** @return a JSON object of the names and values, in their order */
    private static Map<String, Object> object(Object... namesAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return object;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("since", "since must be an ISO-8601 instant such as "
                    + "2026-03-01T10:15:30Z, got " + text);
        }
    }

    private static void known(Parameters query, Set<String> names) {
        for (String name : query.names()) {
            if (!names.contains(name) && !name.startsWith("_")) {
                throw new InvalidInputException(name, "unknown query parameter " + name + "; one of "
                        + String.join(", ", names.stream().sorted().toList()));
            }
        }
    }

    private EntityQueries queries(ServerRequest req) {
        // an unknown type is a 404 for everyone: the list of types is no secret
        return larder.queries(QueryService.type(req));
    }
}
