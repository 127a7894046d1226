package dev.larder.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.larder.model.EntityType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.larder.store.Entities.entity;
import static dev.larder.store.Entities.scene;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

/** The FTS5 indexes find live entities by their titles, names, aliases and file paths, and follow every change. */
class FullTextTest {

    @TempDir
    Path dir;
    Store store;

    @BeforeEach
    void load() {
        store = Store.open(StoreConfig.defaults(dir.resolve("l2.db")));
        ObjectNode scene = scene(1, "Quiet Harbour").put("details", "a long walk").put("code", "ABC-123")
                .put("director", "Ingrid Marsh");
        scene.putArray("files").addObject().put("id", "9").put("path", "/data/Studio Zed/harbourwalk_1.mp4");
        ObjectNode performer = entity(2).put("name", "Dana Ellis").put("disambiguation", "the painter");
        performer.putArray("alias_list").add("Dee Rivers").add("Dana E");
        ObjectNode tag = entity(3).put("name", "Sunset").put("sort_name", "Evening");
        tag.putArray("aliases").add("dusk");
        ObjectNode group = entity(4).put("name", "Harbour Stories").put("aliases", "Port Tales");
        store.write(WriteBatch.builder().upsert(EntityType.SCENE, scene).upsert(EntityType.SCENE, scene(5, "Other"))
                .upsert(EntityType.PERFORMER, performer).upsert(EntityType.TAG, tag)
                .upsert(EntityType.STUDIO, entity(6).put("name", "Studio Zed"))
                .upsert(EntityType.GROUP, group).upsert(EntityType.GALLERY, entity(7).put("title", "Harbour Set"))
                .upsert(EntityType.IMAGE, entity(8).put("title", "Lighthouse")).build()).join();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<Integer> search(String table, String query) {
        return store.read(c -> {
            try (var s = c.prepareStatement("SELECT rowid FROM " + table + " WHERE " + table
                                            + " MATCH ? ORDER BY rowid")) {
                s.setString(1, query);
                List<Integer> ids = new ArrayList<>();
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getInt(1));
                    }
                }
                return ids;
            }
        });
    }

    @ParameterizedTest
    @CsvSource({
            "scenes_fts, harbour, 1", "scenes_fts, title:quiet, 1", "scenes_fts, walk, 1", "scenes_fts, abc, 1",
            "scenes_fts, marsh, 1", "scenes_fts, harbourwalk_1, 1", "scenes_fts, path:zed, 1",
            "performers_fts, ellis, 2", "performers_fts, rivers, 2", "tags_fts, dusk, 3", "tags_fts, evening, 3",
            "studios_fts, zed, 6", "groups_fts, tales, 4", "galleries_fts, harbour, 7",
            "images_fts, lighthouse, 8"})
    void findsEntitiesByTheirText(String table, String query, int id) {
        assertThat(search(table, query), contains(id));
    }

    @Test
    void issue9_performersAreNotFoundByTheirDisambiguationAsStashsQSearchesNameAndAliasesOnly() {
        assertThat(search("performers_fts", "painter"), empty());
    }

    @Test
    void followsUpdatesDeletesAndRestores() {
        store.write(WriteBatch.builder().upsert(EntityType.SCENE, scene(1, "Calm Bay")).build()).join();
        assertThat(search("scenes_fts", "title:harbour"), empty());
        assertThat(search("scenes_fts", "calm"), contains(1));
        assertThat("the file list was replaced too", search("scenes_fts", "harbourwalk_1"), empty());
        store.write(WriteBatch.builder().delete(EntityType.SCENE, 1).delete(EntityType.TAG, 3).build()).join();
        assertThat(search("scenes_fts", "calm"), empty());
        assertThat(search("tags_fts", "sunset"), empty());
        store.write(WriteBatch.builder().restore(EntityType.TAG, 3).build()).join();
        assertThat(search("tags_fts", "sunset"), contains(3));
    }
}
