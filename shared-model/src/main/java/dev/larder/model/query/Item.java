package dev.larder.model.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.larder.model.EntityType;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One entity as Larder serves it: its JSON, rendered once and shared by every answer that shows it. Compact items
 * carry what a browse page shows (id, title or name, date, rating, counters, file basics, related entities as
 * {@code {id, name}}, Larder's media URLs); full items every stored field. Names are Stash's; ids are strings, as
 * Stash writes them. Immutable and thread-safe.
 */
public final class Item {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final EntityType type;
    private final int id;
    private final byte[] json;

    /**
     * @param type the entity type
     * @param id   the id
     * @param json the item's JSON object, UTF-8; kept, not copied: callers hand over an array they no longer change
     */
    public Item(EntityType type, int id, byte[] json) {
        this.type = Objects.requireNonNull(type, "type");
        this.id = id;
        this.json = Objects.requireNonNull(json, "json");
    }

    /** @return the entity type */
    public EntityType type() {
        return type;
    }

    /** @return the id */
    public int id() {
        return id;
    }

    /** @return the JSON text */
    public String json() {
        return new String(json, StandardCharsets.UTF_8);
    }

    /** @return the JSON, parsed into a fresh tree the caller owns */
    public JsonNode tree() {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("an item's JSON is always valid", e);
        }
    }

    /**
     * Writes the JSON bytes without copying them, for servers that stream answers.
     *
     * @param out where to write
     * @throws IOException from {@code out}
     */
    public void writeTo(OutputStream out) throws IOException {
        out.write(json);
    }

    /** @return a copy of the JSON bytes, UTF-8 */
    public byte[] toBytes() {
        return json.clone();
    }

    /** @return the length of the JSON in bytes */
    public int length() {
        return json.length;
    }

    @Override
    public String toString() {
        return json();
    }
}
