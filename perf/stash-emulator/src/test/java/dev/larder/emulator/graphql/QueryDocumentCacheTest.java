package dev.larder.emulator.graphql;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.sameInstance;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** The emulator keeps parsed documents as Stash's gqlgen does: by text, valid ones only, the last thousand. */
class QueryDocumentCacheTest {

    private final QueryDocumentCache cache = new QueryDocumentCache();
    private final AtomicInteger parses = new AtomicInteger();
    private final Function<ExecutionInput, PreparsedDocumentEntry> valid = input -> {
        parses.incrementAndGet();
        return new PreparsedDocumentEntry(Document.newDocument().build());
    };

    @Test
    void theSameTextIsParsedOnceWhateverItsVariables() {
        PreparsedDocumentEntry first = cache.getDocumentAsync(input("query($id:ID!){findScene(id:$id){id}}"), valid)
                .join();
        PreparsedDocumentEntry second = cache.getDocumentAsync(ExecutionInput.newExecutionInput()
                .query("query($id:ID!){findScene(id:$id){id}}").variables(java.util.Map.of("id", "7")).build(),
                valid).join();
        assertThat(second, sameInstance(first));
        assertThat(parses.get(), is(1));
    }

    @Test
    void aDocumentWithErrorsIsCheckedAgainEveryTime() {
        Function<ExecutionInput, PreparsedDocumentEntry> invalid = input -> {
            parses.incrementAndGet();
            return new PreparsedDocumentEntry(ValidationError.newValidationError()
                    .validationErrorType(ValidationErrorType.FieldUndefined).description("no such field").build());
        };
        cache.getDocumentAsync(input("{nope}"), invalid).join();
        cache.getDocumentAsync(input("{nope}"), invalid).join();
        assertThat(parses.get(), is(2));
        assertThat(cache.size(), is(0));
    }

    @Test
    void theLeastRecentlyUsedGoesPastCapacity() {
        cache.getDocumentAsync(input("{kept}"), valid).join();
        for (int i = 0; i < QueryDocumentCache.CAPACITY; i++) {
            cache.getDocumentAsync(input("{filler" + i + "}"), valid).join();
            if (i % 100 == 0) {
                cache.getDocumentAsync(input("{kept}"), valid).join();
            }
        }
        assertThat(cache.size(), is(QueryDocumentCache.CAPACITY));
        int before = parses.get();
        cache.getDocumentAsync(input("{kept}"), valid).join();
        cache.getDocumentAsync(input("{filler0}"), valid).join();
        assertThat("{kept} was used recently, {filler0} was the eldest", parses.get(), is(before + 1));
    }

    private static ExecutionInput input(String query) {
        return ExecutionInput.newExecutionInput().query(query).build();
    }
}
