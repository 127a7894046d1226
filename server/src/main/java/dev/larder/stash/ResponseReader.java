package dev.larder.stash;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a GraphQL response as a stream: each field of {@code data} is handed to a {@link FieldReader} while the bytes
 * arrive, so a page of any size costs the memory of one entity at a time. {@code errors} may come before or after
 * {@code data}; their messages are collected and returned. Not thread-safe; one per response.
 */
final class ResponseReader {

    /** Reads the value of one field of {@code data}. */
    @FunctionalInterface
    interface FieldReader {
        /**
         * @param key    the response key (the query name or its alias)
         * @param parser positioned on the value's first token; the reader must consume exactly that value
         */
        void read(String key, JsonParser parser) throws IOException;
    }

    private final ObjectMapper mapper;

    ResponseReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param body   the response body, uncompressed
     * @param fields called for every field of {@code data}
     * @return the messages of {@code errors}, empty when there were none
     * @throws IOException when the body is not a GraphQL response or breaks off
     */
    List<String> read(InputStream body, FieldReader fields) throws IOException {
        List<String> errors = new ArrayList<>();
        try (JsonParser p = mapper.getFactory().createParser(body)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("data") && value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        p.nextToken();
                        fields.read(key, p);
                    }
                } else if (name.equals("errors") && value == JsonToken.START_ARRAY) {
                    for (JsonNode error : (JsonNode) mapper.readTree(p)) {
                        errors.add(error.path("message").asText(error.toString()));
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        return errors;
    }

    /**
     * Streams a list result ({@code {count, <resultField>: [...]}}) entity by entity.
     *
     * @param p           positioned on the result's start (or on null)
     * @param resultField the list's field, e.g. {@code scenes}
     * @param page        receives the count and every entity
     */
    void readList(JsonParser p, String resultField, PageSink page) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("count") && value == JsonToken.VALUE_NUMBER_INT) {
                page.count(p.getIntValue());
            } else if (name.equals(resultField) && value == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    page.entity(mapper.readTree(p));
                }
            } else {
                p.skipChildren();
            }
        }
    }

    /** Receives what {@link #readList} reads. */
    interface PageSink {
        void count(int count);

        void entity(ObjectNode entity);
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("not a GraphQL response: expected " + expected + ", found " + actual);
        }
    }
}
