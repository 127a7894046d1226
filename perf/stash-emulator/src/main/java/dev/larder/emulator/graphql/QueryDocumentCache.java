package dev.larder.emulator.graphql;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Stash's query cache: gqlgen keeps the last {@value #CAPACITY} documents that parsed and validated, keyed by their
 * text ({@code SetQueryCache(lru.New(1000))} in Stash's {@code internal/api/server.go}), so a client that sends the
 * same text with different variables skips parsing and validation, and one that inlines its values pays for both on
 * every request. Documents with errors are not kept, so every request with a bad document still gets its errors.
 *
 * <p>Thread-safe.
 */
final class QueryDocumentCache implements PreparsedDocumentProvider {

    /** Entries kept, least recently used dropped first, as in Stash. */
    static final int CAPACITY = 1000;

    private final Map<String, PreparsedDocumentEntry> entries = new LinkedHashMap<>(CAPACITY * 4 / 3 + 1, 0.75f,
            true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
            return size() > CAPACITY;
        }
    };

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String text = input.getQuery();
        PreparsedDocumentEntry cached;
        synchronized (entries) {
            cached = entries.get(text);
        }
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        PreparsedDocumentEntry parsed = parseAndValidate.apply(input);
        if (!parsed.hasErrors()) {
            synchronized (entries) {
                entries.put(text, parsed);
            }
        }
        return CompletableFuture.completedFuture(parsed);
    }

    /** @return documents kept now */
    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
