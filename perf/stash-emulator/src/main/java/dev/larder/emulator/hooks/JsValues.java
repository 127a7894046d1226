package dev.larder.emulator.hooks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Undefined;

/**
 * Moves values between Java and a script as plain data, never as wrapped Java objects: a script can only ever
 * hold JavaScript objects, arrays, strings, numbers, booleans and null.
 */
final class JsValues {

    /** Deeper than any GraphQL input or result; a deeper script value is taken to be cyclic. */
    private static final int MAX_DEPTH = 200;
    private static final double MAX_SAFE_INTEGER = 9007199254740991d;
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsValues() {
    }

    /**
     * Java data to a script value. Maps, collections, arrays, strings, numbers, booleans and null map directly;
     * any other object (a record, an enum) is first turned into that data the way Jackson would write it as JSON.
     */
    static Object toJs(Context cx, Scriptable scope, Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Boolean b -> b;
            case Character c -> String.valueOf(c);
            case Number n -> n.doubleValue();
            case Map<?, ?> map -> {
                Scriptable object = cx.newObject(scope);
                map.forEach((k, v) -> put(object, String.valueOf(k), toJs(cx, scope, v)));
                yield object;
            }
            case Collection<?> list -> cx.newArray(scope, list.stream().map(v -> toJs(cx, scope, v)).toArray());
            case Object[] array -> toJs(cx, scope, List.of(array));
            default -> toJs(cx, scope, JSON.convertValue(value, Object.class));
        };
    }

    private static void put(Scriptable object, String key, Object value) {
        int index = arrayIndex(key);
        if (index >= 0) {
            ScriptableObject.putProperty(object, index, value);
        } else {
            ScriptableObject.putProperty(object, key, value);
        }
    }

    /** The index a canonical decimal key names ("0", "12"), or -1: such keys live in Rhino's indexed slots. */
    private static int arrayIndex(String key) {
        if (key.isEmpty() || key.length() > 9 || (key.length() > 1 && key.charAt(0) == '0')) {
            return -1;
        }
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) < '0' || key.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(key);
    }

    /**
     * A script value to Java data, as goja's {@code Export} would hand it to Go: objects become ordered maps of
     * their own enumerable properties, arrays lists, integral numbers {@link Integer} or {@link Long}, other
     * numbers {@link Double}, dates their ISO text, undefined null.
     *
     * @throws IllegalArgumentException for functions, symbols and values nested deeper than 200 levels
     */
    static Object toJava(Object value) {
        return toJava(value, 0);
    }

    private static Object toJava(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("value nested too deeply (cyclic?)");
        }
        return switch (value) {
            case null -> null;
            case Undefined u -> null;
            case CharSequence s -> s.toString();
            case Boolean b -> b;
            case Number n -> number(n.doubleValue());
            case Function f -> throw new IllegalArgumentException("a function is not data");
            case NativeArray array -> {
                List<Object> list = new ArrayList<>();
                for (long i = 0; i < array.getLength(); i++) {
                    list.add(toJava(array.get((int) i, array), depth + 1));
                }
                yield list;
            }
            case Scriptable object when "Date".equals(object.getClassName()) ->
                    Context.toString(ScriptableObject.callMethod(object, "toISOString", ScriptRuntime.emptyArgs));
            case Scriptable object -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Object id : object.getIds()) {
                    Object property = id instanceof Integer i ? object.get(i, object) : object.get((String) id, object);
                    map.put(String.valueOf(id), toJava(property, depth + 1));
                }
                yield map;
            }
            default -> throw new IllegalArgumentException("not a script data value: " + value.getClass().getName());
        };
    }

    private static Object number(double d) {
        if (d == Math.rint(d) && Math.abs(d) <= MAX_SAFE_INTEGER && !(d == 0 && 1 / d < 0)) {
            long l = (long) d;
            return l == (int) l ? (Object) (int) l : (Object) l;
        }
        return d;
    }

    /**
     * Whether a script value is a plain object (not an array, function, date or other built-in), which Stash's
     * log functions print as JSON.
     */
    static boolean isPlainObject(Object value) {
        return value instanceof Scriptable s && !(value instanceof Function) && "Object".equals(s.getClassName());
    }
}
