package dev.larder.http;

import dev.larder.model.query.Item;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Answers that list items: the items' rendered bytes copied once into {@code {"count":N,"items":[...]...}}. */
final class ItemsJson {

    private ItemsJson() {
    }

    /**
     * @param count the count to answer
     * @param items the items
     * @param tail  JSON members after the items, each after a comma ({@code ,"next_cursor":null}), or empty
     * @return the answer's bytes
     */
    static byte[] write(long count, List<Item> items, String tail) {
        int size = 64 + tail.length();
        for (Item item : items) {
            size += item.length() + 1;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        try {
            out.write(("{\"count\":" + count + ",\"items\":[").getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                items.get(i).writeTo(out);
            }
            out.write(']');
            out.write(tail.getBytes(StandardCharsets.UTF_8));
            out.write('}');
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return out.toByteArray();
    }
}
