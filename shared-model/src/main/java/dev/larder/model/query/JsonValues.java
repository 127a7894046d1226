package dev.larder.model.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Between plain Java values and JSON, both ways, for {@link InputObject}. Stateless. */
final class JsonValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonValues() {
    }

    /**
     * The JSON a Java value stands for: the representations {@link InputObject} holds, plus Java enums (their
     * names), {@link InputView}s (their input), {@link Long}, {@link Float}, big numbers, any collection, any map
     * (keys as text) and JSON nodes as they are.
     *
     * @throws IllegalArgumentException for any other class
     */
    static JsonNode toJson(Object value) {
        return switch (value) {
            case null -> NODES.nullNode();
            case JsonNode node -> node;
            case InputObject object -> object.toJson();
            case InputView view -> view.toInput().toJson();
            case Enum<?> constant -> NODES.textNode(constant.name());
            case String text -> NODES.textNode(text);
            case Boolean bool -> NODES.booleanNode(bool);
            case Integer number -> NODES.numberNode(number);
            case Long number -> NODES.numberNode(number);
            case Double number -> NODES.numberNode(number);
            case Float number -> NODES.numberNode(number.doubleValue());
            case BigInteger number -> NODES.numberNode(number);
            case BigDecimal number -> NODES.numberNode(number);
            case Collection<?> items -> {
                ArrayNode array = NODES.arrayNode();
                items.forEach(item -> array.add(toJson(item)));
                yield array;
            }
            case Map<?, ?> map -> {
                ObjectNode object = NODES.objectNode();
                map.forEach((key, item) -> object.set(String.valueOf(key), toJson(item)));
                yield object;
            }
            default -> throw new IllegalArgumentException("a " + value.getClass().getName()
                    + " is no GraphQL input value");
        };
    }

    /**
     * A JSON value as plain, unmodifiable Java: String, Number (as Jackson reads it: Integer, Long, BigInteger or
     * Double), Boolean, List, Map, or null.
     */
    static Object plain(JsonNode json) {
        if (json.isNull()) {
            return null;
        }
        if (json.isTextual()) {
            return json.textValue();
        }
        if (json.isNumber()) {
            return json.numberValue();
        }
        if (json.isBoolean()) {
            return json.booleanValue();
        }
        if (json.isArray()) {
            List<Object> items = new ArrayList<>(json.size());
            json.forEach(item -> items.add(plain(item)));
            return Collections.unmodifiableList(items);
        }
        if (json.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            json.properties().forEach(entry -> map.put(entry.getKey(), plain(entry.getValue())));
            return Collections.unmodifiableMap(map);
        }
        throw new IllegalArgumentException("no plain Java value for JSON " + json.getNodeType());
    }
}
