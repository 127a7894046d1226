package dev.larder.emulator.packages;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * Reads the YAML of package indexes and manifests as Stash's gopkg.in/yaml.v2 (non-strict) does: unknown keys are
 * ignored, a scalar read as text keeps its text as written ({@code version: 1.10} is "1.10"), a null scalar is the
 * empty value, and dates use Stash's {@code pkg.TimeFormat} ({@code 2006-01-02 15:04:05}, UTC) or its legacy form
 * with an offset. Errors are {@link PackageException}s naming the key. Stateless and thread-safe.
 */
final class PackageYaml {

    private static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final DateTimeFormatter LEGACY_TIME_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xx");
    /** Go's zero {@code time.Time}, which Stash writes for a package without a date. */
    private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    private PackageYaml() {
    }

    /**
     * @param text YAML text
     * @return the first document's root node, or null for an empty document
     * @throws PackageException if the text is not YAML
     */
    static Node root(String text) throws PackageException {
        try {
            return new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        } catch (YAMLException e) {
            throw new PackageException("yaml: " + e.getMessage().replace('\n', ' '), e);
        }
    }

    /** A mapping's keys to their value nodes, in order; a later duplicate key wins, as in yaml.v2. */
    static Map<String, Node> mapping(Node node, String what) throws PackageException {
        if (!(node instanceof MappingNode map)) {
            throw new PackageException("yaml: cannot unmarshal " + node.getTag().getValue() + " into " + what);
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                fields.put(key.getValue(), tuple.getValueNode());
            }
        }
        return fields;
    }

    /** A sequence's items; null for a null node. */
    static List<Node> sequence(Node node, String what) throws PackageException {
        if (node == null || isNull(node)) {
            return List.of();
        }
        if (!(node instanceof SequenceNode seq)) {
            throw new PackageException("yaml: cannot unmarshal " + node.getTag().getValue() + " into " + what);
        }
        return seq.getValue();
    }

    /** A text field: the scalar as written, or empty when absent or null. */
    static String text(Map<String, Node> fields, String key) throws PackageException {
        Node node = fields.get(key);
        if (node == null || isNull(node)) {
            return "";
        }
        if (!(node instanceof ScalarNode scalar)) {
            throw new PackageException("yaml: cannot unmarshal " + node.getTag().getValue() + " into " + key
                    + " (a string)");
        }
        return scalar.getValue();
    }

    /** A list-of-text field; empty when absent or null. */
    static List<String> texts(Map<String, Node> fields, String key) throws PackageException {
        List<String> out = new ArrayList<>();
        for (Node item : sequence(fields.get(key), key + " (a list of strings)")) {
            if (!(item instanceof ScalarNode scalar)) {
                throw new PackageException("yaml: cannot unmarshal " + item.getTag().getValue() + " into " + key
                        + " (a list of strings)");
            }
            out.add(isNull(item) ? "" : scalar.getValue());
        }
        return out;
    }

    /** A date field; null when absent, null, or Go's zero time. */
    static Instant date(Map<String, Node> fields, String key) throws PackageException {
        Node node = fields.get(key);
        if (node == null || isNull(node)) {
            return null;
        }
        String text = text(fields, key);
        Instant parsed;
        try {
            parsed = LocalDateTime.parse(text, TIME_FORMAT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            try {
                parsed = OffsetDateTime.parse(text, LEGACY_TIME_FORMAT).toInstant();
            } catch (DateTimeParseException legacy) {
                throw new PackageException("parsing time \"" + text + "\" as \"2006-01-02 15:04:05\"", e);
            }
        }
        return parsed.equals(GO_ZERO_TIME) ? null : parsed;
    }

    /** A free-form map field (metadata), with YAML's own scalar types; empty when absent or null. */
    static Map<String, Object> map(Map<String, Node> fields, String key) throws PackageException {
        Node node = fields.get(key);
        if (node == null || isNull(node)) {
            return Map.of();
        }
        if (!(node instanceof MappingNode)) {
            throw new PackageException("yaml: cannot unmarshal " + node.getTag().getValue() + " into " + key
                    + " (a map)");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<?, ?>) new Values().of(node)).forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /**
     * Formats a date the way Stash writes it into a manifest.
     *
     * @param date a date, or null for none
     * @return {@code 2006-01-02 15:04:05} in UTC; Go's zero time for null
     */
    static String format(Instant date) {
        return LocalDateTime.ofInstant(date == null ? GO_ZERO_TIME : date, ZoneOffset.UTC).format(TIME_FORMAT);
    }

    private static boolean isNull(Node node) {
        return Tag.NULL.equals(node.getTag());
    }

    /** Builds plain Java values (maps, lists, strings, numbers, booleans) from a node. */
    private static final class Values extends SafeConstructor {
        Values() {
            super(new LoaderOptions());
        }

        Object of(Node node) {
            return constructObject(node);
        }
    }
}
