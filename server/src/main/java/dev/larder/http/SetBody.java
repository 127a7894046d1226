package dev.larder.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.larder.EntityQueries;
import dev.larder.model.query.FilterContract;
import dev.larder.model.query.FindFilter;
import dev.larder.model.query.InputObject;
import dev.larder.model.query.InvalidInputException;
import io.helidon.webserver.http.ServerRequest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON body of a view of a whole filtered set: the parts of a query body that say which set ({@code filter},
 * a {@code FindFilterType} of which only {@code q} matters here, and {@code <type>_filter}), plus the view's own
 * fields, each optional. A field that is neither is a 400 naming it, as in a query body; so is an own field of
 * the wrong JSON type.
 */
final class SetBody {

    private final String q;
    private final InputObject filter;
    private final Map<String, JsonNode> own;

    private SetBody(String q, InputObject filter, Map<String, JsonNode> own) {
        this.q = q;
        this.filter = filter;
        this.own = own;
    }

    /**
     * @param req     the request
     * @param queries the type's queries
     * @param example a body the view takes, shown when the body is not JSON
     * @param fields  the view's own fields
     * @return the body; every part absent for an empty one
     * @throws InvalidInputException naming an unknown field or a value that does not fit
     */
    static SetBody read(ServerRequest req, EntityQueries queries, String example, Set<String> fields) {
        JsonNode body = JsonBodies.read(req, example, QueryService.MAX_QUERY_BODY);
        String q = null;
        InputObject filter = null;
        Map<String, JsonNode> own = new LinkedHashMap<>();
        if (body == null) {
            return new SetBody(null, null, own);
        }
        Set<String> known = new TreeSet<>(fields);
        known.add("filter");
        known.add(queries.filterField());
        if (!body.isObject()) {
            throw new InvalidInputException("", "the body must be a JSON object with " + String.join(", ", known)
                    + ", each optional");
        }
        Iterator<Map.Entry<String, JsonNode>> it = body.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (name.equals("filter")) {
                q = FindFilter.from(FilterContract.standard().parse("FindFilterType", value, "filter")).q();
            } else if (name.equals(queries.filterField())) {
                filter = FilterContract.standard().parse(queries.filterType(), value, name);
            } else if (fields.contains(name)) {
                own.put(name, value);
            } else {
                throw new InvalidInputException(name, "unknown field " + name + " in the body; this takes "
                        + String.join(", ", known));
            }
        }
        return new SetBody(q, filter, own);
    }

    /** @return the text to search, or null */
    String q() {
        return q;
    }

    /** @return the type's filter, or null */
    InputObject filter() {
        return filter;
    }

    /**
     * @param name an own field
     * @return its whole number, or null when absent
     * @throws InvalidInputException when it is not a whole number
     */
    Integer integer(String name) {
        JsonNode value = own.get(name);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new InvalidInputException(name, name + " must be a whole number, got " + value);
        }
        return value.intValue();
    }

    /**
     * @param name an own field
     * @return its text, or null when absent
     * @throws InvalidInputException when it is not a string
     */
    String text(String name) {
        JsonNode value = own.get(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidInputException(name, name + " must be a string, got " + value);
        }
        return value.asText();
    }

    /**
     * @param name an own field
     * @return its strings, or null when absent; a single string is a list of one, as GraphQL coerces it
     * @throws InvalidInputException naming an item that is not a string
     */
    List<String> texts(String name) {
        JsonNode value = own.get(name);
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            return List.of(value.asText());
        }
        if (!value.isArray()) {
            throw new InvalidInputException(name, name + " must be a list of strings, got " + value);
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                throw new InvalidInputException(name + "[" + i + "]", name + "[" + i + "] must be a string, got "
                        + value.get(i));
            }
            texts.add(value.get(i).asText());
        }
        return texts;
    }
}
