package dev.larder.emulator.hooks;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.larder.emulator.hooks.RecordingLogSink.Line;
import dev.larder.emulator.logs.LogLevel;

class PluginRegistryTest {

    @TempDir
    Path pluginsDir;

    private final RecordingLogSink sink = new RecordingLogSink();

    private static List<String> ids(List<PluginConfig> plugins) {
        return plugins.stream().map(PluginConfig::id).toList();
    }

    @Test
    void loadsEveryYmlFileRecursivelyInPathOrderAndLogsTheOnesStashWouldRefuse() throws Exception {
        TestPlugins.copyTo(pluginsDir);
        Files.createDirectories(pluginsDir.resolve("deep/a/b"));
        Files.writeString(pluginsDir.resolve("deep/a/b/deep.yml"), "name: Deep\n");
        Files.writeString(pluginsDir.resolve("deep/other.yaml"), "name: Not a plugin: wrong extension\n");
        Files.writeString(pluginsDir.resolve("deep/readme.txt"), "not a plugin\n");

        PluginRegistry registry = new PluginRegistry(pluginsDir, sink);

        assertThat(ids(registry.plugins()), contains("deep", "echo", "raw"));
        assertThat(sink.lines(), contains(new Line(LogLevel.Error, "Error loading plugin "
                + pluginsDir.resolve("broken/broken.yml") + ": hooks[0].triggerdBy (line 6): unknown key "
                + "\"triggerdBy\" (not a field of plugin.HookConfig)")));
    }

    @Test
    void aSecondPluginWithTheSameIdIgnoringCaseIsRefused() throws Exception {
        TestPlugins.copyTo(pluginsDir);
        Files.createDirectories(pluginsDir.resolve("zz"));
        Files.writeString(pluginsDir.resolve("zz/ECHO.yml"), "name: Other echo\n");

        PluginRegistry registry = new PluginRegistry(pluginsDir, sink);

        assertThat(ids(registry.plugins()), contains("echo", "raw"));
        assertThat(sink.lines().getLast(), is(new Line(LogLevel.Error, "Error loading plugin "
                + pluginsDir.resolve("zz/ECHO.yml") + ": plugin ID ECHO already exists")));
    }

    @Test
    void aMissingDirectoryHoldsNoPlugins() {
        PluginRegistry registry = new PluginRegistry(pluginsDir.resolve("absent"), sink);
        assertThat(registry.plugins(), is(empty()));
        assertThat(sink.lines(), is(empty()));
    }

    @Test
    void reloadSeesAddedAndRemovedFiles() throws Exception {
        PluginRegistry registry = new PluginRegistry(pluginsDir, sink);
        Files.writeString(pluginsDir.resolve("one.yml"), "name: One\n");
        assertThat(registry.plugins(), is(empty()));

        registry.reload();
        assertThat(ids(registry.plugins()), contains("one"));

        Files.delete(pluginsDir.resolve("one.yml"));
        registry.reload();
        assertThat(registry.plugins(), is(empty()));
    }

    @Test
    void pluginsAreEnabledUntilDisabledAndTheStateOutlivesReload() {
        TestPlugins.copyTo(pluginsDir);
        PluginRegistry registry = new PluginRegistry(pluginsDir, sink);
        assertThat(registry.isEnabled("echo"), is(true));

        registry.setEnabled("echo", false);
        registry.setEnabled("notLoaded", false);
        registry.reload();

        assertThat(registry.isEnabled("echo"), is(false));
        assertThat(registry.isEnabled("notLoaded"), is(false));
        assertThat(ids(registry.enabledPlugins()), contains("raw"));
        assertThat(ids(registry.plugins()), contains("echo", "raw"));
        assertThat(registry.plugin("echo").orElseThrow().name(), is("Echo"));
        assertThat(registry.plugin("ECHO").isPresent(), is(false));

        registry.setEnabled("echo", true);
        assertThat(ids(registry.enabledPlugins()), contains("echo", "raw"));
    }
}
