package dev.larder.emulator.hooks;

import java.nio.file.Path;
import java.util.List;

/**
 * A plugin YAML file that Stash would refuse to load. The message lists every problem found, one per line, each
 * starting with the key path (for example {@code hooks[0].triggerdBy}) and the line number.
 */
public final class InvalidPluginConfigException extends RuntimeException {

    private final transient Path file;
    private final List<String> problems;

    InvalidPluginConfigException(Path file, List<String> problems) {
        super(file + ": " + String.join("\n  ", problems));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    /**
     * The file that failed.
     *
     * @return the path given to the loader
     */
    public Path file() {
        return file;
    }

    /**
     * The problems, in the order found.
     *
     * @return at least one item, such as {@code hooks[0].triggerdBy (line 7): unknown key "triggerdBy" ...}
     */
    public List<String> problems() {
        return problems;
    }
}
