package dev.larder.emulator.hooks;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.larder.emulator.hooks.RecordingLogSink.Line;
import dev.larder.emulator.logs.LogLevel;
import dev.larder.model.HookOperation;
import dev.larder.model.HookTrigger;

class HookDispatcherTest {

    private static final HookTrigger SCENE_UPDATE = HookTrigger.parse("Scene.Update.Post");
    private static final ServerConnection SERVER = new ServerConnection("http", "0.0.0.0", 9999, "/config",
            "test-cookie");
    private static final String PREFIX = "[Plugin / Echo] ";

    @TempDir
    Path pluginsDir;

    private final RecordingLogSink sink = new RecordingLogSink();
    private final List<Map<String, Object>> graphqlCalls = new ArrayList<>();
    private Map<String, Object> graphqlResponse = Map.of("data", Map.of());
    private PluginRegistry registry;
    private HookDispatcher dispatcher;

    @BeforeEach
    void loadTestPlugins() {
        TestPlugins.copyTo(pluginsDir);
        registry = new PluginRegistry(pluginsDir, sink);
        dispatcher = new HookDispatcher(registry, sink, (query, variables) -> {
            graphqlCalls.add(Map.of("query", query, "variables", variables));
            return graphqlResponse;
        }, SERVER);
        sink.clear();
    }

    private List<Line> fireSceneUpdate(Map<String, Object> input) {
        dispatcher.fire(SCENE_UPDATE, 45, input, List.of("id", "title"));
        return sink.lines();
    }

    private static String testmark(int id, String type, String inputJson, String inputFieldsJson) {
        return PREFIX + "TESTMARK {\"id\":" + id + ",\"type\":\"" + type + "\",\"input\":" + inputJson
                + ",\"inputFields\":" + inputFieldsJson + "}";
    }

    @Test
    void runsAMatchingHookWithStashsInputAndLogsWhatItReturns() {
        assertThat(fireSceneUpdate(Map.of("title", "New")), contains(
                new Line(LogLevel.Trace, testmark(45, "Scene.Update.Post", "{\"title\":\"New\"}", "[\"id\",\"title\"]")),
                new Line(LogLevel.Debug, "Scene.Update.Post [Echo]: returned: ok hook")));
    }

