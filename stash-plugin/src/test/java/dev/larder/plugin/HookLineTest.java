package dev.larder.plugin;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.larder.emulator.hooks.HookDispatcher;
import dev.larder.emulator.hooks.PluginRegistry;
import dev.larder.emulator.hooks.ServerConnection;
import dev.larder.emulator.logs.LogLevel;
import dev.larder.model.ChangeEvent;
import dev.larder.model.ChangeEventCodec;
import dev.larder.model.HookOperation;
import dev.larder.model.HookTrigger;

/**
 * larder.js run by the emulator's goja stand-in (same globals, ES5 strict mode) through Stash's hook and task
 * dispatch, with the plugin installed from its two files.
 */
class HookLineTest {

    private static final String PREFIX = "[Plugin / Larder] ";

    @TempDir
    Path pluginsDir;

    private final List<Line> lines = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger graphqlCalls = new AtomicInteger();
    private HookDispatcher dispatcher;

    @BeforeEach
    void installPlugin() throws IOException {
        PluginFiles.installInto(pluginsDir);
        PluginRegistry registry = new PluginRegistry(pluginsDir, (level, message) -> lines.add(new Line(level, message)));
        dispatcher = new HookDispatcher(registry, (level, message) -> lines.add(new Line(level, message)),
                (document, variables) -> {
                    graphqlCalls.incrementAndGet();
                    return Map.of("data", Map.of());
                },
                new ServerConnection("http", "127.0.0.1", 9999, pluginsDir.toString(), "test-session"));
        assertThat("the plugin loads without errors", lines, is(empty()));
    }

