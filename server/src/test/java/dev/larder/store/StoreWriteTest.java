package dev.larder.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.larder.model.EntityType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletionException;

import static dev.larder.store.Entities.entity;
import static dev.larder.store.Entities.refs;
import static dev.larder.store.Entities.scene;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Upserts, relation replacement, soft deletes with cascades, restores, sync state and the id queries. */
class StoreWriteTest {

    @TempDir
    Path dir;
    Store store;

    @BeforeEach
    void open() {
        store = Store.open(StoreConfig.defaults(dir.resolve("l2.db")));
    }

    @AfterEach
    void close() {
        assertThat(store.integrityCheck(), equalTo("ok"));
        store.close();
    }

    private ChangeSet write(WriteBatch.Builder batch) {
        return store.write(batch.build()).join();
    }

    private List<Integer> sceneTags(int scene) {
        return store.read(c -> {
            try (var s = c.prepareStatement("SELECT tag_id FROM scene_tags WHERE scene_id = ? ORDER BY position")) {
                s.setInt(1, scene);
                try (var rs = s.executeQuery()) {
                    List<Integer> tags = new java.util.ArrayList<>();
                    while (rs.next()) {
                        tags.add(rs.getInt(1));
                    }
                    return tags;
                }
            }
        });
    }

    @Test
    void anUpsertReplacesTheRelationsItHadAndKeepsStashOrder() {
        write(WriteBatch.builder().upsert(EntityType.SCENE, scene(1, "one", 3, 1, 2)));
        assertThat(sceneTags(1), contains(3, 1, 2));
        write(WriteBatch.builder().upsert(EntityType.SCENE, scene(1, "one", 2, 9)));
        assertThat(sceneTags(1), contains(2, 9));
        write(WriteBatch.builder().upsert(EntityType.SCENE, scene(1, "one")));
        assertThat(sceneTags(1), empty());
        assertThat(store.get(EntityType.SCENE, 1).orElseThrow().json().get("tags").size(), equalTo(0));
    }

    @Test
    void groupsKeepTheirSceneIndexAndContainingGroupsTheirDescription() {
        ObjectNode scene = scene(1, "s");
        scene.putArray("groups").addObject().put("scene_index", 4).putObject("group").put("id", "7");
        ObjectNode group = entity(7).put("name", "g");
        group.putArray("containing_groups").addObject().put("description", "part two")
                .putObject("group").put("id", "3");
        write(WriteBatch.builder().upsert(EntityType.SCENE, scene).upsert(EntityType.GROUP, group));
        assertThat(store.get(EntityType.SCENE, 1).orElseThrow().json().get("groups"), equalTo(scene.get("groups")));
        assertThat(store.get(EntityType.GROUP, 7).orElseThrow().json().get("containing_groups"),
                equalTo(group.get("containing_groups")));
    }

    @Test
    void aSoftDeleteHidesFromCountsAndIdsButGetShowsWhen() {
        WriteBatch.Builder batch = WriteBatch.builder();
        for (int id = 1; id <= 10; id++) {
            batch.upsert(EntityType.SCENE, scene(id, "s" + id, 1));
        }
        write(batch);
        ChangeSet deleted = write(WriteBatch.builder().delete(EntityType.SCENE, 4).delete(EntityType.SCENE, 10)
                .delete(EntityType.SCENE, 99));
        assertThat(deleted.deleted(EntityType.SCENE), contains(4, 10));
        assertThat(store.count(EntityType.SCENE), equalTo(8L));
        assertThat(store.countIdRange(EntityType.SCENE, 3, 10), equalTo(6L));
        assertThat(store.ids(EntityType.SCENE, 2, 6), contains(2, 3, 5, 6));
        assertThat(store.maxId(EntityType.SCENE), equalTo(OptionalInt.of(9)));
        StoredEntity gone = store.get(EntityType.SCENE, 4).orElseThrow();
        assertThat(gone.deletedAt(), notNullValue());
        assertThat(gone.json().get("title").asText(), equalTo("s4"));
        assertThat(store.get(EntityType.SCENE, 99), equalTo(Optional.empty()));
        assertThat(store.maxId(EntityType.PERFORMER), equalTo(OptionalInt.empty()));
    }

    @Test
    void anEntityThatComesBackIsRestoredWithItsNewRelations() {
        write(WriteBatch.builder().upsert(EntityType.SCENE, scene(1, "old", 5)));
        write(WriteBatch.builder().delete(EntityType.SCENE, 1));
        ChangeSet back = write(WriteBatch.builder().upsert(EntityType.SCENE, scene(1, "new", 6, 7)));
        assertThat(back.upserted(EntityType.SCENE), contains(1));
        StoredEntity restored = store.get(EntityType.SCENE, 1).orElseThrow();
        assertThat(restored.deletedAt(), nullValue());
        assertThat(restored.json().get("title").asText(), equalTo("new"));
        assertThat(sceneTags(1), contains(6, 7));
        assertThat(store.count(EntityType.SCENE), equalTo(1L));
    }

    @Test
    void aRestoreKeepsWhatWasStored() {
        write(WriteBatch.builder().upsert(EntityType.SCENE, scene(1, "kept", 5)));
        write(WriteBatch.builder().delete(EntityType.SCENE, 1));
        ChangeSet restored = write(WriteBatch.builder().restore(EntityType.SCENE, 1).restore(EntityType.SCENE, 2));
        assertThat(restored.upserted(EntityType.SCENE), contains(1));
        assertThat(store.get(EntityType.SCENE, 1).orElseThrow().live(), is(true));
        assertThat(sceneTags(1), contains(5));
    }

