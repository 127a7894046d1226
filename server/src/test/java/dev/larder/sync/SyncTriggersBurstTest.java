package dev.larder.sync;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import dev.larder.TestLarders;
import dev.larder.emulator.StashEmulator;
import dev.larder.stash.StashClient;
import dev.larder.store.Store;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The catch-up sync after a series of change events: only a series of a burst's size asks for one. */
class SyncTriggersBurstTest {

    private static final int BURST = 100;

    private StashEmulator emulator;
    private Store store;
    private StashClient stash;
    private SyncEngine engine;
    private SyncTriggers triggers;

    @BeforeEach
    void start() {
        emulator = StashEmulator.builder().scenes(4, 50).start();
        store = Store.open(TestLarders.config(emulator).store());
        stash = StashClient.builder(URI.create(emulator.graphqlUrl())).apiKey(emulator.apiKey()).build();
        engine = new SyncEngine(stash, store, SyncSettings.DEFAULTS, Clock.systemUTC());
        triggers = new SyncTriggers(engine, Duration.ofMinutes(120), Duration.ofDays(7), BURST);
    }

    @AfterEach
    void stop() {
        triggers.close();
        engine.close();
        stash.close();
        store.close();
        emulator.close();
    }

    @Test
    void issue4_aSeriesOfSmallBatchesAddingUpToABurstIsCaughtUpOnceItEnds() throws Exception {
        // as a lossy stream delivers a burst: many batches, none of a burst's size on its own
        for (int batch = 0; batch < 5; batch++) {
            triggers.eventsArrived(BURST / 4);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (engine.lastOutcome() == null) {
            assertThat("a catch-up sync within 60 s", System.nanoTime() < deadline, is(true));
            Thread.sleep(20);
        }
        assertThat(engine.lastOutcome().mode(), is(SyncMode.INCREMENTAL));
    }

    @Test
    void aSeriesSmallerThanABurstAsksForNoSync() throws Exception {
        triggers.eventsArrived(BURST - 1);
        Thread.sleep(SyncTriggers.SERIES_QUIET.toMillis() * 2);
        assertThat(engine.lastOutcome(), is(nullValue()));
        assertThat(engine.running(), is(nullValue()));
    }
}
