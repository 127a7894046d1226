package dev.larder.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.larder.EntityQueries;
import dev.larder.Larder;
import dev.larder.model.EntityType;
import dev.larder.model.query.FilterContract;
import dev.larder.model.query.FindFilter;
import dev.larder.model.query.FindResult;
import dev.larder.model.query.InputObject;
import dev.larder.model.query.InvalidInputException;
import dev.larder.model.query.Item;
import dev.larder.model.query.SortDirection;
import dev.larder.query.QueryEngine;
import io.helidon.common.parameters.Parameters;
import io.helidon.http.NotFoundException;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The query API of every entity type, an adapter over {@link EntityQueries}:
 * <ul>
 *     <li>{@code POST /api/v1/{type}/query} with {@code {"filter": <FindFilterType>, "<type>_filter": <Stash's
 *     filter type>, "cursor": "..."}}, every part optional;</li>
 *     <li>{@code POST /api/v1/{type}/query/explain} with the same body: {@code {"statements": [{"role", "sql",
 *     "params"}]}}, the SQL that query runs on L2 (a diagnostic, see {@link EntityQueries#explain});</li>
 *     <li>{@code GET /api/v1/{type}?q=&sort=&direction=&page=&per_page=&cursor=} for the common cases;</li>
 *     <li>{@code GET /api/v1/{type}/{id}}: one item with every stored field.</li>
 * </ul>
 * Lists answer {@code {"count", "items", "next_cursor"}}; {@code full=true} asks for items with every stored field.
 * Admin token required until Larder has users. Every answer carries an ETag and honours {@code If-None-Match}.
 */
public final class QueryService implements HttpService {

    /** The largest query body taken, in bytes: room for filters with thousands of ids. */
    static final int MAX_QUERY_BODY = 64 * 1024;
    private static final Set<String> LIST_PARAMETERS = Set.of("q", "sort", "direction", "page", "per_page",
            "cursor", "full");

    private final Larder larder;
    private final AdminAuth admin;

    /**
     * @param larder the running engine
     * @param admin  the admin guard
     */
    public QueryService(Larder larder, AdminAuth admin) {
        this.larder = larder;
        this.admin = admin;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/{type}/query", this::query)
                .post("/{type}/query/explain", this::explain)
                .get("/{type}", this::list)
                .get("/{type}/{id}", this::byId);
    }

    private void query(ServerRequest req, ServerResponse res) {
        // an unknown type is a 404 for everyone: the list of types is no secret
        EntityQueries queries = queries(req);
        admin.check(req);
        QueryBody body = body(req, queries);
        JsonAnswers.send(req, res, page(queries.find(body.find(), body.filter(), body.cursor(), full(req))));
    }

    private void explain(ServerRequest req, ServerResponse res) {
        EntityQueries queries = queries(req);
        admin.check(req);
        QueryBody body = body(req, queries);
        JsonAnswers.send(req, res, Json.bytes(Map.of("statements",
                queries.explain(body.find(), body.filter(), body.cursor()))));
    }

    /** A query's body, each part null when absent. */
    private record QueryBody(FindFilter find, InputObject filter, String cursor) {
    }

    /**
     * Reads {@code {"filter": <FindFilterType>, "<type>_filter": <Stash's filter type>, "cursor": "..."}}, every
     * part optional.
     */
    private static QueryBody body(ServerRequest req, EntityQueries queries) {
        JsonNode body = JsonBodies.read(req, "{\"filter\":{\"per_page\":40,\"sort\":\"date\",\"direction\":\"DESC\"},\""
                + queries.filterField() + "\":{}}", MAX_QUERY_BODY);
        FindFilter find = null;
        InputObject filter = null;
        String cursor = null;
        if (body != null) {
            if (!body.isObject()) {
                throw new InvalidInputException("", "the body must be a JSON object with filter, "
                        + queries.filterField() + " and cursor, each optional");
            }
            Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                JsonNode value = field.getValue();
                if (value.isNull()) {
                    continue;
                }
                if (name.equals("filter")) {
                    find = FindFilter.from(FilterContract.standard().parse("FindFilterType", value, "filter"));
                } else if (name.equals(queries.filterField())) {
                    filter = FilterContract.standard().parse(queries.filterType(), value, name);
                } else if (name.equals("cursor")) {
                    if (!value.isTextual()) {
                        throw new InvalidInputException("cursor",
                                "cursor must be a string (a next_cursor Larder sent)");
                    }
                    cursor = value.asText();
                } else {
                    throw new InvalidInputException(name, "unknown field " + name + " in the body; "
                            + queries.type().pluralName() + " take filter, " + queries.filterField() + " and cursor");
                }
            }
        }
        return new QueryBody(find, filter, cursor);
    }

    private void list(ServerRequest req, ServerResponse res) {
        // an unknown type is a 404 for everyone: the list of types is no secret
        EntityQueries queries = queries(req);
        admin.check(req);
        Parameters query = req.query();
        for (String name : query.names()) {
            if (!LIST_PARAMETERS.contains(name) && !name.startsWith("_")) {
                throw new InvalidInputException(name, "unknown query parameter " + name + "; one of "
                        + String.join(", ", LIST_PARAMETERS.stream().sorted().toList()));
            }
        }
        FindFilter find = new FindFilter(text(query, "q"), number(query, "page"), number(query, "per_page"),
                text(query, "sort"), direction(query));
        FindResult result = queries.find(find, null, text(query, "cursor"), full(req));
        JsonAnswers.send(req, res, page(result));
    }

    private void byId(ServerRequest req, ServerResponse res) {
        // an unknown type is a 404 for everyone: the list of types is no secret
        EntityQueries queries = queries(req);
        admin.check(req);
        int id = id(req);
        Item item = queries.get(id).orElseThrow(() -> new NotFoundException("no " + queries.type().pluralName()
                + " with id " + id + " in Larder"));
        JsonAnswers.send(req, res, item.toBytes());
    }

    private EntityQueries queries(ServerRequest req) {
        return larder.queries(type(req));
    }

    /**
     * @param req a request with a {@code type} path parameter
     * @return the entity type it names, among those Larder serves
     * @throws NotFoundException naming the valid types otherwise
     */
    static EntityType type(ServerRequest req) {
        String name = req.path().pathParameters().get("type");
        return EntityType.fromPluralName(name).filter(QueryEngine::serves)
                .orElseThrow(() -> new NotFoundException("no entity type " + name + "; one of "
                        + Arrays.stream(EntityType.values()).filter(QueryEngine::serves).map(EntityType::pluralName)
                        .collect(Collectors.joining(", "))));
    }

    /**
     * @param req a request with an {@code id} path parameter
     * @return the id
     * @throws InvalidInputException unless it is a positive whole number
     */
    static int id(ServerRequest req) {
        String text = req.path().pathParameters().get("id");
        try {
            int id = Integer.parseInt(text);
            if (id >= 1) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException("id", "id must be a positive whole number, got " + text);
    }

    /**
     * @param req a request
     * @return its {@code full} parameter: whether items carry every stored field
     * @throws InvalidInputException unless it is true or false
     */
    static boolean full(ServerRequest req) {
        String value = req.query().first("full").orElse("false");
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "" -> true;
            case "false", "0" -> false;
            default -> throw new InvalidInputException("full", "full must be true or false, got " + value);
        };
    }

    private static String text(Parameters query, String name) {
        return query.first(name).orElse(null);
    }

    /**
     * @param query a request's query parameters
     * @param name  a parameter's name
     * @return its whole number, null when absent or blank
     * @throws InvalidInputException naming the parameter when it is not a whole number
     */
    static Integer number(Parameters query, String name) {
        String value = query.first(name).orElse(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, name + " must be a whole number, got " + value);
        }
    }

    private static SortDirection direction(Parameters query) {
        String value = query.first("direction").orElse(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return SortDirection.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("direction", "direction must be ASC or DESC, got " + value);
        }
    }

    /** {@code {"count":N,"items":[...],"next_cursor":...}} around the items' rendered bytes, copied once. */
    static byte[] page(FindResult result) {
        // cursors are base64url and a dot: nothing to escape
        return ItemsJson.write(result.count(), result.items(), ",\"next_cursor\":"
                + (result.nextCursor() == null ? "null" : "\"" + result.nextCursor() + "\""));
    }
}
