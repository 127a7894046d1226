package dev.larder.emulator.library;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep copies of entity values (maps, lists, scalars), frozen for snapshots or mutable for a change. */
final class Values {

    private Values() {
    }

    /** A deep copy whose maps and lists cannot be modified; values may be null. */
    static Object frozen(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>(map.size() * 2);
            map.forEach((k, v) -> out.put((String) k, frozen(v)));
            return Collections.unmodifiableMap(out);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(frozen(v)));
            return Collections.unmodifiableList(out);
        }
        return value;
    }

    /** A deep copy made of {@link LinkedHashMap}s and {@link ArrayList}s. */
    static Object mutable(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>(map.size() * 2);
            map.forEach((k, v) -> out.put((String) k, mutable(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(mutable(v)));
            return out;
        }
        return value;
    }
}
