package dev.larder.store;

import org.sqlite.Function;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * SQLite's {@code REGEXP} operator ({@code x REGEXP p} calls {@code regexp(p, x)}), which SQLite leaves to the
 * application, as Stash registers its own for the MATCHES_REGEX criteria. A NULL subject does not match. The last
 * pattern is kept compiled, since a query applies one pattern to every row.
 */
final class Regexp extends Function {

    private String lastSource;
    private Pattern last;

    private Regexp() {
    }

    static void register(Connection connection) throws SQLException {
        Function.create(connection, "regexp", new Regexp(), 2, Function.FLAG_DETERMINISTIC);
    }

    @Override
    protected void xFunc() throws SQLException {
        String source = value_text(0);
        String subject = value_text(1);
        if (source == null || subject == null) {
            result();
            return;
        }
        if (!source.equals(lastSource)) {
            try {
                last = Pattern.compile(source);
            } catch (PatternSyntaxException e) {
                throw new SQLException("invalid regular expression: " + e.getDescription());
            }
            lastSource = source;
        }
        result(last.matcher(subject).find() ? 1 : 0);
    }
}
