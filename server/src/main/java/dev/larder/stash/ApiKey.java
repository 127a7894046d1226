package dev.larder.stash;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stash's API key, kept out of every text Larder writes: {@link #toString()} does not show it, and
 * {@link #redact(String)} (exception messages) and {@link #redactBody(String)} (what Stash sent) remove keys from
 * texts before they are put into exceptions or logs. Immutable and thread-safe.
 */
final class ApiKey {

    private static final String HIDDEN = "***";
    /**
     * Where an API key is written by convention, whoever's key it is: a URL's {@code apikey=} parameter (also
     * URL-encoded) and the {@code ApiKey} header, as a header line or as a JSON or map entry.
     */
    private static final Pattern NAMED = Pattern.compile(
            "(?i)(apikey(?:=|%3D)|apikey[\"']?\\s*[:=]\\s*[\"']?)[^\\s&#\"',;}\\]]+");
    /** A JWT's characters (base64url and dots): the key counts only where none of these borders it. */
    private static final String TOKEN_CHARS = "A-Za-z0-9._-";

    private final String value;
    private final Pattern standalone;

    /**
     * @param value the key; null or empty for a Stash without credentials
     */
    ApiKey(String value) {
        this.value = value == null || value.isEmpty() ? null : value;
        this.standalone = this.value == null ? null : Pattern.compile(
                "(?<![" + TOKEN_CHARS + "])" + Pattern.quote(this.value) + "(?![" + TOKEN_CHARS + "])");
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
     * Hides API keys in a text Larder's own stack wrote (an exception's message, say): the value of any
     * {@code apikey=} URL parameter or {@code ApiKey} header. Nothing else, so that a key such as {@code x} leaves
     * {@code ConnectException} as it is.
     *
     * @param text any text, may be null
     * @return the text with those values replaced by {@code ***}
     */
    String redact(String text) {
        return text == null ? null
                : NAMED.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + HIDDEN));
    }

    /**
     * Hides the key in what Stash sent (an error body, a websocket message), where it may also stand on its own,
     * quoted in a message: as {@link #redact}, and this key wherever it is a token of its own. Not inside other
     * words.
     *
     * @param body any text from Stash, may be null
     * @return the text with those occurrences replaced by {@code ***}
     */
    String redactBody(String body) {
        String named = redact(body);
        return named == null || standalone == null ? named : standalone.matcher(named).replaceAll(HIDDEN);
    }

    @Override
    public String toString() {
        return value == null ? "none" : HIDDEN;
    }
}
