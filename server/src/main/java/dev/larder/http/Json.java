package dev.larder.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one Jackson mapper that Larder's HTTP layer writes response bodies with. Thread-safe.
 */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /**
     * Serializes a value (a record, a map, a list...) to UTF-8 JSON.
     *
     * @throws IllegalArgumentException if Jackson cannot serialize the value (a programming error)
     */
    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }
}
