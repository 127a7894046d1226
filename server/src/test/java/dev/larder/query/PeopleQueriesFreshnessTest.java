package dev.larder.query;

import dev.larder.EntityQueries;
import dev.larder.Larder;
import dev.larder.TestLarders;
import dev.larder.emulator.StashEmulator;
import dev.larder.model.EntityType;
import dev.larder.model.query.SortDirection;
import dev.larder.sync.SyncMode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Counts over other entities stay fresh: a scene that gains a performer, then is deleted, moves the performer's
 * tally, and the filters, sorts and items that read it, cached or not, answer the new counts at once.
 */
class PeopleQueriesFreshnessTest {

    @Test
    void issue9_aSceneGainingAPerformerAndGoingAwayMovesItsCountsInFiltersSortsAndItems() throws Exception {
        try (StashEmulator emulator = StashEmulator.builder().scenes(3, 120).start()) {
            Larder larder = Larder.start(TestLarders.config(emulator));
            try {
                larder.sync().request(SyncMode.FULL).get(2, TimeUnit.MINUTES);
                EntityQueries performers = larder.performers();
                Map<String, Object> scene = emulator.library().get(EntityType.SCENE, 1);
                int o = (Integer) scene.get("o_counter");
                int performer = 1;
                while (((List<?>) scene.get("performers")).contains(performer)) {
                    performer++;
                }
                int id = performer;
                int scenes = count(performers, id, "scene_count");
                int os = count(performers, id, "o_counter");
                String moreScenes = "{\"scene_count\":{\"value\":" + scenes + ",\"modifier\":\"GREATER_THAN\"}}";
                assertThat(ids(performers, moreScenes), not(hasItem(id)));

                emulator.library().update(EntityType.SCENE, 1, s -> {
                    List<Object> list = new ArrayList<>((List<?>) s.get("performers"));
                    list.add(id);
                    s.put("performers", list);
                });
                larder.sync().request(SyncMode.INCREMENTAL).get(1, TimeUnit.MINUTES);
                assertThat(count(performers, id, "scene_count"), equalTo(scenes + 1));
                assertThat(count(performers, id, "o_counter"), equalTo(os + o));
                assertThat(ids(performers, moreScenes), hasItem(id));
                assertThat(sortedByScenes(performers).indexOf(id), equalTo(rank(performers, id)));

                emulator.library().destroy(EntityType.SCENE, 1);
                larder.sync().request(SyncMode.SWEEP).get(1, TimeUnit.MINUTES);
                assertThat(count(performers, id, "scene_count"), equalTo(scenes));
                assertThat(ids(performers, moreScenes), not(hasItem(id)));
            } finally {
                larder.close();
            }
        }
    }

    private static int count(EntityQueries performers, int id, String field) {
        return performers.get(id).orElseThrow().tree().get(field).asInt();
    }

    private static List<Integer> ids(EntityQueries performers, String filter) {
        return PeopleOracle.run(performers, filter, null, "id", SortDirection.ASC);
    }

    private static List<Integer> sortedByScenes(EntityQueries performers) {
        return PeopleOracle.run(performers, null, null, "scenes_count", SortDirection.DESC);
    }

    /** @return where the performer belongs among all by scene count (descending, then id descending) */
    private static int rank(EntityQueries performers, int id) {
        int own = count(performers, id, "scene_count");
        int above = 0;
        for (int other : PeopleOracle.run(performers, null, null, "id", SortDirection.ASC)) {
            int theirs = count(performers, other, "scene_count");
            if (theirs > own || theirs == own && other > id) {
                above++;
            }
        }
        return above;
    }
}
