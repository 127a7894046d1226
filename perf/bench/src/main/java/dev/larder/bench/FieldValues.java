package dev.larder.bench;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Iterator;
import java.util.Map;

/**
 * Reads every value of an entity out of a parsed tree, Jackson's or JSON-P's, the way a writer reads its columns:
 * strings as {@link String}s, numbers as {@code long} or {@code double}, booleans, nulls, nested objects and lists,
 * field names included. The result is an order-sensitive hash of all of it, equal for the same JSON whichever
 * parser built the tree, so a benchmark can both consume the values and check that two paths read the same data.
 */
final class FieldValues {

    private FieldValues() {
    }

    /** @return the hash of every name and value under {@code node} */
    static long of(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> {
                long h = 1;
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    h = 31 * (31 * h + field.getKey().hashCode()) + of(field.getValue());
                }
                yield h;
            }
            case ARRAY -> {
                long h = 2;
                for (JsonNode element : node) {
                    h = 31 * h + of(element);
                }
                yield h;
            }
            case STRING -> node.textValue().hashCode();
            case NUMBER -> node.isIntegralNumber() ? node.longValue() : Double.doubleToLongBits(node.doubleValue());
            case BOOLEAN -> node.booleanValue() ? 3 : 4;
            case NULL -> 5;
            default -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        };
    }

    /** @return the hash of every name and value under {@code value}; equal to {@link #of(JsonNode)} for equal JSON */
    static long of(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                long h = 1;
                for (Map.Entry<String, JsonValue> field : ((JsonObject) value).entrySet()) {
                    h = 31 * (31 * h + field.getKey().hashCode()) + of(field.getValue());
                }
                yield h;
            }
            case ARRAY -> {
                long h = 2;
                for (JsonValue element : (JsonArray) value) {
                    h = 31 * h + of(element);
                }
                yield h;
            }
            case STRING -> ((JsonString) value).getString().hashCode();
            case NUMBER -> {
                JsonNumber n = (JsonNumber) value;
                yield n.isIntegral() ? n.longValue() : Double.doubleToLongBits(n.doubleValue());
            }
            case TRUE -> 3;
            case FALSE -> 4;
            case NULL -> 5;
        };
    }
}
