package dev.larder.stash;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fragments of {@code sync-fields.graphql}: the fields Larder keeps of each entity type. A document that spreads a
 * fragment must carry that fragment and the fragments it spreads, and no other (GraphQL rejects unused fragments);
 * {@link #definitions(String)} gives exactly that set. Immutable and thread-safe.
 */
final class Fragments {

    static final String RESOURCE = "/dev/larder/stash/sync-fields.graphql";

    private static final Pattern START = Pattern.compile("(?m)^fragment\\s+(\\w+)\\s+on\\s+\\w+\\s*\\{");
    /** A named spread; an inline fragment ({@code ... on X}) starts with the lower-case keyword and does not match. */
    private static final Pattern SPREAD = Pattern.compile("\\.\\.\\.\\s*([A-Z]\\w*)");

    private final Map<String, String> texts;

    private Fragments(Map<String, String> texts) {
        this.texts = texts;
    }

    /** @return the fragments of the resource on the class path */
    static Fragments load() {
        try (InputStream in = Fragments.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * @param source GraphQL text holding fragment definitions (and comments outside them)
     * @return the fragments, by name
     */
    static Fragments parse(String source) {
        Map<String, String> texts = new LinkedHashMap<>();
        Matcher m = START.matcher(source);
        while (m.find()) {
            int depth = 1;
            int i = m.end();
            while (depth > 0) {
                if (i >= source.length()) {
                    throw new IllegalArgumentException("fragment " + m.group(1) + " is not closed");
                }
                char c = source.charAt(i++);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            texts.put(m.group(1), source.substring(m.start(), i));
        }
        return new Fragments(Collections.unmodifiableMap(texts));
    }

    /** @return the names of every fragment, in file order */
    Set<String> names() {
        return texts.keySet();
    }

    /**
     * The definitions a document that spreads {@code name} must carry.
     *
     * @param name a fragment name, e.g. {@code SceneFields}
     * @return that fragment and, transitively, every fragment it spreads, each once, separated by newlines
     * @throws IllegalArgumentException for an unknown name
     */
    String definitions(String name) {
        Set<String> needed = new LinkedHashSet<>();
        collect(name, needed);
        StringBuilder out = new StringBuilder();
        for (String n : needed) {
            out.append('\n').append(texts.get(n));
        }
        return out.toString();
    }

    private void collect(String name, Set<String> needed) {
        String text = texts.get(name);
        if (text == null) {
            throw new IllegalArgumentException("no fragment " + name + " in " + RESOURCE);
        }
        if (!needed.add(name)) {
            return;
        }
        Matcher spread = SPREAD.matcher(text);
        while (spread.find()) {
            collect(spread.group(1), needed);
        }
    }
}
