package dev.larder.emulator.graphql;

import dev.larder.emulator.library.FindQuery;
import dev.larder.emulator.library.IntCriterion;
import dev.larder.emulator.library.Modifier;
import dev.larder.emulator.library.TimestampCriterion;
import graphql.schema.DataFetchingEnvironment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the arguments of a {@code findXxx} list query into a {@link FindQuery}. The criteria that the emulator
 * implements are {@code id}, {@code created_at}, {@code updated_at} and {@code last_played_at}, and its schema's
 * filter types have no others, so a document with another criterion fails validation rather than being answered
 * as if it had none.
 */
final class FindArguments {

    private FindArguments() {
    }

    /**
     * Reads the arguments.
     *
     * @param env          the list query's environment
     * @param filterArg    the name of its entity filter argument, e.g. {@code scene_filter}
     * @param legacyIdsArg the name of its deprecated int id list argument, or null
     * @return the query
     */
    static FindQuery read(DataFetchingEnvironment env, String filterArg, String legacyIdsArg) {
        Map<String, Object> filter = env.getArgumentOrDefault("filter", Map.of());
        Map<String, Object> criteria = env.getArgumentOrDefault(filterArg, Map.of());
        Object q = filter.get("q");
        if (q != null && !((String) q).isEmpty()) {
            throw new NotEmulatedException("text search (filter.q)");
        }
        Integer page = (Integer) filter.get("page");
        Integer perPage = (Integer) filter.get("per_page");
        return new FindQuery(
                ids(env, legacyIdsArg),
                intCriterion(criteria.get("id")),
                timestampCriterion(criteria.get("created_at")),
                timestampCriterion(criteria.get("updated_at")),
                (String) filter.get("sort"),
                "DESC".equals(filter.get("direction")),
                page == null ? 1 : page,
                perPage == null ? FindQuery.DEFAULT_PER_PAGE : perPage,
                timestampCriterion(criteria.get("last_played_at")));
    }

    private static List<Integer> ids(DataFetchingEnvironment env, String legacyIdsArg) {
        List<Object> ids = env.getArgument("ids");
        if ((ids == null || ids.isEmpty()) && legacyIdsArg != null) {
            ids = env.getArgument(legacyIdsArg);
        }
        if (ids == null) {
            return null;
        }
        List<Integer> parsed = new ArrayList<>(ids.size());
        for (Object id : ids) {
            parsed.add(parseId(id));
        }
        return parsed;
    }

    /**
     * Parses an {@code ID} argument as Stash does (an integer, given as text or number).
     *
     * @param id the argument value
     * @return the id
     * @throws IllegalArgumentException for anything that is not an integer
     */
    static int parseId(Object id) {
        if (id instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(String.valueOf(id));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid id: " + id);
        }
    }

    @SuppressWarnings("unchecked")
    private static IntCriterion intCriterion(Object value) {
        if (value == null) {
            return null;
        }
        Map<String, Object> c = (Map<String, Object>) value;
        return new IntCriterion(modifier(c), (Integer) c.get("value"), (Integer) c.get("value2"));
    }

    @SuppressWarnings("unchecked")
    private static TimestampCriterion timestampCriterion(Object value) {
        if (value == null) {
            return null;
        }
        Map<String, Object> c = (Map<String, Object>) value;
        return new TimestampCriterion(modifier(c), (String) c.get("value"), (String) c.get("value2"));
    }

    private static Modifier modifier(Map<String, Object> criterion) {
        String name = String.valueOf(criterion.get("modifier"));
        try {
            return Modifier.valueOf(name);
        } catch (IllegalArgumentException e) {
            // Stash panics on modifiers its criterion does not handle, which gqlgen reports like this.
            throw new IllegalArgumentException("internal system error: unsupported modifier " + name);
        }
    }
}
