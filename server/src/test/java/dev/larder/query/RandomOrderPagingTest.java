package dev.larder.query;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import dev.larder.EntityQueries;
import dev.larder.model.EntityType;
import dev.larder.model.query.FindFilter;
import dev.larder.model.query.FindResult;
import dev.larder.model.query.Item;
import dev.larder.model.query.SortDirection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A plain {@code random} order, whose seed each first page draws, pages on with that seed through its cursor. */
class RandomOrderPagingTest {

    @Test
    void issue9_plainRandomPagesThroughWithTheSeedOfItsFirstPage() {
        EntityQueries scenes = QueryLibrary.larder().scenes();
        FindFilter random = new FindFilter(null, null, 250, "random", SortDirection.ASC);
        List<Integer> seen = new ArrayList<>();
        String cursor = null;
        do {
            FindResult page = scenes.find(random, null, cursor, false);
            page.items().stream().map(Item::id).forEach(seen::add);
            cursor = page.nextCursor();
        } while (cursor != null);
        List<Integer> all = QueryLibrary.entities(EntityType.SCENE).stream().map(s -> (Integer) s.get("id"))
                .toList();
        assertThat("every scene once", new HashSet<>(seen).size(), is(seen.size()));
        assertThat(new HashSet<>(seen), is(new HashSet<>(all)));
        assertThat("not in id order", seen, not(all));
    }
}
