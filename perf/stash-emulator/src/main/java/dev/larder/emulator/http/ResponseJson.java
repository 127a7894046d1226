package dev.larder.emulator.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Writes a GraphQL response (maps, lists, strings, numbers, booleans, nulls) as JSON with Jackson's streaming
 * generator straight into the response buffer. Databind's per-value serializer look-up and the copies of a byte
 * array stream were the largest costs of serving a 1,000-scene page.
 */
final class ResponseJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private ResponseJson() {
    }

    static Buffer write(Object value) {
        Buffer buffer = Buffer.buffer(256 * 1024);
        try (JsonGenerator json = FACTORY.createGenerator(new BufferStream(buffer))) {
            write(json, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer;
    }

    // an instanceof chain in order of frequency: cheaper per value than a pattern switch here
    private static void write(JsonGenerator json, Object value) throws IOException {
        if (value instanceof String s) {
            json.writeString(s);
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                json.writeFieldName((String) e.getKey());
                write(json, e.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (int i = 0, n = list.size(); i < n; i++) {
                write(json, list.get(i));
            }
            json.writeEndArray();
        } else if (value == null) {
            json.writeNull();
        } else if (value instanceof Integer i) {
            json.writeNumber(i);
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Long l) {
            json.writeNumber(l);
        } else if (value instanceof Double d) {
            json.writeNumber(d);
        } else if (value instanceof Number n) {
            json.writeNumber(n.toString());
        } else {
            json.writeString(value.toString());
        }
    }

    private static final class BufferStream extends OutputStream {

        private final Buffer buffer;

        BufferStream(Buffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public void write(int b) {
            buffer.appendByte((byte) b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            buffer.appendBytes(bytes, offset, length);
        }
    }
}
