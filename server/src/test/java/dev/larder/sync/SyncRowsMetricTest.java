package dev.larder.sync;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import dev.larder.Larder;
import dev.larder.TestLarders;
import dev.larder.emulator.StashEmulator;
import dev.larder.model.EntityType;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Metrics;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** {@code larder.sync.rows} counts what Stash sent once, however many passes a sync makes over a type. */
class SyncRowsMetricTest {

    @Test
    void issue4_aFullSyncCountsEachTypesRowsOnce() throws Exception {
        try (StashEmulator emulator = StashEmulator.builder().scenes(5, 400).start();
             Larder larder = Larder.start(TestLarders.config(emulator))) {
            long before = scenesCounted();
            // the full sync's reconcile and referrer passes run each type again after its rows were fetched
            assertThat(larder.sync().request(SyncMode.FULL).get(60, TimeUnit.SECONDS).ok(), is(true));
            assertThat(scenesCounted() - before, is((long) emulator.library().count(EntityType.SCENE)));
        }
    }

    private static long scenesCounted() {
        return Metrics.globalRegistry().counter("larder.sync.rows", List.of(Metrics.tag("type", "scenes")))
                .map(Counter::count).orElse(0L);
    }
}
