package dev.larder.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;

class ExplainedSqlTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void parametersKeepTheirTypesAndEveryStatementRuns() throws Exception {
        ExplainedSql sql = ExplainedSql.parse(JSON.readTree("""
                {"statements":[
                  {"role":"count","sql":"SELECT count(*) FROM t WHERE n > ? AND x < ?","params":[1,2.5]},
                  {"role":"page","sql":"SELECT n, s FROM t WHERE s <> ? ORDER BY n","params":["b"]}]}"""));

        assertThat(sql.roles(), contains("count", "page"));
        assertThat(sql.statements().get(0).params(), is(List.of(1L, 2.5)));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (n INTEGER, x REAL, s TEXT)");
            s.execute("INSERT INTO t VALUES (1, 1.0, 'a'), (2, 2.0, 'b'), (3, 3.0, 'c')");
            // one count row, then the two rows whose s is not b
            assertThat(sql.run(c), is(3L));
        }
    }

    @Test
    void anythingButAnExplainAnswerIsRefused() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> ExplainedSql.parse(JSON.readTree("{\"count\":3}")));
        assertThrows(IllegalArgumentException.class, () -> ExplainedSql.parse(JSON.readTree("""
                {"statements":[{"role":"count","sql":"SELECT 1","params":[null]}]}""")));
    }
}
