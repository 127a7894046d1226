package dev.larder.model.query;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GraphQL input coercion over a contract: JSON in, {@link InputObject} values out, every problem an
 * {@link InvalidInputException} naming its path. The builder goes through the same code, so a value is accepted
 * from Java exactly when its JSON would be. Stateless apart from its contract; thread-safe.
 */
final class Coercion {

    private static final int SHOWN_JSON = 80;

    private final FilterContract contract;

    Coercion(FilterContract contract) {
        this.contract = contract;
    }

    InputObject object(Definitions.Input input, JsonNode json, String path) {
        if (json == null || !json.isObject()) {
            throw mismatch(path, "an object (" + input.name() + ")", json);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : json.properties()) {
            Object value = field(input, entry.getKey(), entry.getValue(), join(path, entry.getKey()));
            if (value != null) {
                fields.put(entry.getKey(), value);
            }
        }
        return complete(input, fields, path);
    }

    /**
     * Coerces one field's value.
     *
     * @return the value, or null for a JSON null given to a nullable field (which is then absent)
     */
    Object field(Definitions.Input input, String name, JsonNode json, String path) {
        Definitions.Field field = input.fields().get(name);
        if (field == null) {
            Optional<String> nearest = NearestName.to(name, input.fields().keySet());
            throw new InvalidInputException(path, "unknown field " + path + nearest.map(n -> "; did you mean " + n + "?")
                    .orElse(" (" + input.name() + " has no such field)"));
        }
        if (json == null || json.isNull()) {
            if (field.type().nonNull()) {
                throw required(path);
            }
            return null;
        }
        return value(field.type(), json, path);
    }

    /** Adds the defaults of absent fields and checks that no required field is missing. */
    InputObject complete(Definitions.Input input, Map<String, Object> given, String path) {
        Map<String, Object> fields = new LinkedHashMap<>(given);
        for (Definitions.Field field : input.fields().values()) {
            if (fields.containsKey(field.name())) {
                continue;
            }
            String at = join(path, field.name());
            if (field.defaultJson() != null && !field.defaultJson().isNull()) {
                fields.put(field.name(), value(field.type(), field.defaultJson(), at));
            } else if (field.type().nonNull()) {
                throw required(at);
            }
        }
        return new InputObject(contract, input.name(), fields);
    }

    /** Coerces a value that is not JSON null to a field type. */
    Object value(FilterContract.TypeRef type, JsonNode json, String path) {
        if (!type.list()) {
            return named(type.name(), json, path);
        }
        if (!json.isArray()) {
            return List.of(named(type.name(), json, path));
        }
        List<Object> items = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            JsonNode item = json.get(i);
            String at = path + "[" + i + "]";
            if (item.isNull()) {
                if (type.itemNonNull()) {
                    throw new InvalidInputException(at, at + " must not be null");
                }
                items.add(null);
            } else {
                items.add(named(type.name(), item, at));
            }
        }
        return Collections.unmodifiableList(items);
    }

    private Object named(String type, JsonNode json, String path) {
        switch (type) {
            case "Int" -> {
                if (!json.isIntegralNumber()) {
                    throw mismatch(path, "an Int", json);
                }
                if (!json.canConvertToInt()) {
                    throw mismatch(path, "an Int between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE, json);
                }
                return json.intValue();
            }
            case "Float" -> {
                if (!json.isNumber() || !Double.isFinite(json.doubleValue())) {
                    throw mismatch(path, "a Float", json);
                }
                return json.doubleValue();
            }
            case "String" -> {
                if (!json.isTextual()) {
                    throw mismatch(path, "a String", json);
                }
                return json.textValue();
            }
            case "Boolean" -> {
                if (!json.isBoolean()) {
                    throw mismatch(path, "a Boolean", json);
                }
                return json.booleanValue();
            }
            case "ID" -> {
                if (json.isTextual()) {
                    return json.textValue();
                }
                if (json.isIntegralNumber()) {
                    return json.bigIntegerValue().toString();
                }
                throw mismatch(path, "an ID (a string or an integer)", json);
            }
            default -> {
                if (contract.isInput(type)) {
                    return object(contract.input(type), json, path);
                }
                if (contract.isEnum(type)) {
                    return enumValue(contract.enumType(type), json, path);
                }
                // a custom scalar such as Any: opaque to GraphQL, so any JSON is its value
                return JsonValues.plain(json);
            }
        }
    }

    private static String enumValue(Definitions.EnumType type, JsonNode json, String path) {
        if (!json.isTextual() || !type.values().contains(json.textValue())) {
            throw mismatch(path, "one of " + String.join(", ", type.values()) + " (" + type.name() + ")", json);
        }
        return json.textValue();
    }

    private static InvalidInputException required(String path) {
        return new InvalidInputException(path, path + " is required");
    }

    private static InvalidInputException mismatch(String path, String expected, JsonNode json) {
        String shown = json == null ? "nothing" : json.toString();
        if (shown.length() > SHOWN_JSON) {
            shown = shown.substring(0, SHOWN_JSON) + "…";
        }
        // only the whole value has an empty path, when the caller gave no prefix
        return new InvalidInputException(path, (path.isEmpty() ? "the value" : path) + " must be " + expected
                + ", got " + shown);
    }

    static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
