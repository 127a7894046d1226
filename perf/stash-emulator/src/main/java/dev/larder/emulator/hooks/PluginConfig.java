package dev.larder.emulator.hooks;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One Stash plugin, as its {@code <id>.yml} describes it (Stash's {@code pkg/plugin/config.go} {@code Config}).
 * Read one with {@link PluginConfigLoader}. Immutable; lists and maps are unmodifiable and keep the file's order.
 *
 * <p>Absent keys take the values Stash's decoder leaves: empty strings for Stash's plain string fields,
 * {@code null} for its optional ones ({@code description}, {@code url}, {@code version}), empty lists and maps.
 *
 * @param id          the file name without its extension (Stash's plugin id)
 * @param file        the YAML file
 * @param name        {@code name}; may be empty (Stash then shows the id, see {@link #displayName()})
 * @param description {@code description}, or {@code null}
 * @param url         {@code url}, or {@code null}
 * @param version     {@code version} as written (YAML scalars are kept as text: {@code 1.0} stays "1.0"), or null
 * @param pluginInterface {@code interface}; {@link Interface#RAW} when absent, as in Stash
 * @param exec        {@code exec}; for a JS plugin the first item is the script, relative to the plugin directory
 * @param errLog      {@code errLog}, as written; empty when absent
 * @param tasks       {@code tasks}
 * @param hooks       {@code hooks}
 * @param ui          {@code ui}
 * @param settings    {@code settings} by setting name, in file order
 */
public record PluginConfig(String id, Path file, String name, String description, String url, String version,
                           Interface pluginInterface, List<String> exec, String errLog, List<Task> tasks,
                           List<Hook> hooks, Ui ui, Map<String, Setting> settings) {

    /** Validates and freezes the components. */
    public PluginConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pluginInterface, "pluginInterface");
        Objects.requireNonNull(errLog, "errLog");
        Objects.requireNonNull(ui, "ui");
        exec = List.copyOf(exec);
        tasks = List.copyOf(tasks);
        hooks = List.copyOf(hooks);
        settings = OrderedMaps.freeze(settings);
    }

    /**
     * The name Stash shows: {@code name}, or the id when {@code name} is empty. Note that Stash's JS log prefix
     * uses {@link #name()} as is, even when it is empty.
     *
     * @return never empty
     */
    public String displayName() {
        return name.isEmpty() ? id : name;
    }

    /**
     * The directory holding the YAML file ({@code {pluginDir}}, and {@code PluginDir} in the plugin input).
     *
     * @return an absolute or relative path, as {@link #file()} is
     */
    public Path pluginDir() {
        Path parent = file.getParent();
        return parent == null ? Path.of("") : parent;
    }

    /**
     * The hooks to run for a trigger, in file order: Stash compares each {@code triggeredBy} entry with the
     * trigger's text exactly, so a hook is listed once per matching entry and a misspelt entry never matches.
     *
     * @param trigger the trigger text, for example {@code "Scene.Update.Post"}
     * @return possibly empty
     */
    public List<Hook> hooksFor(String trigger) {
        return hooks.stream()
                .flatMap(hook -> hook.triggeredBy().stream().filter(trigger::equals).map(t -> hook))
                .toList();
    }

    /** {@code interface}: how Stash talks to the plugin. */
    public enum Interface {
        /** {@code raw}: a process fed JSON on stdin. Not run by the emulator. */
        RAW("raw"),
        /** {@code rpc}: a process speaking Go net/rpc. Not run by the emulator. */
        RPC("rpc"),
        /** {@code js}: a script run in Stash's embedded JavaScript runtime. */
        JS("js");

        private final String yamlName;

        Interface(String yamlName) {
            this.yamlName = yamlName;
        }

        /**
         * The value as written in YAML.
         *
         * @return "raw", "rpc" or "js"
         */
        public String yamlName() {
            return yamlName;
        }
    }

    /**
     * One entry of {@code tasks}.
     *
     * @param name        {@code name}; empty when absent
     * @param description {@code description}; empty when absent
     * @param execArgs    {@code execArgs}
     * @param defaultArgs {@code defaultArgs}, values kept as text, in file order
     */
    public record Task(String name, String description, List<String> execArgs, Map<String, String> defaultArgs) {
        /** Freezes the components. */
        public Task {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            execArgs = List.copyOf(execArgs);
            defaultArgs = OrderedMaps.freeze(defaultArgs);
        }
    }

    /**
     * One entry of {@code hooks}.
     *
     * @param name        {@code name}; empty when absent
     * @param description {@code description}; empty when absent
     * @param execArgs    {@code execArgs}
     * @param defaultArgs {@code defaultArgs}, values kept as text, in file order
     * @param triggeredBy {@code triggeredBy}, as written: Stash does not validate these
     */
    public record Hook(String name, String description, List<String> execArgs, Map<String, String> defaultArgs,
                       List<String> triggeredBy) {
        /** Freezes the components. */
        public Hook {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            execArgs = List.copyOf(execArgs);
            defaultArgs = OrderedMaps.freeze(defaultArgs);
            triggeredBy = List.copyOf(triggeredBy);
        }
    }

    /**
     * {@code ui}: what the plugin adds to Stash's web UI.
     *
     * @param requires   {@code requires}: ids of plugins whose UI must load first
     * @param csp        {@code csp}
     * @param javascript {@code javascript}: files or URLs
     * @param css        {@code css}: files or URLs
     * @param assets     {@code assets}: URL prefix to directory, in file order
     */
    public record Ui(List<String> requires, Csp csp, List<String> javascript, List<String> css,
                     Map<String, String> assets) {
        /** An empty {@code ui} section. */
        public static final Ui EMPTY = new Ui(List.of(), Csp.EMPTY, List.of(), List.of(), Map.of());

        /** Freezes the components. */
        public Ui {
            Objects.requireNonNull(csp, "csp");
            requires = List.copyOf(requires);
            javascript = List.copyOf(javascript);
            css = List.copyOf(css);
            assets = OrderedMaps.freeze(assets);
        }
    }

    /**
     * {@code ui.csp}: sources added to Stash's Content-Security-Policy.
     *
     * @param scriptSrc  {@code script-src}
     * @param styleSrc   {@code style-src}
     * @param connectSrc {@code connect-src}
     */
    public record Csp(List<String> scriptSrc, List<String> styleSrc, List<String> connectSrc) {
        /** An empty {@code csp} section. */
        public static final Csp EMPTY = new Csp(List.of(), List.of(), List.of());

        /** Freezes the components. */
        public Csp {
            scriptSrc = List.copyOf(scriptSrc);
            styleSrc = List.copyOf(styleSrc);
            connectSrc = List.copyOf(connectSrc);
        }
    }

    /**
     * One entry of {@code settings}.
     *
     * @param type        {@code type}: "STRING", "NUMBER", "BOOLEAN", or empty when absent (Stash then uses STRING)
     * @param displayName {@code displayName}; empty when absent
     * @param description {@code description}; empty when absent
     */
    public record Setting(String type, String displayName, String description) {
        /** Checks the components are present. */
        public Setting {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(description, "description");
        }
    }
}
