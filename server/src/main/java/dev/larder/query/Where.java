package dev.larder.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A boolean SQL expression with its parameters, over the aliases of one compilation. Immutable; combinators
 * parenthesise, so fragments compose whatever their inner operators.
 *
 * @param sql    the expression; parameters are {@code ?}
 * @param params the parameters' values in order (Integer, Long, Double or String)
 */
record Where(String sql, List<Object> params) {

    /** Matches every row. */
    static final Where TRUE = new Where("1", List.of());
    /** Matches no row. */
    static final Where FALSE = new Where("0", List.of());

    Where {
        params = List.copyOf(params);
    }

    static Where of(String sql, Object... params) {
        return new Where(sql, Arrays.asList(params));
    }

    /** @return both; TRUE is left out */
    Where and(Where other) {
        if (this == TRUE) {
            return other;
        }
        if (other == TRUE) {
            return this;
        }
        return join(" AND ", List.of(this, other));
    }

    /** @return either */
    Where or(Where other) {
        return join(" OR ", List.of(this, other));
    }

    /**
     * @return the negation; as in Stash's SQL, a row for which this is unknown (NULL, such as a comparison with a
     *         missing value) matches neither this nor its negation
     */
    Where not() {
        return new Where("NOT (" + sql + ")", params);
    }

    /** @return every one of them; TRUE for none */
    static Where all(List<Where> parts) {
        List<Where> kept = parts.stream().filter(w -> w != TRUE).toList();
        return kept.isEmpty() ? TRUE : kept.size() == 1 ? kept.get(0) : join(" AND ", kept);
    }

    /** @return any one of them; FALSE for none */
    static Where any(List<Where> parts) {
        return parts.isEmpty() ? FALSE : parts.size() == 1 ? parts.get(0) : join(" OR ", parts);
    }

    private static Where join(String operator, List<Where> parts) {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (Where part : parts) {
            if (!sql.isEmpty()) {
                sql.append(operator);
            }
            sql.append('(').append(part.sql).append(')');
            params.addAll(part.params);
        }
        return new Where(sql.toString(), params);
    }
}
