package dev.larder.query;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import dev.larder.EntityQueries;
import dev.larder.model.EntityType;
import dev.larder.model.query.FindFilter;
import dev.larder.model.query.FindResult;
import dev.larder.model.query.Item;
import dev.larder.model.query.SortDirection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;

class SceneQueriesSmokeTest {

    @Test
    void aTagFilterPagesThroughWhatTheEmulatorHas() {
        EntityQueries scenes = QueryLibrary.larder().scenes();
        List<Integer> expected = QueryLibrary.entities(EntityType.SCENE).stream()
                .filter(s -> ((List<?>) s.get("tags")).contains(3)).map(s -> (Integer) s.get("id")).toList();
        var filter = scenes.filter("{\"tags\":{\"value\":[\"3\"],\"modifier\":\"INCLUDES\"}}");
        List<Integer> seen = new ArrayList<>();
        String cursor = null;
        long count = -1;
        do {
            FindResult page = scenes.find(new FindFilter(null, null, 7, "id", SortDirection.ASC), filter, cursor, false);
            count = page.count();
            page.items().stream().map(Item::id).forEach(seen::add);
            cursor = page.nextCursor();
        } while (cursor != null);
        System.out.println("expected " + expected.size() + " got " + seen.size());
        assertThat(count, is((long) expected.size()));
        assertThat(seen, is(expected));
        System.out.println(scenes.find(new FindFilter(null, null, 1, "date", SortDirection.DESC), filter, null, false).items());
        System.out.println(scenes.get(expected.get(0)).orElseThrow());
    }
}
