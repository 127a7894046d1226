package dev.larder;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.config.Config;
import io.helidon.config.ConfigException;
import io.helidon.config.ConfigSources;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A configuration file as {@code larder serve --config FILE} is given it, read and checked before Larder uses it: it
 * must exist and be readable, parse as YAML, and hold only the keys of {@link ConfigKey}. Each problem is refused
 * with one line that names the file: the line and column of a YAML error, every unknown key with the known one it
 * is spelled like. Only the file is checked; environment variables and system properties are not.
 */
public final class ConfigFile {

    private ConfigFile() {
    }

    /**
     * The configuration {@code larder serve} runs with: system properties and environment variables over the file
     * (checked by {@link #read}) over {@code application.yaml} from the class path.
     *
     * @param file the file given with {@code --config}, if any
     * @return the configuration
     * @throws IllegalArgumentException with a one-line message when the file is missing, unreadable, not YAML or
     *                                  holds a key Larder does not know
     */
    public static Config configuration(Optional<Path> file) {
        Config.Builder builder = Config.builder();
        // the first source added wins; the builder puts system properties and environment variables over all
        file.ifPresent(f -> builder.addSource(ConfigSources.create(read(f))));
        return builder.addSource(ConfigSources.classpath("application.yaml")).build();
    }

    /**
     * Reads and checks a file.
     *
     * @param file the file as the user named it
     * @return the file's settings alone (no environment, no defaults)
     * @throws IllegalArgumentException with a one-line message naming the file and what is wrong with it
     */
    public static Config read(Path file) {
        Config config = parse(file, text(file));
        List<String> unknown = new ArrayList<>();
        unknownKeys(config, unknown);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(file + ": " + String.join("; ", unknown)
                    + " (application.yaml lists every key)");
        }
        return config;
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("the configuration file " + file + " does not exist"
                    + (file.isAbsolute() ? "" : " (looked for " + file.toAbsolutePath() + ")"));
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("cannot read the configuration file " + file
                    + ": permission denied");
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException("cannot read the configuration file " + file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the configuration file " + file + ": "
                    + (Files.isDirectory(file) ? "it is a directory" : e.getMessage()));
        }
    }

    private static Config parse(Path file, String text) {
        try {
            return Config.builder().disableEnvironmentVariablesSource().disableSystemPropertiesSource()
                    .addSource(ConfigSources.create(text, MediaTypes.APPLICATION_YAML)).build();
        } catch (ConfigException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + yamlProblem(e));
        }
    }

    /** Helidon wraps the YAML parser's error; its mark says where the file went wrong. */
    private static String yamlProblem(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
                Mark mark = yaml.getProblemMark();
                return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": "
                        + yaml.getProblem();
            }
            if (cause instanceof ClassCastException) {
                // the parser wants a mapping at the top and found a list or a single value
                return "it must hold keys and their values, as application.yaml does";
            }
            if (cause.getCause() == null) {
                return String.valueOf(cause.getMessage()).lines().findFirst().orElse("not YAML");
            }
        }
        return "not YAML";
    }

    /**
     * Describes each key below a node that Larder does not know; a known section is not looked into. A group of
     * Larder's (such as {@code stash}) may be left empty, but holds no value of its own; an unknown group is looked
     * into, so that {@code stahs.url} is named, and the key it is spelled like.
     */
    private static void unknownKeys(Config node, List<String> problems) {
        String key = node.key().toString();
        if (!key.isEmpty() && ConfigKey.known(key)) {
            return;
        }
        boolean value = node.type() == Config.Type.VALUE;
        List<Config> children = value ? List.of() : node.asNodeList().orElse(List.of());
        boolean empty = value ? node.asString().orElse("").isEmpty() : children.isEmpty();
        if (node.type() == Config.Type.OBJECT && !empty) {
            children.forEach(child -> unknownKeys(child, problems));
        } else if (key.isEmpty() || ConfigKey.group(key)) {
            if (!empty) {
                problems.add(key + " holds keys (" + ConfigKey.below(key) + "), not a value");
            }
        } else {
            problems.add("unknown key " + key + ConfigKey.nearest(key).map(k -> " (did you mean " + k + "?)")
                    .orElse(""));
        }
    }
}