    @Test
    void deletingASceneDeletesItsMarkersAndAGalleryItsChapters() {
        ObjectNode marker = entity(30).put("title", "m");
        marker.putObject("scene").put("id", "1");
        ObjectNode gallery = entity(2).put("title", "g");
        gallery.putArray("chapters").addObject().put("id", "40").put("title", "c").put("image_index", 1);
        write(WriteBatch.builder().upsert(EntityType.SCENE, scene(1, "s")).upsert(EntityType.SCENE_MARKER, marker)
                .upsert(EntityType.GALLERY, gallery));
        assertThat(store.count(EntityType.GALLERY_CHAPTER), equalTo(1L));
        ChangeSet deleted = write(WriteBatch.builder().delete(EntityType.SCENE, 1).delete(EntityType.GALLERY, 2));
        assertThat(deleted.deleted(EntityType.SCENE_MARKER), contains(30));
        assertThat(deleted.deleted(EntityType.GALLERY_CHAPTER), contains(40));
        assertThat(store.count(EntityType.SCENE_MARKER), equalTo(0L));
        assertThat(store.count(EntityType.GALLERY_CHAPTER), equalTo(0L));
    }

    @Test
    void chaptersThatLeaveTheirGalleryAreDeletedAndOnesThatReturnRestored() {
        ObjectNode gallery = entity(2);
        gallery.putArray("chapters").addObject().put("id", "40").put("title", "a");
        gallery.withArray("chapters").addObject().put("id", "41").put("title", "b");
        write(WriteBatch.builder().upsert(EntityType.GALLERY, gallery));
        ObjectNode shorter = entity(2);
        shorter.putArray("chapters").addObject().put("id", "41").put("title", "b2");
        ChangeSet change = write(WriteBatch.builder().upsert(EntityType.GALLERY, shorter));
        assertThat(change.deleted(EntityType.GALLERY_CHAPTER), contains(40));
        assertThat(change.upserted(EntityType.GALLERY_CHAPTER), contains(41));
        assertThat(store.get(EntityType.GALLERY_CHAPTER, 40).orElseThrow().live(), is(false));
        assertThat(store.get(EntityType.GALLERY, 2).orElseThrow().json().get("chapters").size(), equalTo(1));
        write(WriteBatch.builder().upsert(EntityType.GALLERY, gallery));
        assertThat(store.get(EntityType.GALLERY_CHAPTER, 40).orElseThrow().live(), is(true));
        assertThat(store.count(EntityType.GALLERY_CHAPTER), equalTo(2L));
    }

    @Test
    void syncStateCommitsWithItsBatchOrNotAtAll() {
        ChangeSet ok = write(WriteBatch.builder().upsert(EntityType.SCENE, scene(1, "a"))
                .putSyncState("scenes.checkpoint", "1"));
        assertThat(ok.syncStateKeys(), contains("scenes.checkpoint"));
        assertThat(store.syncState("scenes.checkpoint"), equalTo(Optional.of("1")));
        ObjectNode broken = scene(2, "b");
        broken.putObject("studio").put("id", "not a number");
        CompletionException failure = assertThrows(CompletionException.class, () -> write(WriteBatch.builder()
                .upsert(EntityType.SCENE, scene(3, "c")).upsert(EntityType.SCENE, broken)
                .putSyncState("scenes.checkpoint", "3")));
        assertThat(failure.getCause(), instanceOf(StoreException.class));
        assertThat(store.syncState("scenes.checkpoint"), equalTo(Optional.of("1")));
        assertThat(store.get(EntityType.SCENE, 3), equalTo(Optional.empty()));
        write(WriteBatch.builder().putSyncState("scenes.checkpoint", "4"));
        assertThat("the writer goes on after a failed batch", store.syncState("scenes.checkpoint"),
                equalTo(Optional.of("4")));
    }

    @Test
    void theLastChangeToAnEntityInABatchWins() {
        ChangeSet change = write(WriteBatch.builder().upsert(EntityType.SCENE, scene(1, "a"))
                .delete(EntityType.SCENE, 1).upsert(EntityType.SCENE, scene(1, "b")));
        assertThat(change.deleted(EntityType.SCENE), empty());
        assertThat(store.get(EntityType.SCENE, 1).orElseThrow().json().get("title").asText(), equalTo("b"));
    }

    @Test
    void batchesRefuseChaptersAndBadIds() {
        assertThrows(IllegalArgumentException.class,
                () -> WriteBatch.builder().upsert(EntityType.GALLERY_CHAPTER, entity(1)));
        assertThrows(IllegalArgumentException.class,
                () -> WriteBatch.builder().upsert(EntityType.SCENE, entity(1).put("id", "x")));
        ObjectNode noId = entity(1);
        noId.remove("id");
        assertThrows(IllegalArgumentException.class, () -> WriteBatch.builder().upsert(EntityType.SCENE, noId));
    }

    @Test
    void writesAfterCloseFail() {
        store.close();
        CompletionException e = assertThrows(CompletionException.class,
                () -> store.write(WriteBatch.builder().upsert(EntityType.SCENE, scene(1, "x")).build()).join());
        assertThat(e.getCause(), instanceOf(IllegalStateException.class));
        store = Store.open(StoreConfig.defaults(dir.resolve("l2.db")));
    }

    @Test
    void relationsOfEveryListReadBackInOrder() {
        ObjectNode image = entity(5);
        image.set("tags", refs(3, 1));
        image.set("performers", refs(8));
        image.set("galleries", refs(2, 4));
        write(WriteBatch.builder().upsert(EntityType.IMAGE, image));
        ObjectNode stored = store.get(EntityType.IMAGE, 5).orElseThrow().json();
        assertThat(stored.get("tags"), equalTo(refs(3, 1)));
        assertThat(stored.get("performers"), equalTo(refs(8)));
        assertThat(stored.get("galleries"), equalTo(refs(2, 4)));
    }
}
