package dev.larder.emulator.hooks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Unmodifiable maps that keep insertion order ({@code Map.copyOf} does not), as YAML files are read in order. */
final class OrderedMaps {

    private OrderedMaps() {
    }

    static <K, V> Map<K, V> freeze(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