    @AfterEach
    void neverCallsBackIntoStash() {
        assertThat(graphqlCalls.get(), is(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.larder.plugin.LarderTriggers#all")
    void everyTriggerWritesOneTraceLineAndNothingElse(HookTrigger trigger) {
        ChangeEvent event = fireForOneEvent(trigger, 42, Map.of("id", "42", "name", "x"), List.of("id", "name"));
        assertThat(event, is(new ChangeEvent(trigger.typeName(), trigger.operation(), 42, List.of("id", "name"),
                List.of())));
    }

    @Test
    void anUpdateNamesTheFieldsItChangedButNotTheirValues() {
        Map<String, Object> input = Map.of("id", "5", "title", "A private title", "rating100", 80);
        ChangeEvent event = fireForOneEvent(HookTrigger.parse("Scene.Update.Post"), 5, input,
                List.of("title", "rating100", "id"));
        assertThat(event, is(new ChangeEvent("Scene", HookOperation.UPDATE, 5, List.of("title", "rating100", "id"),
                List.of())));
        assertThat(lines.getFirst().message(), not(containsString("A private title")));
    }

    @Test
    void aScannedSceneHasNullInputAndNoFields() {
        ChangeEvent event = fireForOneEvent(HookTrigger.parse("Scene.Create.Post"), 9, null, null);
        assertThat(event, is(new ChangeEvent("Scene", HookOperation.CREATE, 9, List.of(), List.of())));
    }

    @Test
    void aBulkUpdateReportsTheSceneItWasFiredFor() {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("ids", List.of("11", "12", "13"));
        input.put("tag_ids", Map.of("mode", "ADD", "ids", List.of("3")));
        input.put("organized", true);
        ChangeEvent event = fireForOneEvent(HookTrigger.parse("Scene.Update.Post"), 12, input,
                List.of("ids", "tag_ids", "organized"));
        assertThat(event, is(new ChangeEvent("Scene", HookOperation.UPDATE, 12,
                List.of("ids", "tag_ids", "organized"), List.of())));
    }

    @Test
    void aDestroyLeaksNoChecksumOshashOrPath() {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("id", "8");
        input.put("delete_file", true);
        input.put("delete_generated", true);
        input.put("checksum", "5e3c2f9a0b");
        input.put("oshash", "8c1d7e44aa");
        input.put("path", "/media/private/holiday.mp4");
        ChangeEvent event = fireForOneEvent(HookTrigger.parse("Scene.Destroy.Post"), 8, input,
                List.of("id", "delete_file", "delete_generated"));
        assertThat(event, is(new ChangeEvent("Scene", HookOperation.DESTROY, 8,
                List.of("id", "delete_file", "delete_generated"), List.of())));
        String message = lines.getFirst().message();
        for (String secret : List.of("5e3c2f9a0b", "8c1d7e44aa", "/media", "holiday")) {
            assertThat(message, not(containsString(secret)));
        }
    }

    @Test
    void aTagMergeReportsTheDestinationAndItsSources() {
        Map<String, Object> input = Map.of("source", List.of("3", "4"), "destination", "7");
        ChangeEvent event = fireForOneEvent(HookTrigger.parse("Tag.Merge.Post"), 7, input, null);
        assertThat(event, is(new ChangeEvent("Tag", HookOperation.MERGE, 7, List.of(), List.of(3, 4))));
    }

    @Test
    void mergeSourcesThatAreNoIdsAreLeftOut() {
        Map<String, Object> input = Map.of("source", List.of("x", "-1", "0", "5", "99999999999"), "destination", "7");
        ChangeEvent event = fireForOneEvent(HookTrigger.parse("Tag.Merge.Post"), 7, input, null);
        assertThat(event.sources(), contains(5));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Movie.Create.Post", "Movie.Update.Post", "Movie.Destroy.Post"})
    void movieHooksAreReportedAsMovieAndMeanGroups(String trigger) {
        ChangeEvent event = fireForOneEvent(HookTrigger.parse(trigger), 3,
                Map.of("id", "3", "name", "Sequel"), List.of("id", "name"));
        assertThat(event.typeName(), is("Movie"));
        assertThat(event.type().graphqlName(), is("Group"));
    }

    @Test
    void aGalleryChapterUpdateNamesTheGalleryItsInputNames() {
        Map<String, Object> input = Map.of("id", "21", "gallery_id", "4", "title", "Part two", "image_index", 12);
        ChangeEvent event = fireForOneEvent(HookTrigger.parse("GalleryChapter.Update.Post"), 21, input,
                List.of("id", "title", "image_index"));
        assertThat(event, is(new ChangeEvent("GalleryChapter", HookOperation.UPDATE, 21,
                List.of("id", "title", "image_index"), List.of(), 4)));
    }

    @Test
    void issue4_aGalleryChapterCreateNamesItsGallery() {
        Map<String, Object> input = Map.of("gallery_id", "7", "title", "Intro", "image_index", 1);
        ChangeEvent event = fireForOneEvent(HookTrigger.parse("GalleryChapter.Create.Post"), 30, input,
                List.of("gallery_id", "title", "image_index"));
        assertThat(event.gallery(), is(7));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "GalleryChapter.Destroy.Post | ",
            "GalleryChapter.Update.Post | ",
            "Scene.Update.Post | 7",
            "Image.Update.Post | 7"})
    void onlyAChapterWhoseInputNamesItsGalleryCarriesOne(String trigger, String galleryId) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("id", "30");
        if (galleryId != null) {
            input.put("gallery_id", galleryId);
        }
        assertThat(fireForOneEvent(HookTrigger.parse(trigger), 30, input, List.copyOf(input.keySet())).gallery(),
                is(0));
    }

    @Test
    void anIdThatIsNoEntityIdWritesAWarningWithoutValuesAndDoesNotFail() {
        dispatcher.fire(HookTrigger.parse("Scene.Destroy.Post"), 0, Map.of("path", "/media/private/a.mp4"),
                List.of());
        assertThat(lines, hasSize(1));
        assertThat(lines.getFirst().level(), is(LogLevel.Warning));
        assertThat(lines.getFirst().message(), not(containsString("/media")));
        assertThat(lines.getFirst().message(), not(containsString(ChangeEventCodec.MARKER)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nonsense", "42"})
    void aGarbageHookContextDoesNotThrowOutOfTheScript(String garbage) {
        HookDispatcher.TaskResult result = dispatcher.runTask("larder", "Larder: incremental sync",
                Map.of("hookContext", garbage));
        assertThat(result.error(), is(nullValue()));
        assertThat(lines.stream().map(Line::level).toList(), everyItem(is(LogLevel.Warning)));
        assertThat(lines, hasSize(1));
    }

    @Test
    void aHookContextOfWrongShapesDoesNotThrowOutOfTheScript() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("id", List.of(1));
        context.put("type", Map.of("a", 1));
        context.put("input", "x");
        context.put("inputFields", 7);
        HookDispatcher.TaskResult result = dispatcher.runTask("larder", "Larder: full sync",
                Map.of("hookContext", context));
        assertThat(result.error(), is(nullValue()));
        assertThat(lines.stream().map(Line::level).toList(), contains(LogLevel.Warning));
    }

    @Test
    void fieldNamesThatAreNoTextAreLeftOut() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("id", 6);
        context.put("type", "Performer.Update.Post");
        context.put("input", Map.of());
        context.put("inputFields", List.of("name", 3, Map.of("k", "v")));
        dispatcher.runTask("larder", "Larder: full sync", Map.of("hookContext", context));
        assertThat(events(), contains(new ChangeEvent("Performer", HookOperation.UPDATE, 6, List.of("name"),
                List.of())));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"incremental", "full"})
    void aTaskAsksLarderForASync(String mode) {
        String task = "Larder: " + mode + " sync";
        HookDispatcher.TaskResult result = dispatcher.runTask("larder", task, null);
        assertThat(result.error(), is(nullValue()));
        assertThat(result.output(), is("ok"));
        assertThat(lines, contains(new Line(LogLevel.Info, PREFIX + "larder-sync:1 {\"mode\":\"" + mode + "\"}")));
    }

    @Test
    void aTaskWithAnUnknownModeFailsWithoutAskingForASync() {
        HookDispatcher.TaskResult result = dispatcher.runTask("larder", "Larder: full sync",
                Map.of("mode", "everything"));
        assertThat(result.error(), containsString("unknown task mode"));
        assertThat(lines, is(empty()));
    }

    /** Fires one hook and reads the one line it must write: trace level, Stash's prefix, a valid marked event. */
    private ChangeEvent fireForOneEvent(HookTrigger trigger, int id, Object input, List<String> inputFields) {
        dispatcher.fire(trigger, id, input, inputFields);
        List<ChangeEvent> events = events();
        assertThat(lines, hasSize(1));
        assertThat(lines.getFirst().level(), is(LogLevel.Trace));
        return events.getFirst();
    }

    private List<ChangeEvent> events() {
        List<ChangeEvent> events = new ArrayList<>();
        for (Line line : lines) {
            assertThat(line.message(), startsWith(PREFIX + ChangeEventCodec.MARKER));
            events.add(ChangeEventCodec.parse(line.message().substring(PREFIX.length())).orElseThrow());
        }
        return events;
    }

    private record Line(LogLevel level, String message) {
    }
}
