package dev.larder.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/** Test support: the content of an L2 file, read over a connection of its own. */
final class Dumps {

    /** Columns that hold the time of a write, which differ between two otherwise equal loads. */
    private static final Set<String> WRITE_TIMES = Set.of("synced_at", "written_at", "applied_at");

    private Dumps() {
    }

    /**
     * @return per table, its rows as sorted text (write times left out); per full-text table, its vocabulary
     *         (term, documents, occurrences)
     */
    static TreeMap<String, List<String>> content(Path db) throws SQLException {
        TreeMap<String, List<String>> content = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement s = c.createStatement()) {
            for (String table : tables(c)) {
                if (table.endsWith("_fts")) {
                    s.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab_" + table + " USING fts5vocab(main, '"
                              + table + "', 'row')");
                    content.put(table, rows(s, "SELECT * FROM temp.vocab_" + table));
                } else if (!table.contains("_fts_")) {
                    content.put(table, rows(s, "SELECT * FROM " + table));
                }
            }
        }
        return content;
    }

    /** @return every stored text value of every table (full-text shadow tables included, as blobs decoded) */
    static List<String> allText(Path db) throws SQLException {
        List<String> texts = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement s = c.createStatement()) {
            for (String table : tables(c)) {
                if (table.endsWith("_fts")) {
                    continue;
                }
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            Object value = rs.getObject(i);
                            if (value instanceof String text) {
                                texts.add(text);
                            } else if (value instanceof byte[] bytes) {
                                texts.add(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
                            }
                        }
                    }
                }
            }
        }
        return texts;
    }

    static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                                           + " AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    if (!WRITE_TIMES.contains(meta.getColumnName(i))) {
                        row.append(meta.getColumnName(i)).append('=').append(rs.getString(i)).append('|');
                    }
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        return rows;
    }
}
