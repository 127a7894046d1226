package dev.larder.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;

/**
 * The line Larder's Stash plugin writes when a user runs one of its tasks ("Larder: incremental sync", "Larder:
 * full sync"): the marker {@value #MARKER} followed by {@code {"mode":"incremental"}} or {@code {"mode":"full"}}.
 * Like events, it reaches Larder behind Stash's {@code "[Plugin / Larder] "} prefix. Thread-safe (stateless).
 */
public final class SyncRequestCodec {

    /** What marks a log message as a sync request; the number is the format's version. */
    public static final String MARKER = "larder-sync:1 ";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SyncRequestCodec() {
    }

    /**
     * Reads the sync mode asked for in a log message.
     *
     * @param message any text
     * @return the mode's name as written ({@code "incremental"} or {@code "full"}); empty when the text carries no
     *         marker
     * @throws IllegalArgumentException when the text carries the marker but no {@code mode} string
     */
    public static Optional<String> parse(String message) {
        int at = message == null ? -1 : message.indexOf(MARKER);
        if (at < 0) {
            return Optional.empty();
        }
        try {
            JsonNode mode = JSON.readTree(message.substring(at + MARKER.length())).path("mode");
            if (!mode.isTextual()) {
                throw new IllegalArgumentException("a sync request needs a \"mode\" string");
            }
            return Optional.of(mode.asText());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a sync request must be a JSON object: " + e.getOriginalMessage());
        }
    }
}
