package dev.larder;

import dev.larder.emulator.StashEmulator;

/**
 * One emulator and one Larder on it for the server tests of this JVM: Helidon's test extension builds the routing
 * in a static method, before any instance exists. Closed when the JVM ends.
 */
public final class ServedLarder {

    private static StashEmulator emulator;
    private static Larder larder;

    private ServedLarder() {
    }

    /** @return the shared Larder, started on first use */
    public static synchronized Larder larder() {
        if (larder == null) {
            emulator = StashEmulator.builder().scenes(3, 300).start();
            larder = Larder.start(TestLarders.config(emulator));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                larder.close();
                emulator.close();
            }, "served-larder-shutdown"));
        }
        return larder;
    }

    /** @return the emulator the shared Larder syncs from */
    public static synchronized StashEmulator emulator() {
        larder();
        return emulator;
    }
}
