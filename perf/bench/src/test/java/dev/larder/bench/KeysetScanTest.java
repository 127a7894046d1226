package dev.larder.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeysetScanTest {
    @ParameterizedTest(name = "{0} scenes, {1} a page")
    @CsvSource({
            "0, 10, 1",
            "1, 10, 1",
            "9, 10, 1",
            "10, 10, 2",
            "25, 10, 3",
            "30, 10, 4",
            "1000, 1, 1001"})
    void pagesThroughEverySceneAndStopsOnTheFirstShortPage(int scenes, int perPage, long pages)
            throws InterruptedException {
        PhaseResult result = KeysetScan.run("test", new IdList(sparseIds(scenes)), perPage);

        assertThat(result.problem(), is(Optional.empty()));
        assertThat(result.rows(), is((long) scenes));
        assertThat(result.pages(), is(pages));
        assertThat(result.wireBytes(), is(pages * IdList.WIRE_BYTES));
        assertThat(result.jsonBytes(), is(pages * IdList.JSON_BYTES));
    }

    @Test
    void aRepeatedIdAcrossPagesFails() throws InterruptedException {
        long[] ids = {1, 2, 3, 3, 4};
        PhaseResult result = KeysetScan.run("test", (after, n) -> {
            // a broken keyset that returns the last id again
            long[] page = Arrays.stream(ids).filter(id -> id >= after).limit(n).toArray();
            return IdList.page(Arrays.stream(ids).filter(id -> id > after).count(), page);
        }, 2);

        assertThat(result.problem().orElseThrow(), containsString("not strictly ascending"));
    }

    @Test
    void aPageWhoseCountDisagreesFails() throws InterruptedException {
        long[] ids = sparseIds(30);
        IdList honest = new IdList(ids);
        PhaseResult result = KeysetScan.run("test", (after, n) -> {
            FetchedPage page = honest.fetch(after, n);
            ScenePage p = page.page();
            return after == 0 ? page : new FetchedPage(new ScenePage(ids.length, p.rows(), p.firstId(), p.lastId(),
                    p.ascending()), 0, 0);
        }, 10);

        assertThat(result.problem().orElseThrow(), containsString("has count 30, expected 20"));
        assertThat(result.pages(), is(2L));
    }

    @Test
    void fewerRowsThanTheFirstCountFails() throws InterruptedException {
        PhaseResult result = KeysetScan.run("test", (after, n) -> IdList.page(5, new long[] {1, 2, 3}), 10);

        assertThat(result.problem().orElseThrow(), is("saw 3 scenes but the first page's count was 5"));
    }

    @Test
    void aFailedRequestEndsThePhaseWithTheCountsSoFar() throws InterruptedException {
        IdList ids = new IdList(sparseIds(100));
        PhaseResult result = KeysetScan.run("test", (after, n) -> {
            if (after > 0) {
                throw new IOException("Connection reset");
            }
            return ids.fetch(after, n);
        }, 10);

        assertThat(result.problem().orElseThrow(), containsString("page 2 after id "));
        assertThat(result.problem().orElseThrow(), containsString("Connection reset"));
        assertThat(result.rows(), is(10L));
    }

    /** Ids with gaps, as a library with deletions has: 3, 7, 11, ... */
    private static long[] sparseIds(int count) {
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = 3 + 4L * i;
        }
        return ids;
    }

    /** An honest keyset source over a sorted id list; every page "costs" fixed byte counts. */
    private record IdList(long[] ids) implements PageSource {
        static final long WIRE_BYTES = 100;
        static final long JSON_BYTES = 400;

        @Override
        public FetchedPage fetch(long afterId, int perPage) {
            long[] remaining = Arrays.stream(ids).filter(id -> id > afterId).toArray();
            return page(remaining.length, Arrays.copyOf(remaining, Math.min(perPage, remaining.length)));
        }

        static FetchedPage page(long count, long[] page) {
            boolean ascending = true;
            for (int i = 1; i < page.length; i++) {
                ascending &= page[i] > page[i - 1];
            }
            return new FetchedPage(new ScenePage(count, page.length, page.length == 0 ? 0 : page[0],
                    page.length == 0 ? 0 : page[page.length - 1], ascending), WIRE_BYTES, JSON_BYTES);
        }
    }
}
