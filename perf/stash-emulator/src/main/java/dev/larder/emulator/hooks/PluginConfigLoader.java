package dev.larder.emulator.hooks;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a plugin's YAML file the way Stash does ({@code loadPluginFromYAML}: gopkg.in/yaml.v2 in strict mode):
 * <ul>
 *   <li>every key Stash's {@code Config} struct knows is accepted, at every level; any other key, and any key
 *       given twice, is an error naming its path;</li>
 *   <li>a scalar read into a text field keeps its text as written ({@code version: 1.0} is "1.0",
 *       {@code name: yes} is "yes"), a null scalar ({@code ~}, {@code null}, nothing) is the empty value;
 *       a list or map where text is expected, or a scalar where a list or map is expected, is an error;</li>
 *   <li>{@code interface} must be {@code js}, {@code raw} or {@code rpc} (absent means {@code raw}), and a
 *       setting's {@code type} STRING, NUMBER or BOOLEAN when given;</li>
 *   <li>only the first YAML document is read, as with yaml.v2's decoder; an empty file is an error.</li>
 * </ul>
 * Stricter than Stash on purpose: a null item in {@code tasks} or {@code hooks} is an error (Stash loads it and
 * then crashes on a nil pointer), and the YAML merge key {@code <<} is treated as an unknown key.
 * Stateless and thread-safe.
 */
public final class PluginConfigLoader {

    private static final Set<String> INTERFACES = Set.of("js", "raw", "rpc");
    private static final Set<String> SETTING_TYPES = Set.of("STRING", "NUMBER", "BOOLEAN");

    private PluginConfigLoader() {
    }

