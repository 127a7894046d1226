package dev.larder.query;

import java.util.ArrayList;
import java.util.List;

/**
 * A request's {@code q} as an FTS5 query: words match as prefixes of indexed words only for the last one (the word
 * being typed), other words whole; a phrase in double quotes matches as a phrase; a word or phrase after {@code -}
 * must not match. Every word and phrase is quoted for FTS5, so nothing a user types is FTS syntax: a {@code q} that
 * FTS5 would reject is taken as plain words. Diacritics and case are folded by the index's tokenizer.
 *
 * @param include an FTS5 expression every match must satisfy, or null when the query only excludes
 * @param exclude an FTS5 expression no match may satisfy, or null
 */
record FullTextQuery(String include, String exclude) {

    /**
     * @param q the text as typed
     * @return the query, or null when {@code q} holds nothing searchable (no letter or digit): then it matches nothing
     */
    static FullTextQuery parse(String q) {
        List<String> included = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        boolean lastIsPrefix = false;
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean negated = c == '-' && i + 1 < q.length() && !Character.isWhitespace(q.charAt(i + 1));
            if (negated) {
                i++;
            }
            String term;
            boolean phrase = q.charAt(i) == '"';
            if (phrase) {
                int close = q.indexOf('"', i + 1);
                int end = close < 0 ? q.length() : close;
                term = q.substring(i + 1, end);
                i = close < 0 ? q.length() : close + 1;
            } else {
                int end = i;
                while (end < q.length() && !Character.isWhitespace(q.charAt(end))) {
                    end++;
                }
                term = q.substring(i, end);
                i = end;
            }
            if (!searchable(term)) {
                continue;
            }
            String quoted = "\"" + term.replace("\"", "\"\"") + "\"";
            if (negated) {
                excluded.add(quoted);
            } else {
                included.add(quoted);
                lastIsPrefix = !phrase && i >= q.length();
            }
        }
        if (included.isEmpty() && excluded.isEmpty()) {
            return null;
        }
        if (lastIsPrefix) {
            int last = included.size() - 1;
            included.set(last, included.get(last) + "*");
        }
        return new FullTextQuery(included.isEmpty() ? null : String.join(" ", included),
                excluded.isEmpty() ? null : String.join(" OR ", excluded));
    }

    private static boolean searchable(String term) {
        return term.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
