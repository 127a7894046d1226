package dev.larder.emulator;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.larder.model.EntityType;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each mutation's effect on {@code updated_at} and the hooks it fires (STASH.md b.1, d.2), observed as Larder will
 * observe them: over HTTP and through the log stream written by a real JavaScript plugin.
 */
class MutationContractTest {

    private StashEmulator emulator;
    private GraphqlHttp http;
    private HookRecorder hooks;

    @BeforeEach
    void start() throws URISyntaxException {
        Path plugins = Path.of(getClass().getResource("/contract-plugin").toURI());
        emulator = StashEmulator.builder().scenes(3, 1000).pluginsDir(plugins)
                .logBatchInterval(Duration.ofMillis(20)).start();
        http = new GraphqlHttp(emulator);
        hooks = HookRecorder.attach(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void sceneUpdateBumpsUpdatedAtAndFiresOneHookWithItsInputFields() {
        String before = updatedAt(EntityType.SCENE, 5);
        JsonNode scene = http.data("mutation{sceneUpdate(input:{id:\"5\",title:\"New\",rating100:80})"
                + "{id title updated_at}}").get("sceneUpdate");
        assertThat(scene.get("title").asText(), is("New"));
        assertThat(scene.get("updated_at").asText().compareTo(before), greaterThan(0));
        List<HookRecorder.Hook> fired = hooks.take(1);
        assertThat(fired, hasSize(1));
        assertThat(fired.getFirst().type(), is("Scene.Update.Post"));
        assertThat(fired.getFirst().id(), is(5));
        assertThat(texts(fired.getFirst().inputFields()), containsInAnyOrder("id", "title", "rating100"));
    }

    @Test
    void sceneCreateHandsTheHookANullInput() {
        int id = http.data("mutation{sceneCreate(input:{title:\"Made\"}){id}}").get("sceneCreate").get("id").asInt();
        assertThat(id, greaterThan(1000));
        List<HookRecorder.Hook> fired = hooks.take(1);
        assertThat(fired.getFirst().type(), is("Scene.Create.Post"));
        assertThat(fired.getFirst().input().isNull(), is(true));
    }

    @Test
    void aBulkUpdateFiresOneHookPerSceneWithTheWholeInput() {
        http.data("mutation{bulkSceneUpdate(input:{ids:[\"1\",\"2\",\"3\"],tag_ids:{ids:[\"1\"],mode:ADD}}){id}}");
        List<HookRecorder.Hook> fired = hooks.take(3);
        assertThat(fired.stream().map(HookRecorder.Hook::id).toList(), containsInAnyOrder(1, 2, 3));
        for (HookRecorder.Hook h : fired) {
            assertThat(h.input().get("ids").size(), is(3));
        }
        assertThat(tagIds(1), hasItem(1));
    }

    @Test
    void sceneDestroyFiresWithTheFilesIdentityAndTheSceneIsGone() {
        http.data("mutation{sceneDestroy(input:{id:\"9\"})}");
        HookRecorder.Hook hook = hooks.take(1).getFirst();
        assertThat(hook.type(), is("Scene.Destroy.Post"));
        assertThat(hook.input().get("oshash").isTextual(), is(true));
        assertThat(hook.input().get("path").isTextual(), is(true));
        assertThat(http.data("{findScene(id:\"9\"){id}}").get("findScene").isNull(), is(true));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "sceneAddPlay(id:\"7\"){count} | play_count",
            "sceneAddO(id:\"7\"){count} | o_counter",
            "sceneSaveActivity(id:\"7\",resume_time:12.5,playDuration:30) | resume_time"})
    void playsAndActivityChangeCountersWithoutBumpingOrHooks(String mutation, String field) {
        String before = updatedAt(EntityType.SCENE, 7);
        Object valueBefore = emulator.library().get(EntityType.SCENE, 7).get(field);
        http.data("mutation{" + mutation + "}");
        Map<String, Object> after = emulator.library().get(EntityType.SCENE, 7);
        assertThat(after.get(field), not(valueBefore));
        assertThat(after.get("updated_at"), is(before));
        assertNoHookFired();
    }

    @Test
    void tagsMergeFiresOnlyForTheDestinationAndRepointsWithoutBumping() {
        int scene = sceneWithTags();
        int source = tagIds(scene).getFirst();
        int destination = source == 1 ? 2 : 1;
        String sceneUpdatedAt = updatedAt(EntityType.SCENE, scene);
        http.data("mutation{tagsMerge(input:{source:[\"" + source + "\"],destination:\"" + destination + "\"}){id}}");
        List<HookRecorder.Hook> fired = hooks.take(1);
        assertThat(fired, hasSize(1));
        assertThat(fired.getFirst().type(), is("Tag.Merge.Post"));
        assertThat(fired.getFirst().id(), is(destination));
        assertThat(tagIds(scene), hasItem(destination));
        assertThat(tagIds(scene), not(hasItem(source)));
        assertThat(updatedAt(EntityType.SCENE, scene), is(sceneUpdatedAt));
        assertThat(emulator.library().get(EntityType.TAG, source), is(nullValue()));
    }

    @Test
    void performerAndSceneMergesFireNoHookAndRemoveTheSources() {
        http.data("mutation{performerMerge(input:{source:[\"3\"],destination:\"4\"}){id}}");
        http.data("mutation{sceneMerge(input:{source:[\"11\"],destination:\"12\",play_history:true}){id}}");
        assertNoHookFired();
        assertThat(emulator.library().get(EntityType.PERFORMER, 3), is(nullValue()));
        assertThat(emulator.library().get(EntityType.SCENE, 11), is(nullValue()));
        assertThat(http.data("{findScene(id:\"12\"){files{id}}}").get("findScene").get("files").size(),
                greaterThan(1));
    }

    @Test
    void groupMutationsFireBothGroupAndMovieHooks() {
        http.data("mutation{groupUpdate(input:{id:\"2\",name:\"Renamed\"}){id}}");
        assertThat(hooks.take(2).stream().map(HookRecorder.Hook::type).toList(),
                containsInAnyOrder("Group.Update.Post", "Movie.Update.Post"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "performerCreate(input:{name:\"P\"}){id} | Performer.Create.Post",
            "performerUpdate(input:{id:\"1\",name:\"P2\"}){id} | Performer.Update.Post",
            "performerDestroy(input:{id:\"2\"}) | Performer.Destroy.Post",
            "studioCreate(input:{name:\"S\"}){id} | Studio.Create.Post",
            "studioUpdate(input:{id:\"1\",details:\"d\"}){id} | Studio.Update.Post",
            "tagCreate(input:{name:\"T\"}){id} | Tag.Create.Post",
            "tagUpdate(input:{id:\"3\",description:\"x\"}){id} | Tag.Update.Post",
            "tagDestroy(input:{id:\"4\"}) | Tag.Destroy.Post",
            "galleryCreate(input:{title:\"G\"}){id} | Gallery.Create.Post",
            "galleryUpdate(input:{id:\"1\",title:\"G2\"}){id} | Gallery.Update.Post",
            "imageUpdate(input:{id:\"1\",title:\"I\"}){id} | Image.Update.Post",
            "imageDestroy(input:{id:\"2\"}) | Image.Destroy.Post",
            "sceneMarkerCreate(input:{title:\"M\",seconds:5,scene_id:\"1\",primary_tag_id:\"1\"}){id} | SceneMarker.Create.Post",
            "galleryChapterCreate(input:{gallery_id:\"1\",title:\"C\",image_index:1}){id} | GalleryChapter.Create.Post"})
    void eachEntityMutationFiresItsHook(String mutation, String trigger) {
        http.data("mutation{" + mutation + "}");
        assertThat(hooks.take(1).stream().map(HookRecorder.Hook::type).toList(), contains(trigger));
    }

    @Test
    void aScanCreatesScenesAndTouchesModifiedFilesWithoutBumping() {
        String before = updatedAt(EntityType.SCENE, 20);
        emulator.disk().addSceneFiles(2);
        emulator.disk().modifySceneFiles(20);
        String job = http.data("mutation{metadataScan(input:{})}").get("metadataScan").asText();
        List<HookRecorder.Hook> fired = hooks.take(3);
        assertThat(fired.stream().map(HookRecorder.Hook::type).toList(),
                containsInAnyOrder("Scene.Create.Post", "Scene.Create.Post", "Scene.Update.Post"));
        assertThat(job, not(""));
        assertThat(emulator.library().count(EntityType.SCENE), is(1002));
        assertThat(updatedAt(EntityType.SCENE, 20), is(before));
    }

    @Test
    void aCleanDestroysWhatIsGoneFromDisk() {
        emulator.disk().removeSceneFiles(30, 31);
        http.data("mutation{metadataClean(input:{dryRun:false})}");
        List<HookRecorder.Hook> fired = hooks.take(2);
        assertThat(fired.stream().map(HookRecorder.Hook::type).toList(),
                contains("Scene.Destroy.Post", "Scene.Destroy.Post"));
        assertThat(emulator.library().get(EntityType.SCENE, 31), is(nullValue()));
    }

    /** Hooks are logged before their mutation returns, so a later sentinel hook arrives after any of them. */
    private void assertNoHookFired() {
        http.data("mutation{tagUpdate(input:{id:\"1\",description:\"sentinel\"}){id}}");
        assertThat(hooks.take(1).stream().map(HookRecorder.Hook::type).toList(), contains("Tag.Update.Post"));
    }

    private String updatedAt(EntityType type, int id) {
        return (String) emulator.library().get(type, id).get("updated_at");
    }

    @SuppressWarnings("unchecked")
    private List<Integer> tagIds(int scene) {
        return (List<Integer>) emulator.library().get(EntityType.SCENE, scene).get("tags");
    }

    private int sceneWithTags() {
        for (int id = 1; ; id++) {
            if (!tagIds(id).isEmpty()) {
                return id;
            }
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