    @Test
    void scanCreatedEntitiesPassNullInput() {
        dispatcher.fire(HookTrigger.parse("Scene.Create.Post"), 7, null, null);
        assertThat(sink.lines().getFirst(),
                is(new Line(LogLevel.Trace, testmark(7, "Scene.Create.Post", "null", "null"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Scene.Destroy.Post", "Image.Update.Post", "Movie.Update.Post", "Tag.Update.Post"})
    void triggersTheHookDoesNotListRunNothing(String trigger) {
        dispatcher.fire(HookTrigger.parse(trigger), 1, Map.of(), List.of());
        assertThat(sink.lines(), is(empty()));
        assertThat(dispatcher.stats().executions(), is(0L));
    }

    @Test
    void everyListedTriggerFiresAndTheMisspeltOneNever() {
        dispatcher.fire(new HookTrigger("Tag", HookOperation.MERGE), 3, Map.of(), null);
        dispatcher.fire(SCENE_UPDATE, 4, Map.of(), null);
        List<String> marks = sink.lines().stream().map(Line::message).filter(m -> m.contains("TESTMARK")).toList();
        // the echo plugin's second hook lists "Scene.Updte.Post": it never runs, so each trigger runs one hook
        assertThat(marks, contains(testmark(3, "Tag.Merge.Post", "{}", "null"),
                testmark(4, "Scene.Update.Post", "{}", "null")));
        assertThat(dispatcher.stats().executions(), is(2L));
        assertThat(dispatcher.stats().totalNanos(), greaterThan(0L));
    }

    @Test
    void disabledPluginsDoNotRunUntilEnabledAgain() {
        registry.setEnabled("echo", false);
        assertThat(fireSceneUpdate(Map.of()), is(empty()));

        registry.reload();
        sink.clear();
        assertThat(fireSceneUpdate(Map.of()), is(empty()));

        registry.setEnabled("echo", true);
        assertThat(fireSceneUpdate(Map.of()), hasSize(2));
    }

    @Test
    void aThrowingScriptIsLoggedAtErrorLevelAndNotThrown() {
        List<Line> lines = fireSceneUpdate(Map.of("fail", "boom"));
        assertThat(lines, hasSize(2));
        assertThat(lines.get(1).level(), is(LogLevel.Error));
        assertThat(lines.get(1).message(), startsWith("Scene.Update.Post [Echo]: returned error: Error: boom at "));
    }

    @Test
    void anErrorInTheResultIsLoggedAsStashDoes() {
        assertThat(fireSceneUpdate(Map.of("returnError", "bad input")).get(1),
                is(new Line(LogLevel.Error, "Scene.Update.Post [Echo]: returned error: bad input")));
    }

    @Test
    void scriptsRunInStrictMode() {
        Line last = fireSceneUpdate(Map.of("undeclared", true)).getLast();
        assertThat(last.level(), is(LogLevel.Error));
        assertThat(last.message(), startsWith("Scene.Update.Post [Echo]: returned error: ReferenceError: "));
    }

    @Test
    void gqlDoReachesTheExecutorAndReturnsTheData() {
        Map<String, Object> scene = new LinkedHashMap<>();
        scene.put("id", "45");
        scene.put("title", "T");
        scene.put("rating100", 80);
        graphqlResponse = Map.of("data", Map.of("findScene", scene));
        String query = "query($id: ID!) { findScene(id: $id) { id title rating100 } }";

        List<Line> lines = fireSceneUpdate(Map.of("gql", query));

        assertThat(graphqlCalls, contains(Map.of("query", query, "variables", Map.of("id", "45"))));
        assertThat(lines.get(1), is(new Line(LogLevel.Info,
                PREFIX + "GQL {\"findScene\":{\"id\":\"45\",\"title\":\"T\",\"rating100\":80}}")));
    }

    @Test
    void gqlDoThrowsOnGraphqlErrors() {
        graphqlResponse = Map.of("data", Map.of(), "errors", List.of(Map.of("message", "nope", "path", List.of("x"))));
        assertThat(fireSceneUpdate(Map.of("gqlCatch", "{ x }")).get(1), is(new Line(LogLevel.Warning,
                PREFIX + "CAUGHT graphql error: [{\"message\":\"nope\",\"path\":[\"x\"]}]")));
    }

    @Test
    void gqlDoReportsARequestThatDoesNotValidateAsStashsHttp422() {
        graphqlResponse = Map.of("errors", List.of(Map.of("message", "Cannot query field \"x\"")));
        assertThat(fireSceneUpdate(Map.of("gqlCatch", "{ x }")).get(1), is(new Line(LogLevel.Warning,
                PREFIX + "CAUGHT graphQL query failed: 422 - {\"errors\":[{\"message\":\"Cannot query field "
                        + "\\\"x\\\"\"}]}. Query: { x }. Variables: map[]")));
        assertThat(graphqlCalls.getFirst().get("variables"), is(Map.of()));
    }

    @Test
    void scriptsCannotReachJavaNorAnythingStashDoesNotOffer() {
        assertThat(fireSceneUpdate(Map.of("java", true)).get(1), is(new Line(LogLevel.Info,
                PREFIX + "JAVA undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined")));
    }

    @Test
    void consoleLogsWithoutThePluginPrefix() {
        assertThat(fireSceneUpdate(Map.of("console", "hi")).subList(1, 6), contains(
                new Line(LogLevel.Info, "hi"), new Line(LogLevel.Warning, "hi"), new Line(LogLevel.Error, "hi"),
                new Line(LogLevel.Debug, "hi"), new Line(LogLevel.Info, "hi")));
    }

    @Test
    void utilSleepReturns() {
        assertThat(fireSceneUpdate(Map.of("sleep", 5)).get(1), is(new Line(LogLevel.Info, PREFIX + "SLEPT 5")));
    }

    @Test
    void logPrintsPlainObjectsAsGoJsonAndOtherValuesAsText() {
        assertThat(fireSceneUpdate(Map.of("logObject", true)).subList(1, 4), contains(
                new Line(LogLevel.Debug,
                        PREFIX + "{\"a\":\"x\\u003cy\",\"b\":2,\"list\":[1,2.5,\"z\"],\"nested\":{\"n\":null}}"),
                new Line(LogLevel.Error, PREFIX + "1,2"),
                new Line(LogLevel.Info, PREFIX + "undefined")));
    }

    @Test
    void theScriptSeesTheServerConnectionAndArgsUnderGoNames() {
        List<Line> lines = fireSceneUpdate(Map.of("server", true));
        assertThat(lines.get(1), is(new Line(LogLevel.Info, PREFIX + "SERVER {\"Scheme\":\"http\",\"Host\":\"0.0.0.0\","
                + "\"Port\":9999,\"SessionCookie\":{\"Name\":\"session\",\"Value\":\"test-cookie\"},\"Dir\":\"/config\","
                + "\"PluginDir\":" + quoted(pluginsDir.resolve("echo").toString()) + "}")));
        assertThat(lines.get(2), is(new Line(LogLevel.Info, PREFIX + "ARGS [\"hookContext\",\"mode\"]")));
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\") + "\"";
    }

    @Test
    void rawPluginsAreNotRun() {
        // the raw test plugin hooks Scene.Update.Post too; only the JS plugin's two lines appear
        assertThat(fireSceneUpdate(Map.of()), hasSize(2));
        assertThat(dispatcher.stats().executions(), is(1L));
    }

    @Test
    void aScriptThatCannotStartEndsTheDispatchAsInStash() {
        // "aaa" sorts before "echo", so its start failure stops echo from running
        TestPlugins.writeJsPlugin(pluginsDir, "aaa", "Scene.Update.Post", "var x = ;\n");
        registry.reload();
        sink.clear();

        List<Line> lines = fireSceneUpdate(Map.of());

        assertThat(lines, hasSize(1));
        assertThat(lines.getFirst().level(), is(LogLevel.Error));
        assertThat(lines.getFirst().message(), startsWith("error executing post hooks: SyntaxError: "));
    }

    @Test
    void aMissingScriptCannotStart() {
        TestPlugins.writeJsPlugin(pluginsDir, "aaa", "Scene.Update.Post", "");
        registry.reload();
        pluginsDir.resolve("aaa/aaa.js").toFile().delete();
        sink.clear();

        assertThat(fireSceneUpdate(Map.of()).getFirst().message(),
                startsWith("error executing post hooks: failed to read file: "));
    }

    @Test
    void aRunawayScriptIsStoppedAtTheTimeLimitEvenIfItCatches() {
        TestPlugins.writeJsPlugin(pluginsDir, "loop", "Scene.Update.Post",
                "for (;;) { try { for (;;) {} } catch (e) { log.Info('caught ' + e); } }\n");
        registry.reload();
        HookDispatcher limited = new HookDispatcher(registry, sink, (q, v) -> Map.of("data", Map.of()), SERVER,
                Duration.ofMillis(100));

        limited.fire(SCENE_UPDATE, 1, Map.of(), null);

        List<Line> loopLines = sink.lines().stream().filter(l -> l.message().contains("[loop]")).toList();
        assertThat(loopLines, hasSize(1));
        assertThat(loopLines.getFirst().level(), is(LogLevel.Error));
        assertThat(loopLines.getFirst().message(), startsWith("Scene.Update.Post [loop]: returned error: script stopped: "));
    }

    @Test
    void aSleepPastTheTimeLimitStopsTheScript() {
        HookDispatcher limited = new HookDispatcher(registry, sink, (q, v) -> Map.of("data", Map.of()), SERVER,
                Duration.ofMillis(50));

        limited.fire(SCENE_UPDATE, 1, Map.of("sleep", 3_600_000), null);

        assertThat(sink.lines().getLast().message(),
                startsWith("Scene.Update.Post [Echo]: returned error: script stopped: "));
    }

    @Test
    void aHookThatRetriggersItselfThroughGqlStopsAfterTenNestedRuns() {
        HookDispatcher[] self = new HookDispatcher[1];
        self[0] = new HookDispatcher(registry, sink, (query, variables) -> {
            self[0].fire(SCENE_UPDATE, 45, Map.of("gql", "mutation"), null);
            return Map.of("data", Map.of());
        }, SERVER);

        self[0].fire(SCENE_UPDATE, 45, Map.of("gql", "mutation"), null);

        List<String> messages = sink.lines().stream().map(Line::message).toList();
        assertThat(messages.stream().filter(m -> m.contains("TESTMARK")).count(), is(10L));
        assertThat(messages.stream().filter(m -> m.equals(
                "cyclic loop detected: plugin ID 'echo' hook Scene.Update.Post, not re-triggering")).count(), is(1L));
        assertThat(self[0].stats().executions(), is(10L));
    }

    @Test
    void tasksGetTheirDefaultArgsUnderTheGivenOnes() {
        HookDispatcher.TaskResult result = dispatcher.runTask("echo", "Echo task",
                Map.of("mode", "given", "given", List.of(1, "two")));

        assertThat(result.error(), is(nullValue()));
        assertThat(result.output(), is(Map.of("mode", "given", "extra", "fromDefault", "given", List.of(1, "two"))));
        assertThat(result.progress(), contains(0.5, 1.0));
    }

    @Test
    void tasksWithoutArgsSeeOnlyDefaults() {
        HookDispatcher.TaskResult result = dispatcher.runTask("echo", "Echo task", null);
        Map<String, Object> expected = new HashMap<>(Map.of("mode", "task", "extra", "fromDefault"));
        expected.put("given", null);
        assertThat(result.output(), is(expected));
    }

    @Test
    void taskLookupFailsAsStashDoes() {
        assertThat(assertThrows(IllegalArgumentException.class, () -> dispatcher.runTask("nope", "x", null))
                .getMessage(), is("no plugin with ID nope"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> dispatcher.runTask("echo", "x", null))
                .getMessage(), is("no task with name x in plugin Echo"));
        registry.setEnabled("echo", false);
        assertThat(assertThrows(IllegalStateException.class, () -> dispatcher.runTask("echo", "Echo task", null))
                .getMessage(), is("plugin echo is disabled"));
    }
}
