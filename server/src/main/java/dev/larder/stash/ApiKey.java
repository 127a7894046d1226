package dev.larder.stash;

import java.util.Objects;

/**
 * Stash's API key, kept out of every text Larder writes: {@link #toString()} does not show it, and
 * {@link #redact(String)} removes it from texts that came from elsewhere (error bodies, exception messages) before
 * they are put into exceptions or logs. Immutable and thread-safe.
 */
final class ApiKey {

    private static final String HIDDEN = "***";

    private final String value;

    /**
     * @param value the key; null or empty for a Stash without credentials
     */
    ApiKey(String value) {
        this.value = value == null || value.isEmpty() ? null : value;
    }

    /** @return true when there is a key to send */
    boolean present() {
        return value != null;
    }

    /** @return the key itself, for the {@code ApiKey} request header only */
    String value() {
        return Objects.requireNonNull(value, "no API key");
    }

    /**
     * @param text any text, may be null
     * @return the text with every occurrence of the key replaced by {@code ***}
     */
    String redact(String text) {
        return text == null || value == null ? text : text.replace(value, HIDDEN);
    }

    @Override
    public String toString() {
        return value == null ? "none" : HIDDEN;
    }
}
