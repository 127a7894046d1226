package dev.larder.emulator.library;

import dev.larder.model.EntityType;
import org.junit.jupiter.api.Test;

import java.util.BitSet;
import java.util.List;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The benchmark-sized library: a million scenes walked by keyset pages. Prints throughput; asserts only
 * correctness, never timing.
 */
class MillionScenesTest {

    private static final int SCENES = 1_000_000;
    private static final int PAGE = 5_000;

    @Test
    void walksAMillionScenesByKeysetPagesAndReadsASample() {
        long start = System.nanoTime();
        SyntheticLibrary library = TestLibraries.scenes(SCENES);
        System.out.printf("build: %.3f s%n", (System.nanoTime() - start) / 1e9);
        List<Integer> destroyed = List.of(1, 4_999, 5_000, 5_001, 500_000, 999_999);
        destroyed.forEach(id -> library.destroy(EntityType.SCENE, id));
        int expected = SCENES - destroyed.size();
        assertThat(library.count(EntityType.SCENE), is(expected));

        start = System.nanoTime();
        BitSet seen = new BitSet(SCENES + 1);
        int last = 0;
        int rows = 0;
        int pages = 0;
        while (true) {
            FindResult page = library.find(EntityType.SCENE, new FindQuery(null,
                    new IntCriterion(Modifier.GREATER_THAN, last, null), null, null, "id", false, 1, PAGE));
            pages++;
            if (page.ids().isEmpty()) {
                assertThat(page.count(), is(0));
                break;
            }
            assertThat(page.count(), is(expected - rows));
            for (int id : page.ids()) {
                assertThat("seen once: " + id, seen.get(id), is(false));
                seen.set(id);
            }
            rows += page.ids().size();
            last = page.ids().get(page.ids().size() - 1);
        }
        report("keyset walk, " + pages + " pages of " + PAGE, start, rows, "ids");
        assertThat(rows, is(expected));
        destroyed.forEach(id -> assertThat(seen.get(id), is(false)));

        int sample = 100_000;
        for (int round = 0; round < 2; round++) {
            start = System.nanoTime();
            long fields = 0;
            for (int i = 0; i < sample; i++) {
                Map<String, Object> scene = library.get(EntityType.SCENE, 2 + (int) ((long) i * 9_973 % (SCENES - 2)));
                if (scene != null) {
                    fields += scene.size();
                }
            }
            assertThat(fields > 0, is(true));
            report("full scene reads (round " + (round + 1) + ")", start, sample, "scenes");
        }

        start = System.nanoTime();
        FindResult recent = library.find(EntityType.SCENE, new FindQuery(null, null, null,
                new TimestampCriterion(Modifier.GREATER_THAN, "2026-05-01T00:00:00+10:00", null), "updated_at", false,
                1, PAGE));
        report("updated_at > X over all scenes (" + recent.count() + " match)", start, SCENES, "rows scanned");
        for (int id : recent.ids()) {
            assertThat(library.get(EntityType.SCENE, id), notNullValue());
        }

        for (EntityType type : EntityType.values()) {
            FindResult counted = library.find(type, new FindQuery(null, null, null, null, "id", false, 1, 0));
            assertThat(counted.count(), is(library.count(type)));
        }
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("heap in use after GC: %.1f MB%n", (runtime.totalMemory() - runtime.freeMemory()) / 1e6);
    }

    private static void report(String what, long startNanos, long items, String unit) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf("%s: %.3f s, %,.0f %s/s%n", what, seconds, items / seconds, unit);
    }
}
