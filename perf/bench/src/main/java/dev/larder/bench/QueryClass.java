package dev.larder.bench;

import java.util.Objects;

/**
 * One class of query the query benchmark times: a fixed request, so that runs compare. Its SQL is what the same
 * request sent to its path + {@code /explain} lists ({@link QueryRequest#explain()}); the harness runs that SQL
 * over JDBC beside it, and reports a class whose explain route is missing as having no SQL listed. Immutable.
 *
 * @param name       the class's name in reports
 * @param request    the request; for a class that pages by cursor, without the cursor
 * @param cursorFrom for a class that pages by cursor: the request whose {@code next_cursor} goes into
 *                   {@code request}'s body (fetched once per Larder); null otherwise
 * @param awaits     what the class needs that Larder may not have yet (a route or criteria being built on another
 *                   branch), so that a refusal is reported as "not run"; null when it must run
 * @param peek       Peek's figure for the same query from {@code LESSONS.md}, null when Peek has none
 */
record QueryClass(String name, QueryRequest request, QueryRequest cursorFrom, String awaits, String peek) {

    QueryClass {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(request, "request");
    }

    /** @return a class that needs nothing Larder lacks */
    static QueryClass of(String name, QueryRequest request, String peek) {
        return new QueryClass(name, request, null, null, peek);
    }

    /**
     * @param need what Larder must have for this class to run
     * @return the same class, awaiting that
     */
    QueryClass awaiting(String need) {
        return new QueryClass(name, request, cursorFrom, need, peek);
    }

    /**
     * @param from the request whose {@code next_cursor} this class continues from
     * @return the same class, paging by cursor
     */
    QueryClass continuing(QueryRequest from) {
        return new QueryClass(name, request, from, awaits, peek);
    }
}
