package dev.larder.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QueryRequestTest {

    @Test
    void explainGoesBeforeTheQueryString() {
        assertThat(QueryRequest.post("/api/v1/scenes/query", "{}").explain(),
                is(QueryRequest.post("/api/v1/scenes/query/explain", "{}")));
        assertThat(QueryRequest.get("/api/v1/scenes/random?count=12").explain(),
                is(QueryRequest.get("/api/v1/scenes/random/explain?count=12")));
    }

    @Test
    void aCursorGoesIntoTheBody() {
        QueryRequest request = QueryRequest.post("/api/v1/scenes/query", "{\"filter\":{\"per_page\":40}}");

        assertThat(request.withCursor("abc.def").body(), is("{\"filter\":{\"per_page\":40},\"cursor\":\"abc.def\"}"));
        assertThrows(IllegalStateException.class, () -> QueryRequest.get("/api/v1/scenes").withCursor("x"));
    }

    @Test
    void aPostHasABodyAndAGetNone() {
        assertThrows(IllegalArgumentException.class, () -> new QueryRequest("POST", "/x", null));
        assertThrows(IllegalArgumentException.class, () -> new QueryRequest("GET", "/x", "{}"));
    }
}
