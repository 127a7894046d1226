package dev.larder.bench;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code clients} benchmarks' set-ups on small inputs: each checks that the two ways it compares read the same
 * values (and throws otherwise), and the store's set-up checks the fixed SQL against the query engine. No timing.
 */
class ClientsBenchmarksTest {

    @TempDir
    Path dir;

    @Test
    void larderAndSmallRyeReadTheSamePageParsedAndFetched() throws Exception {
        Path page = ClientsInputs.scenePage(dir.resolve("page.json"), 60);

        PageParseBench parse = new PageParseBench();
        parse.pageFile = page.toString();
        parse.setUp();
        PageFetchBench fetch = new PageFetchBench();
        fetch.pageFile = page.toString();
        fetch.setUp();
        try {
            assertThat(fetch.larder(), greaterThan(Long.MIN_VALUE));
        } finally {
            fetch.tearDown();
        }
    }

    @Test
    void larderAndSmallRyeReadTheSameLogLines() {
        LogMessageBench logs = new LogMessageBench();
        logs.lines = 20;
        logs.setUp();
    }

    @Test
    void theReadStatementsAnswerAsTheEngineAndDbClientReadWhatJdbcReads() throws Exception {
        Path store = dir.resolve("larder.db");
        ReadStatementsBench reads = new ReadStatementsBench();
        reads.tag = ClientsInputs.syncedStore(store, 600);
        reads.storeFile = store.toString();
        reads.setUp();
        reads.tearDown();
    }
}
