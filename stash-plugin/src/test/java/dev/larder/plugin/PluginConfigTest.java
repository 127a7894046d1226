package dev.larder.plugin;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.larder.emulator.hooks.PluginConfig;
import dev.larder.emulator.hooks.PluginConfigLoader;
import dev.larder.model.HookTrigger;

/** larder.yml under the emulator's loader, which rejects what Stash's strict yaml.v2 decoder rejects. */
class PluginConfigTest {

    private static final PluginConfig CONFIG = PluginConfigLoader.load(PluginFiles.dir().resolve(PluginFiles.CONFIG));

    @Test
    void isAJsPluginNamedLarderRunningLarderJs() {
        assertThat(CONFIG.id(), is("larder"));
        assertThat(CONFIG.name(), is("Larder"));
        assertThat(CONFIG.pluginInterface(), is(PluginConfig.Interface.JS));
        assertThat(CONFIG.exec(), contains("larder.js"));
        assertThat(CONFIG.hooks(), hasSize(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.larder.plugin.LarderTriggers#all")
    void theOneHookFiresOn(HookTrigger trigger) {
        assertThat(CONFIG.hooksFor(trigger.toString()), hasSize(1));
    }

    @Test
    void listsNoTriggerBeyondLardersOwn() {
        List<String> expected = LarderTriggers.all().stream().map(HookTrigger::toString).toList();
        assertThat(CONFIG.hooks().getFirst().triggeredBy(), containsInAnyOrder(expected.toArray()));
    }

    @Test
    void offersBothSyncTasks() {
        assertThat(CONFIG.tasks().stream().map(PluginConfig.Task::name).toList(),
                contains("Larder: incremental sync", "Larder: full sync"));
        assertThat(CONFIG.tasks().stream().map(PluginConfig.Task::defaultArgs).toList(),
                contains(Map.of("mode", "incremental"), Map.of("mode", "full")));
    }
}
