package dev.larder.query;

import dev.larder.Larder;
import dev.larder.TestLarders;
import dev.larder.emulator.StashEmulator;
import dev.larder.model.EntityType;
import dev.larder.sync.SyncMode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One emulator library and one Larder holding all of it, shared by the read-only query tests of this JVM: the
 * expected answers come from the emulator's entities ({@link #entities}), computed by the tests themselves and never
 * from Larder's SQL. Tests that write use a Larder of their own.
 */
public final class QueryLibrary {

    /** Scenes in the shared library: enough for every relation to have several members. */
    public static final int SCENES = 2_000;

    private static StashEmulator emulator;
    private static Larder larder;

    private QueryLibrary() {
    }

    /** @return the shared Larder, fully synced on first use */
    public static synchronized Larder larder() {
        if (larder == null) {
            emulator = StashEmulator.builder().scenes(7, SCENES).start();
            larder = Larder.start(TestLarders.config(emulator));
            try {
                larder.sync().request(SyncMode.FULL).get(5, TimeUnit.MINUTES);
            } catch (Exception e) {
                throw new IllegalStateException("the shared query library did not sync", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                larder.close();
                emulator.close();
            }, "query-library-shutdown"));
        }
        return larder;
    }

    /** @return the emulator the shared Larder synced from */
    public static synchronized StashEmulator emulator() {
        larder();
        return emulator;
    }

    /**
     * @param type a type
     * @return every live entity of that type in the emulator, by ascending id, as the emulator's maps
     */
    public static List<Map<String, Object>> entities(EntityType type) {
        var library = emulator().library();
        List<Map<String, Object>> all = new ArrayList<>();
        int live = library.count(type);
        for (int id = 1; all.size() < live; id++) {
            Map<String, Object> entity = library.get(type, id);
            if (entity != null) {
                all.add(entity);
            }
        }
        return Collections.unmodifiableList(all);
    }
}
