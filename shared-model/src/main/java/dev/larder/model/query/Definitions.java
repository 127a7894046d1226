package dev.larder.model.query;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The input-side definitions of a GraphQL schema as {@link SdlReader} reads them: input object types, enums and
 * custom scalars. Maps keep definition order and are unmodifiable.
 *
 * @param inputs  input object types by name
 * @param enums   enum types by name
 * @param scalars names of the custom scalars (the built-in ones are not listed)
 */
record Definitions(Map<String, Input> inputs, Map<String, EnumType> enums, Set<String> scalars) {

    /**
     * An input object type.
     *
     * @param name   its name
     * @param fields its fields by name, in definition order
     */
    record Input(String name, Map<String, Field> fields) {
    }

    /**
     * A field of an input object type.
     *
     * @param name        its name
     * @param type        its type, with the default value's text
     * @param defaultJson the default value as JSON, null when the field has none
     * @param deprecation the reason of its {@code @deprecated}, null when it has none
     */
    record Field(String name, FilterContract.TypeRef type, JsonNode defaultJson, String deprecation) {
    }

    /**
     * An enum type.
     *
     * @param name         its name
     * @param values       its values in definition order
     * @param deprecations the reasons of the deprecated values, by value
     */
    record EnumType(String name, List<String> values, Map<String, String> deprecations) {
    }
}
