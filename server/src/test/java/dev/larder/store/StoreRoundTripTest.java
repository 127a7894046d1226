package dev.larder.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.larder.emulator.StashEmulator;
import dev.larder.model.EntityType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

/** Every type's Stash JSON, written to the store and read back, equals Stash's with media URLs reduced to paths. */
class StoreRoundTripTest {

    @TempDir
    static Path dir;
    static StashEmulator emulator;
    static Store store;
    static final Map<EntityType, List<ObjectNode>> stash = new EnumMap<>(EntityType.class);

    @BeforeAll
    static void load() {
        emulator = StashEmulator.builder().scenes(7, 400).start();
        store = Store.open(StoreConfig.defaults(dir.resolve("l2.db")));
        for (EntityType type : StashPages.listedTypes()) {
            stash.put(type, StashPages.all(emulator, type));
        }
        store.write(batchOfAll()).join();
    }

    @AfterAll
    static void close() {
        store.close();
        emulator.close();
    }

    static List<EntityType> listedTypes() {
        return StashPages.listedTypes();
    }

    private static WriteBatch batchOfAll() {
        WriteBatch.Builder batch = WriteBatch.builder();
        stash.forEach((type, entities) -> entities.forEach(e -> batch.upsert(type, e)));
        return batch.build();
    }

    @ParameterizedTest
    @MethodSource("listedTypes")
    void everyEntityReadsBackAsStashSentItWithPathsInsteadOfUrls(EntityType type) {
        assertThat(stash.get(type).size(), greaterThan(0));
        for (ObjectNode entity : stash.get(type)) {
            StoredEntity stored = store.get(type, entity.get("id").asInt()).orElseThrow();
            assertThat(stored.json(), equalTo(StashPages.expectedStored(entity, emulator.baseUrl())));
            assertThat(stored.live(), is(true));
        }
        assertThat(store.count(type), equalTo((long) stash.get(type).size()));
        assertThat(store.count(type), equalTo((long) emulator.library().count(type)));
    }

    @Test
    void chaptersReadBackOnTheirOwnWithTheirGallery() {
        int chapters = 0;
        for (ObjectNode gallery : stash.get(EntityType.GALLERY)) {
            for (JsonNode chapter : gallery.get("chapters")) {
                ObjectNode expected = ((ObjectNode) chapter).deepCopy();
                expected.putObject("gallery").put("id", gallery.get("id").asText());
                StoredEntity stored = store.get(EntityType.GALLERY_CHAPTER, chapter.get("id").asInt()).orElseThrow();
                assertThat(stored.json(), equalTo(expected));
                chapters++;
            }
        }
        assertThat(chapters, greaterThan(0));
        assertThat(store.count(EntityType.GALLERY_CHAPTER), equalTo((long) chapters));
    }

    @Test
    void writingTheSameEntitiesAgainLeavesTheSameRows() throws Exception {
        Map<String, List<String>> before = Dumps.content(dir.resolve("l2.db"));
        ChangeSet again = store.write(batchOfAll()).join();
        assertThat(again.upserted(EntityType.SCENE).size(), equalTo(stash.get(EntityType.SCENE).size()));
        assertThat(again.deleted(EntityType.GALLERY_CHAPTER), empty());
        assertThat(Dumps.content(dir.resolve("l2.db")), equalTo(before));
        assertThat(store.integrityCheck(), equalTo("ok"));
    }

    @Test
    void noApiKeyAndNoStashAddressIsStoredAnywhere() throws Exception {
        String key = emulator.apiKey();
        assertThat("the input carries the key, so the check below can fail",
                stash.get(EntityType.SCENE).getFirst().get("paths").get("stream").asText(), containsString(key));
        List<String> texts = Dumps.allText(dir.resolve("l2.db"));
        assertThat(texts.size(), greaterThan(1000));
        assertThat(texts.stream().filter(t -> t.contains(key)).toList(), empty());
        assertThat(texts.stream().filter(t -> t.contains(emulator.baseUrl())).toList(), empty());
    }

    @Test
    void integrityCheckIsOk() {
        assertThat(store.integrityCheck(), equalTo("ok"));
        assertThat(store.schemaVersion(), equalTo(Migrations.ALL.getLast().version()));
    }
}
