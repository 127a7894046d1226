package dev.larder.emulator.hooks;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes plain Java values (maps with string keys, lists, strings, numbers, booleans, null) as Stash's Go code
 * prints them, so messages a script sees or logs read the same as in Stash.
 */
final class GoText {

    private GoText() {
    }

    /**
     * Go's {@code json.Marshal} of a decoded value: map keys sorted, {@code <>&} and U+2028/2029 escaped.
     *
     * @throws IllegalArgumentException for NaN or infinite numbers and values of other types (Go fails too)
     */
    static String json(Object value) {
        StringBuilder out = new StringBuilder();
        writeJson(value, out);
        return out.toString();
    }

    /** Go's {@code %v} of a decoded value, as in {@code map[a:1 b:[x y]]}. */
    static String verbV(Object value) {
        StringBuilder out = new StringBuilder();
        writeV(value, out);
        return out.toString();
    }

    private static void writeJson(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case String s -> quote(s, out);
            case Boolean b -> out.append(b);
            case Number n -> out.append(jsonNumber(n));
            case Map<?, ?> map -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, Object> e : sorted(map).entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    quote(e.getKey(), out);
                    out.append(':');
                    writeJson(e.getValue(), out);
                }
                out.append('}');
            }
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    writeJson(list.get(i), out);
                }
                out.append(']');
            }
            default -> throw new IllegalArgumentException("json: unsupported type: " + value.getClass().getName());
        }
    }

    private static void writeV(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("<nil>");
            case Map<?, ?> map -> {
                out.append("map[");
                boolean first = true;
                for (Map.Entry<String, Object> e : sorted(map).entrySet()) {
                    if (!first) {
                        out.append(' ');
                    }
                    first = false;
                    out.append(e.getKey()).append(':');
                    writeV(e.getValue(), out);
                }
                out.append(']');
            }
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(' ');
                    }
                    writeV(list.get(i), out);
                }
                out.append(']');
            }
            case Number n -> out.append(number(n.doubleValue()));
            default -> out.append(value);
        }
    }

    private static Map<String, Object> sorted(Map<?, ?> map) {
        Map<String, Object> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
        return sorted;
    }

    private static String jsonNumber(Number n) {
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("json: unsupported value: " + d);
        }
        return number(d);
    }

    /** Integral values as integers, others in JavaScript's shortest form (Go's float output agrees for JSON). */
    private static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e21) {
            return Long.toString((long) d);
        }
        return org.mozilla.javascript.ScriptRuntime.numberToString(d, 10);
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
