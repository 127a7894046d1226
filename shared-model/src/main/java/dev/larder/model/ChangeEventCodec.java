package dev.larder.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The text form of a {@link ChangeEvent}, as the plugin writes it to Stash's log stream and as
 * {@code POST /api/v1/events} takes it: the marker {@value #MARKER} followed by one compact JSON object,
 * {@code {"v":1,"type":"Scene","op":"Update","id":5,"fields":["title"],"sources":[]}}, with {@code "gallery":4}
 * added for a gallery chapter whose hook input named its gallery (readers of format 1 ignore keys they do not know,
 * so it needed no new version). On the log stream the line
 * arrives behind Stash's {@code "[Plugin / Larder] "} prefix, so the marker is looked for anywhere in a message.
 * Thread-safe (stateless).
 */
public final class ChangeEventCodec {

    /** What marks a log message as a Larder event; the number is the format's version. */
    public static final String MARKER = "larder-event:1 ";
    /** The format's version, also inside the JSON as {@code v}. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChangeEventCodec() {
    }

    /**
     * Writes an event as its marked line.
     *
     * @param event the event
     * @return the marker and the JSON
     */
    public static String format(ChangeEvent event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("v", VERSION);
        node.put("type", event.typeName());
        node.put("op", event.op().triggerName());
        node.put("id", event.id());
        ArrayNode fields = node.putArray("fields");
        event.fields().forEach(fields::add);
        ArrayNode sources = node.putArray("sources");
        event.sources().forEach(sources::add);
        if (event.gallery() > 0) {
            node.put("gallery", event.gallery());
        }
        return MARKER + node;
    }

    /**
     * Reads the event in a log message or request body.
     *
     * @param message any text
     * @return the event; empty when the text carries no marker (an ordinary log line)
     * @throws IllegalArgumentException when the text carries the marker but not a valid event (a malformed line,
     *                                  to be counted and logged, never fatal)
     */
    public static Optional<ChangeEvent> parse(String message) {
        int at = message == null ? -1 : message.indexOf(MARKER);
        if (at < 0) {
            return Optional.empty();
        }
        return Optional.of(parseJson(message.substring(at + MARKER.length())));
    }

    /**
     * Reads an event's JSON (without the marker).
     *
     * @param json the JSON object text
     * @return the event
     * @throws IllegalArgumentException naming what is wrong
     */
    public static ChangeEvent parseJson(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("an event must be a JSON object: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("an event must be a JSON object");
        }
        if (node.path("v").asInt(-1) != VERSION) {
            throw new IllegalArgumentException("unsupported event version " + node.path("v") + ", expected "
                    + VERSION);
        }
        String type = text(node, "type");
        String op = text(node, "op");
        HookOperation operation = null;
        for (HookOperation candidate : HookOperation.values()) {
            if (candidate.triggerName().equals(op)) {
                operation = candidate;
            }
        }
        if (operation == null) {
            throw new IllegalArgumentException("op must be Create, Update, Destroy or Merge, got " + op);
        }
        if (!node.path("id").canConvertToInt() || !node.path("id").isIntegralNumber()) {
            throw new IllegalArgumentException("id must be a whole number");
        }
        List<String> fields = new ArrayList<>();
        for (JsonNode f : array(node, "fields")) {
            fields.add(f.asText());
        }
        List<Integer> sources = new ArrayList<>();
        for (JsonNode s : array(node, "sources")) {
            if (!s.isIntegralNumber()) {
                throw new IllegalArgumentException("sources must be whole numbers");
            }
            sources.add(s.asInt());
        }
        JsonNode gallery = node.path("gallery");
        if (!gallery.isMissingNode() && !gallery.isNull()
                && (!gallery.isIntegralNumber() || !gallery.canConvertToInt() || gallery.asInt() < 1)) {
            throw new IllegalArgumentException("gallery must be a whole number, 1 or more");
        }
        return new ChangeEvent(type, operation, node.get("id").asInt(), fields, sources, gallery.asInt(0));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return value.asText();
    }

    private static JsonNode array(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return JSON.createArrayNode();
        }
        if (!value.isArray()) {
            throw new IllegalArgumentException(field + " must be an array");
        }
        return value;
    }
}
