package dev.larder.bench;

import java.util.ArrayList;
import java.util.List;

/** The options every child JVM a benchmark starts gets, as {@code ./larder} gives them to the JVMs it starts. */
final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * The options for a child running on this JVM's JDK.
     *
     * @return native access for sqlite-jdbc, and on JDK 24+ sun.misc.Unsafe allowed (Netty and Vert.x use it, and
     *         each start would print four warnings)
     */
    static List<String> options() {
        List<String> options = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 24) {
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        return options;
    }
}