    /**
     * Loads a plugin file; the id is the file name without its last extension, as in Stash.
     *
     * @param file a {@code .yml} file
     * @return the plugin
     * @throws InvalidPluginConfigException when Stash would refuse the file
     * @throws UncheckedIOException         when the file cannot be read
     */
    public static PluginConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read plugin file " + file, e);
        }
        return parse(idOf(file), file, text);
    }

    /**
     * Parses plugin YAML text.
     *
     * @param id   the plugin id to give it
     * @param file the file it stands for (the plugin directory is its parent)
     * @param yaml the YAML text
     * @return the plugin
     * @throws InvalidPluginConfigException when Stash would refuse the text
     */
    public static PluginConfig parse(String id, Path file, String yaml) {
        Node root;
        try {
            Iterator<Node> documents = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .composeAll(new StringReader(yaml)).iterator();
            root = documents.hasNext() ? documents.next() : null;
        } catch (YAMLException e) {
            throw new InvalidPluginConfigException(file, List.of("YAML syntax: " + e.getMessage()));
        }
        if (root == null || isNull(root)) {
            throw new InvalidPluginConfigException(file, List.of("empty document"));
        }
        Decoder decoder = new Decoder();
        PluginConfig config = decoder.plugin(id, file, root);
        if (!decoder.problems.isEmpty()) {
            throw new InvalidPluginConfigException(file, decoder.problems);
        }
        return config;
    }

    /**
     * Stash's plugin id for a file: its name without the last extension.
     *
     * @param file a plugin file
     * @return for {@code plugins/notify/notifier.yml}, "notifier"
     */
    public static String idOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private static String kind(Node node) {
        String tag = node.getTag().getValue();
        return tag.startsWith(Tag.PREFIX) ? "!!" + tag.substring(Tag.PREFIX.length()) : tag;
    }

    /** One decoding pass; collects every problem rather than stopping at the first, as yaml.v2 does. */
    private static final class Decoder {

        private final List<String> problems = new ArrayList<>();

        PluginConfig plugin(String id, Path file, Node root) {
            var name = new Holder<>("");
            var description = new Holder<String>(null);
            var url = new Holder<String>(null);
            var version = new Holder<String>(null);
            var pluginInterface = new Holder<>("");
            var exec = new Holder<List<String>>(List.of());
            var errLog = new Holder<>("");
            var tasks = new Holder<List<PluginConfig.Task>>(List.of());
            var hooks = new Holder<List<PluginConfig.Hook>>(List.of());
            var ui = new Holder<>(PluginConfig.Ui.EMPTY);
            var settings = new Holder<Map<String, PluginConfig.Setting>>(Map.of());
            Node[] interfaceNode = new Node[1];
            struct(root, "", "plugin.Config", (key, value) -> {
                String path = key;
                switch (key) {
                    case "name" -> name.value = text(value, path);
                    case "description" -> description.value = optionalText(value, path);
                    case "url" -> url.value = optionalText(value, path);
                    case "version" -> version.value = optionalText(value, path);
                    case "interface" -> {
                        pluginInterface.value = text(value, path);
                        interfaceNode[0] = value;
                    }
                    case "exec" -> exec.value = textList(value, path);
                    case "errLog" -> errLog.value = text(value, path);
                    case "tasks" -> tasks.value = list(value, path, true, this::task);
                    case "hooks" -> hooks.value = list(value, path, true, this::hook);
                    case "ui" -> ui.value = ui(value, path);
                    case "settings" -> settings.value = settings(value, path);
                    default -> unknown(key, value, path, "plugin.Config");
                }
            }, "name", "description", "url", "version", "interface", "exec", "errLog", "tasks", "hooks", "ui",
                    "settings");
            PluginConfig.Interface parsedInterface = PluginConfig.Interface.RAW;
            if (!pluginInterface.value.isEmpty()) {
                if (INTERFACES.contains(pluginInterface.value)) {
                    parsedInterface = PluginConfig.Interface.valueOf(pluginInterface.value.toUpperCase());
                } else {
                    problem("interface", interfaceNode[0],
                            "invalid interface type \"" + pluginInterface.value + "\" (js, raw or rpc)");
                }
            }
            return new PluginConfig(id, file, name.value, description.value, url.value, version.value,
                    parsedInterface, exec.value, errLog.value, tasks.value, hooks.value, ui.value, settings.value);
        }

        private PluginConfig.Task task(Node node, String path) {
            var operation = new Operation();
            struct(node, path, "plugin.OperationConfig", (key, value) -> {
                if (!operation.accept(key, value, path + "." + key)) {
                    unknown(key, value, path + "." + key, "plugin.OperationConfig");
                }
            }, Operation.KEYS);
            return new PluginConfig.Task(operation.name, operation.description, operation.execArgs,
                    operation.defaultArgs);
        }

        private PluginConfig.Hook hook(Node node, String path) {
            var operation = new Operation();
            var triggeredBy = new Holder<List<String>>(List.of());
            String[] keys = {"name", "description", "execArgs", "defaultArgs", "triggeredBy"};
            struct(node, path, "plugin.HookConfig", (key, value) -> {
                String keyPath = path + "." + key;
                if ("triggeredBy".equals(key)) {
                    triggeredBy.value = textList(value, keyPath);
                } else if (!operation.accept(key, value, keyPath)) {
                    unknown(key, value, keyPath, "plugin.HookConfig");
                }
            }, keys);
            return new PluginConfig.Hook(operation.name, operation.description, operation.execArgs,
                    operation.defaultArgs, triggeredBy.value);
        }

        private PluginConfig.Ui ui(Node node, String path) {
            var requires = new Holder<List<String>>(List.of());
            var csp = new Holder<>(PluginConfig.Csp.EMPTY);
            var javascript = new Holder<List<String>>(List.of());
            var css = new Holder<List<String>>(List.of());
            var assets = new Holder<Map<String, String>>(Map.of());
            struct(node, path, "plugin.UIConfig", (key, value) -> {
                String keyPath = path + "." + key;
                switch (key) {
                    case "requires" -> requires.value = textList(value, keyPath);
                    case "csp" -> csp.value = csp(value, keyPath);
                    case "javascript" -> javascript.value = textList(value, keyPath);
                    case "css" -> css.value = textList(value, keyPath);
                    case "assets" -> assets.value = textMap(value, keyPath);
                    default -> unknown(key, value, keyPath, "plugin.UIConfig");
                }
            }, "requires", "csp", "javascript", "css", "assets");
            return new PluginConfig.Ui(requires.value, csp.value, javascript.value, css.value, assets.value);
        }

        private PluginConfig.Csp csp(Node node, String path) {
            var scriptSrc = new Holder<List<String>>(List.of());
            var styleSrc = new Holder<List<String>>(List.of());
            var connectSrc = new Holder<List<String>>(List.of());
            struct(node, path, "plugin.PluginCSP", (key, value) -> {
                String keyPath = path + "." + key;
                switch (key) {
                    case "script-src" -> scriptSrc.value = textList(value, keyPath);
                    case "style-src" -> styleSrc.value = textList(value, keyPath);
                    case "connect-src" -> connectSrc.value = textList(value, keyPath);
                    default -> unknown(key, value, keyPath, "plugin.PluginCSP");
                }
            }, "script-src", "style-src", "connect-src");
            return new PluginConfig.Csp(scriptSrc.value, styleSrc.value, connectSrc.value);
        }

        private Map<String, PluginConfig.Setting> settings(Node node, String path) {
            Map<String, PluginConfig.Setting> settings = new LinkedHashMap<>();
            map(node, path, "map[string]plugin.SettingConfig", (key, value) -> {
                String keyPath = path + "." + key;
                var type = new Holder<>("");
                var displayName = new Holder<>("");
                var description = new Holder<>("");
                struct(value, keyPath, "plugin.SettingConfig", (field, fieldValue) -> {
                    String fieldPath = keyPath + "." + field;
                    switch (field) {
                        case "type" -> {
                            type.value = text(fieldValue, fieldPath);
                            if (!type.value.isEmpty() && !SETTING_TYPES.contains(type.value)) {
                                problem(fieldPath, fieldValue, "invalid setting type \"" + type.value
                                        + "\" (STRING, NUMBER or BOOLEAN)");
                            }
                        }
                        case "displayName" -> displayName.value = text(fieldValue, fieldPath);
                        case "description" -> description.value = text(fieldValue, fieldPath);
                        default -> unknown(field, fieldValue, fieldPath, "plugin.SettingConfig");
                    }
                }, "type", "displayName", "description");
                settings.put(key, new PluginConfig.Setting(type.value, displayName.value, description.value));
            });
            return settings;
        }

        /** The fields {@code tasks} and {@code hooks} share (Stash's {@code OperationConfig}). */
        private final class Operation {
            static final String[] KEYS = {"name", "description", "execArgs", "defaultArgs"};
            String name = "";
            String description = "";
            List<String> execArgs = List.of();
            Map<String, String> defaultArgs = Map.of();

            boolean accept(String key, Node value, String path) {
                switch (key) {
                    case "name" -> name = text(value, path);
                    case "description" -> description = text(value, path);
                    case "execArgs" -> execArgs = textList(value, path);
                    case "defaultArgs" -> defaultArgs = textMap(value, path);
                    default -> {
                        return false;
                    }
                }
                return true;
            }
        }

        private void struct(Node node, String path, String type, BiConsumer<String, Node> field, String... keys) {
            List<String> known = List.of(keys);
            entries(node, path, type, known::contains, field);
        }

        /**
         * Visits a mapping's entries; a repeated key is a problem when {@code duplicateMatters} says so (yaml.v2
         * rejects repeats of a struct's known keys and of any map key; an unknown key is reported as unknown).
         */
        private void entries(Node node, String path, String type, Predicate<String> duplicateMatters,
                             BiConsumer<String, Node> entry) {
            if (isNull(node)) {
                return;
            }
            if (!(node instanceof MappingNode mapping)) {
                problem(path, node, "cannot read " + kind(node) + " into " + type + " (expected a map)");
                return;
            }
            Set<String> seen = new HashSet<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = keyText(tuple.getKeyNode(), path);
                if (key == null) {
                    continue;
                }
                String keyPath = path.isEmpty() ? key : path + "." + key;
                if (!seen.add(key) && duplicateMatters.test(key)) {
                    problem(keyPath, tuple.getKeyNode(), "key \"" + key + "\" given twice");
                    continue;
                }
                entry.accept(key, tuple.getValueNode());
            }
        }

        private void unknown(String key, Node value, String path, String type) {
            problem(path, value, "unknown key \"" + key + "\" (not a field of " + type + ")");
        }

        private void map(Node node, String path, String type, BiConsumer<String, Node> entry) {
            entries(node, path, type, key -> true, entry);
        }

        private String keyText(Node key, String path) {
            if (key instanceof ScalarNode scalar) {
                return isNull(scalar) ? "" : scalar.getValue();
            }
            problem(path, key, "a map key must be a scalar, not " + kind(key));
            return null;
        }

        /** A list; {@code structItems}: whether its items are structs, which Stash cannot take as null. */
        private <T> List<T> list(Node node, String path, boolean structItems, ItemDecoder<T> item) {
            if (isNull(node)) {
                return List.of();
            }
            if (!(node instanceof SequenceNode sequence)) {
                problem(path, node, "cannot read " + kind(node) + " into a list");
                return List.of();
            }
            List<T> items = new ArrayList<>();
            for (int i = 0; i < sequence.getValue().size(); i++) {
                Node element = sequence.getValue().get(i);
                String itemPath = path + "[" + i + "]";
                if (isNull(element) && structItems) {
                    problem(itemPath, element, "empty list item (Stash loads it, then fails on a nil pointer)");
                } else {
                    items.add(item.decode(element, itemPath));
                }
            }
            return items;
        }

        private List<String> textList(Node node, String path) {
            return list(node, path, false, this::text);
        }

        private Map<String, String> textMap(Node node, String path) {
            Map<String, String> map = new LinkedHashMap<>();
            map(node, path, "map[string]string", (key, value) -> map.put(key, text(value, path + "." + key)));
            return map;
        }

        private String text(Node node, String path) {
            String text = optionalText(node, path);
            return text == null ? "" : text;
        }

        private String optionalText(Node node, String path) {
            if (node instanceof ScalarNode scalar) {
                return isNull(scalar) ? null : scalar.getValue();
            }
            problem(path, node, "cannot read " + kind(node) + " into text (expected a scalar)");
            return null;
        }

        private void problem(String path, Node node, String message) {
            problems.add((path.isEmpty() ? "(document)" : path) + " (line " + line(node) + "): " + message);
        }
    }

    @FunctionalInterface
    private interface ItemDecoder<T> {
        T decode(Node node, String path);
    }

    /** A mutable slot a decoding lambda fills in. */
    private static final class Holder<T> {
        T value;

        Holder(T value) {
            this.value = value;
        }
    }
}
