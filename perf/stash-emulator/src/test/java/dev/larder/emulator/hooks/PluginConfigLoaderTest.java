package dev.larder.emulator.hooks;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PluginConfigLoaderTest {

    private static final Path FILE = Path.of("plugins", "test", "test.yml");

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(PluginConfigLoaderTest.class.getResource("/" + name).toURI());
    }

    /** CSV sources cannot hold line breaks: they write them as a backslash and n. */
    private static String lines(String csvText) {
        return csvText.replace("\\n", "\n");
    }

    @Test
    void readsEveryKeyStashKnows() throws Exception {
        Path file = resource("plugin-yaml/stashCacheNotifier.yml");
        PluginConfig plugin = PluginConfigLoader.load(file);

        assertThat(plugin.id(), is("stashCacheNotifier"));
        assertThat(plugin.file(), is(file));
        assertThat(plugin.pluginDir(), is(file.getParent()));
        assertThat(plugin.name(), is("Stash Cache Notifier"));
        assertThat(plugin.description(), is("Tells the cache about changes"));
        assertThat(plugin.version(), is("1.0"));
        assertThat(plugin.url(), is("https://example.invalid/notifier"));
        assertThat(plugin.exec(), contains("python3", "{pluginDir}/hook.py"));
        assertThat(plugin.pluginInterface(), is(PluginConfig.Interface.RAW));
        assertThat(plugin.errLog(), is("info"));

        assertThat(List.copyOf(plugin.settings().keySet()), contains("serverUrl", "retries", "verbose", "plain"));
        assertThat(plugin.settings().get("serverUrl"),
                is(new PluginConfig.Setting("STRING", "Cache server URL", "Where the cache listens")));
        assertThat(plugin.settings().get("retries"), is(new PluginConfig.Setting("NUMBER", "", "")));
        assertThat(plugin.settings().get("verbose"), is(new PluginConfig.Setting("BOOLEAN", "Verbose", "")));
        assertThat(plugin.settings().get("plain"), is(new PluginConfig.Setting("", "", "")));

        assertThat(plugin.hooks(), hasSize(1));
        PluginConfig.Hook hook = plugin.hooks().getFirst();
        assertThat(hook.name(), is("notify cache"));
        assertThat(hook.description(), is("Sends the change"));
        assertThat(hook.triggeredBy(), contains("Scene.Create.Post", "Scene.Update.Post", "Scene.Destroy.Post"));
        assertThat(hook.defaultArgs(), is(Map.of("mode", "hook", "count", "3")));
        assertThat(hook.execArgs(), contains("--hook"));

        assertThat(plugin.tasks(), contains(
                new PluginConfig.Task("Full resync", "Resyncs everything", List.of(), Map.of("mode", "resync")),
                new PluginConfig.Task("Bare task", "", List.of(), Map.of())));

        PluginConfig.Ui ui = plugin.ui();
        assertThat(ui.javascript(), contains("notifier.js", "https://cdn.invalid/x.js"));
        assertThat(ui.css(), contains("notifier.css"));
        assertThat(ui.requires(), contains("otherPlugin"));
        assertThat(List.copyOf(ui.assets().entrySet()), contains(Map.entry("/", "."), Map.entry("/img", "images")));
        assertThat(ui.csp(), is(new PluginConfig.Csp(List.of("https://cdn.invalid"), List.of(),
                List.of("http://cache:8080"))));
    }

    @Test
    void absentKeysTakeStashsZeroValues() {
        PluginConfig plugin = PluginConfigLoader.parse("bare", FILE, "name: Bare\n");
        assertThat(plugin.pluginInterface(), is(PluginConfig.Interface.RAW));
        assertThat(plugin.description(), is(nullValue()));
        assertThat(plugin.version(), is(nullValue()));
        assertThat(plugin.url(), is(nullValue()));
        assertThat(plugin.errLog(), is(""));
        assertThat(plugin.exec(), is(empty()));
        assertThat(plugin.hooks(), is(empty()));
        assertThat(plugin.tasks(), is(empty()));
        assertThat(plugin.ui(), is(PluginConfig.Ui.EMPTY));
        assertThat(plugin.settings().isEmpty(), is(true));
    }

    @Test
    void nameDefaultsToIdForDisplayOnly() {
        PluginConfig plugin = PluginConfigLoader.parse("noName", FILE, "interface: js\n");
        assertThat(plugin.name(), is(""));
        assertThat(plugin.displayName(), is("noName"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "notifier.yml, notifier",
            "my.plugin.yml, my.plugin",
            "UPPER.yml, UPPER",
            "noextension, noextension"})
    void idIsTheFileNameWithoutItsLastExtension(String fileName, String id, @TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve(fileName), "name: x\n");
        assertThat(PluginConfigLoader.load(file).id(), is(id));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "top level          | 'name: x\nrequires: other\n'                                    | requires",
            "top level typo     | 'name: x\ntriggeredBy: [Scene.Update.Post]\n'                   | triggeredBy",
            "hook               | 'hooks:\n  - name: h\n    triggerdBy: [Scene.Update.Post]\n'    | hooks[0].triggerdBy",
            "second hook        | 'hooks:\n  - name: a\n  - name: b\n    hooks: [x]\n'           | hooks[1].hooks",
            "task               | 'tasks:\n  - name: t\n    triggeredBy: [Scene.Update.Post]\n'   | tasks[0].triggeredBy",
            "ui                 | 'ui:\n  js: [a.js]\n'                                           | ui.js",
            "ui csp             | 'ui:\n  csp:\n    img-src: [x]\n'                               | ui.csp.img-src",
            "setting            | 'settings:\n  url:\n    default: http://x\n'                    | settings.url.default",
            "merge key          | 'name: x\n<<: {url: y}\n'                                       | <<"})
    void rejectsAnUnknownKeyNamingItsPath(String where, String yaml, String path) {
        InvalidPluginConfigException e = assertThrows(InvalidPluginConfigException.class,
                () -> PluginConfigLoader.parse("p", FILE, lines(yaml)));
        assertThat(e.problems().getFirst(), startsWith(path + " (line "));
        assertThat(e.problems().getFirst(), containsString("unknown key \"" + path.replaceAll(".*[.\\]]", "") + "\""));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "name as list            | 'name: [a, b]\n'                             | name (line 1): cannot read !!seq into text",
            "exec as text            | 'exec: script.js\n'                          | exec (line 1): cannot read !!str into a list",
            "exec item as map        | 'exec:\n  - {a: b}\n'                        | exec[0] (line 2): cannot read !!map into text",
            "hooks as map            | 'hooks:\n  name: h\n'                         | hooks (line 2): cannot read !!map into a list",
            "hook as text            | 'hooks:\n  - just text\n'                    | hooks[0] (line 2): cannot read !!str into plugin.HookConfig",
            "empty hook item         | 'hooks:\n  -\n  - name: h\n'                 | hooks[0] (line 2): empty list item",
            "triggeredBy as text     | 'hooks:\n  - triggeredBy: Scene.Update.Post\n' | hooks[0].triggeredBy (line 2): cannot read !!str into a list",
            "defaultArgs as list     | 'tasks:\n  - defaultArgs: [a]\n'             | tasks[0].defaultArgs (line 2): cannot read !!seq into map[string]string",
            "defaultArgs nested      | 'tasks:\n  - defaultArgs: {a: {b: c}}\n'     | tasks[0].defaultArgs.a (line 2): cannot read !!map into text",
            "ui as list              | 'ui: [a]\n'                                   | ui (line 1): cannot read !!seq into plugin.UIConfig",
            "settings as list        | 'settings: [a]\n'                             | settings (line 1): cannot read !!seq into map[string]plugin.SettingConfig",
            "interface unknown       | 'interface: python\n'                         | interface (line 1): invalid interface type \"python\"",
            "interface upper case    | 'interface: JS\n'                             | interface (line 1): invalid interface type \"JS\"",
            "setting type unknown    | 'settings:\n  a:\n    type: INT\n'            | settings.a.type (line 3): invalid setting type \"INT\"",
            "key twice               | 'name: a\nname: b\n'                          | name (line 2): key \"name\" given twice",
            "assets key twice        | 'ui:\n  assets:\n    /: a\n    /: b\n'        | ui.assets./ (line 4): key \"/\" given twice",
            "document is a list      | '- a\n'                                       | (document) (line 1): cannot read !!seq into plugin.Config",
            "empty document          | '# only a comment\n'                          | empty document",
            "syntax error            | 'name: [a\n'                                  | YAML syntax: "})
    void rejectsWhatStashCannotDecode(String what, String yaml, String problem) {
        InvalidPluginConfigException e = assertThrows(InvalidPluginConfigException.class,
                () -> PluginConfigLoader.parse("p", FILE, lines(yaml)));
        assertThat(e.problems().getFirst(), startsWith(problem));
        assertThat(e.getMessage(), startsWith(FILE + ": "));
        assertThat(e.file(), is(FILE));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        InvalidPluginConfigException e = assertThrows(InvalidPluginConfigException.class,
                () -> PluginConfigLoader.parse("p", FILE, "nme: x\nhooks:\n  - triggerdBy: []\nui: {foo: 1}\n"));
        assertThat(e.problems(), hasSize(3));
        assertThat(e.problems().get(0), startsWith("nme (line 1)"));
        assertThat(e.problems().get(1), startsWith("hooks[0].triggerdBy (line 3)"));
        assertThat(e.problems().get(2), startsWith("ui.foo (line 4)"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "'version: 1.0'     | 1.0",
            "'version: 2'       | 2",
            "'version: yes'     | yes",
            "'version: 1e3'     | 1e3",
            "'version: \"0.5\"' | 0.5",
            "'version: 0x1F'    | 0x1F"})
    void scalarsKeepTheirTextAsYamlV2Does(String yaml, String version) {
        assertThat(PluginConfigLoader.parse("p", FILE, yaml + "\n").version(), is(version));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "'description: ~'    ",
            "'description: null' ",
            "'description:'      "})
    void nullScalarsLeaveOptionalTextAbsent(String yaml) {
        assertThat(PluginConfigLoader.parse("p", FILE, yaml + "\n").description(), is(nullValue()));
    }

    @Test
    void nullScalarsInsideListsAndMapsAreEmptyText() {
        PluginConfig plugin = PluginConfigLoader.parse("p", FILE,
                "exec: [a, ~]\ntasks:\n  - name: t\n    defaultArgs: {k: ~, n: 5, b: true}\n");
        assertThat(plugin.exec(), contains("a", ""));
        assertThat(plugin.tasks().getFirst().defaultArgs(), is(Map.of("k", "", "n", "5", "b", "true")));
    }

    @Test
    void triggerTextIsKeptUnvalidatedAndMatchedExactly() {
        PluginConfig plugin = PluginConfigLoader.parse("p", FILE, """
                interface: js
                hooks:
                  - name: a
                    triggeredBy: [Scene.Update.Post, Scene.Merge.Post, scene.update.post, Scene.Update.Post]
                  - name: b
                    triggeredBy: [Tag.Merge.Post]
                """);
        assertThat(plugin.hooks().getFirst().triggeredBy(),
                contains("Scene.Update.Post", "Scene.Merge.Post", "scene.update.post", "Scene.Update.Post"));
        assertThat(plugin.hooksFor("Scene.Update.Post").stream().map(PluginConfig.Hook::name).toList(),
                contains("a", "a"));
        assertThat(plugin.hooksFor("Scene.Create.Post"), is(empty()));
    }

    @Test
    void readsOnlyTheFirstDocument() {
        PluginConfig plugin = PluginConfigLoader.parse("p", FILE, "name: first\n---\nunknown: 1\n");
        assertThat(plugin.name(), is("first"));
    }
}
