package dev.larder;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import dev.larder.emulator.StashEmulator;
import dev.larder.model.EntityType;
import dev.larder.sync.SyncMode;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What starts a sync besides a request: Stash's jobs over the websocket, and recovery after Stash was down. */
class LarderTriggersTest {

    private StashEmulator emulator;
    private Larder larder;

    @AfterEach
    void stop() {
        if (larder != null) {
            larder.close();
        }
        emulator.close();
    }

    @Test
    void aFinishedScanInStashBringsItsNewScenesIn() throws Exception {
        emulator = StashEmulator.builder().scenes(6, 300).start();
        larder = Larder.start(TestLarders.config(emulator));
        larder.sync().request(SyncMode.FULL).get(60, TimeUnit.SECONDS);
        awaitTrue(larder::subscribed);
        emulator.disk().addSceneFiles(3);
        emulator.execute("mutation{metadataScan(input:{})}", Map.of());
        awaitTrue(() -> larder.store().count(EntityType.SCENE) == 303);
        assertThat(larder.store().count(EntityType.SCENE), is(303L));
    }

    @Test
    void whileStashIsDownLarderIsDegradedAndCatchesUpWhenItReturns() throws Exception {
        emulator = StashEmulator.builder().scenes(6, 200).start();
        emulator.faults().errorShare(1.0);
        larder = Larder.start(TestLarders.config(emulator));
        assertThat(larder.sync().request(SyncMode.FULL).get(60, TimeUnit.SECONDS).ok(), is(false));
        assertThat(larder.sync().stashReachable(), is(false));
        emulator.faults().clear();
        // the failed run is retried by itself, with growing waits
        awaitTrue(() -> larder.sync().stashReachable() && larder.store().count(EntityType.SCENE) == 200);
        assertThat(larder.store().integrityCheck(), is("ok"));
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 60 s");
            }
            Thread.sleep(20);
        }
    }
}
