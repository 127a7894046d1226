package dev.larder.model.query;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated value of one of the contract's input object types, such as a whole {@code SceneFilterType} or one
 * {@code IntCriterionInput} inside it. Made by {@link FilterContract#parse} from a client's JSON or by a
 * {@link Builder}; either way every field is a field of the type, every value fits its field's type and every
 * required field is there.
 *
 * <p>Values are held as: {@code Int} → {@link Integer}; {@code Float} → {@link Double}; {@code String} and
 * {@code ID} → {@link String}; {@code Boolean} → {@link Boolean}; an enum → its constant's name as a
 * {@link String}; an input object → {@code InputObject}; a list → an unmodifiable {@code List<Object>} of those;
 * the {@code Any} scalar → plain Java (String, Number, Boolean, List, Map). An absent field and one given as JSON
 * {@code null} are the same: not in {@link #fields()}.
 *
 * <p>Immutable and thread-safe. Equal when type and fields are equal (field order does not count).
 */
public final class InputObject {

    private final FilterContract contract;
    private final String type;
    private final Map<String, Object> fields;

    /** Only {@link Coercion} makes these, from values it has already validated. */
    InputObject(FilterContract contract, String type, Map<String, Object> fields) {
        this.contract = contract;
        this.type = type;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /**
     * Starts a value of one of the standard contract's input types.
     *
     * @param type an input type such as {@code "SceneFilterType"}
     * @return an empty builder
     * @throws IllegalArgumentException when the type is not an input type of the contract
     */
    public static Builder builder(String type) {
        return new Builder(FilterContract.standard(), type);
    }

    /**
     * @return the input type's name, such as {@code "SceneFilterType"}
     */
    public String type() {
        return type;
    }

    /**
     * @return the present fields in the order given; unmodifiable
     */
    public Map<String, Object> fields() {
        return fields;
    }

    /**
     * @param field a field of this type
     * @return whether it is present
     * @throws IllegalArgumentException when the type has no such field (a typo in the caller, not in the input)
     */
    public boolean has(String field) {
        typeOf(field);
        return fields.containsKey(field);
    }

    /**
     * @param field a field of this type
     * @return its value in the representation the class comment lists, null when absent
     * @throws IllegalArgumentException when the type has no such field
     */
    public Object get(String field) {
        typeOf(field);
        return fields.get(field);
    }

    /**
     * @param field a field of this type whose type is an input object
     * @return its value, null when absent
     * @throws IllegalArgumentException when the type has no such field or it holds something else
     */
    public InputObject object(String field) {
        return typed(field, InputObject.class);
    }

    /**
     * @param field a field of this type of type {@code String}, {@code ID} or an enum
     * @return its value, null when absent
     * @throws IllegalArgumentException when the type has no such field or it holds something else
     */
    public String string(String field) {
        return typed(field, String.class);
    }

    /**
     * @param field a field of this type of type {@code Int}
     * @return its value, null when absent
     * @throws IllegalArgumentException when the type has no such field or it holds something else
     */
    public Integer integer(String field) {
        return typed(field, Integer.class);
    }

    /**
     * @param field a field of this type of type {@code Float}
     * @return its value, null when absent
     * @throws IllegalArgumentException when the type has no such field or it holds something else
     */
    public Double number(String field) {
        return typed(field, Double.class);
    }

    /**
     * @param field a field of this type of type {@code Boolean}
     * @return its value, null when absent
     * @throws IllegalArgumentException when the type has no such field or it holds something else
     */
    public Boolean bool(String field) {
        return typed(field, Boolean.class);
    }

    /**
     * @param field a list field of this type
     * @return its items (never a bare value: a single value given for a list was made a list), null when absent
     * @throws IllegalArgumentException when the type has no such field or it holds something else
     */
    @SuppressWarnings("unchecked")
    public List<Object> list(String field) {
        return typed(field, List.class);
    }

    /**
     * @return this value as JSON, which {@link FilterContract#parse} reads back to an equal value; a new node each
     *         call
     */
    public JsonNode toJson() {
        return JsonValues.toJson(fields);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InputObject that && type.equals(that.type) && fields.equals(that.fields);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + fields.hashCode();
    }

    /**
     * @return the compact JSON of {@link #toJson()}
     */
    @Override
    public String toString() {
        return toJson().toString();
    }

    private FilterContract.TypeRef typeOf(String field) {
        FilterContract.TypeRef ref = contract.fields(type).get(field);
        if (ref == null) {
            throw new IllegalArgumentException(type + " has no field " + field);
        }
        return ref;
    }

    private <T> T typed(String field, Class<T> javaType) {
        FilterContract.TypeRef ref = typeOf(field);
        Object value = fields.get(field);
        if (value != null && !javaType.isInstance(value)) {
            throw new IllegalArgumentException(type + "." + field + " is " + ref.sdl() + ", not " + javaType.getSimpleName());
        }
        return javaType.cast(value);
    }

    /**
     * Builds an {@link InputObject} field by field, validating each value as it is put, so an error names the
     * field that caused it. Not thread-safe; may build several values.
     */
    public static final class Builder {

        private final FilterContract contract;
        private final Definitions.Input input;
        private final Map<String, Object> fields = new LinkedHashMap<>();

        Builder(FilterContract contract, String type) {
            this.contract = contract;
            this.input = contract.input(type);
        }

        /**
         * Sets a field, validated at once as {@link FilterContract#parse} would validate its JSON.
         *
         * @param field a field of the type
         * @param value a value in any representation {@link InputObject} holds, or a Java enum for an enum
         *              field, an {@link InputView} (a criterion record) or a {@link java.util.Map} for an
         *              input object field, a {@link Long} within range for an {@code Int}, a collection for a list;
         *              a single value for a list field becomes a one-element list; null removes a nullable field
         * @return this builder
         * @throws InvalidInputException when the field is unknown or the value does not fit; the path starts with
         *                               the type's name ({@code SceneFilterType.rating100.value})
         */
        public Builder put(String field, Object value) {
            String path = input.name() + "." + field;
            JsonNode json;
            try {
                json = JsonValues.toJson(value);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(path, path + ": " + e.getMessage());
            }
            Object coerced = contract.coercion().field(input, field, json, path);
            if (coerced == null) {
                fields.remove(field);
            } else {
                fields.put(field, coerced);
            }
            return this;
        }

        /**
         * @return the value, with defaults for absent fields
         * @throws InvalidInputException when a required field has not been put
         */
        public InputObject build() {
            return contract.coercion().complete(input, fields, input.name());
        }
    }
}
