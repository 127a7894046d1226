package dev.larder.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.larder.model.query.InvalidInputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque keyset cursors: where a page ended (the last row's sort value and id) and which query it belongs to,
 * signed with the store's secret so that a forged or edited cursor is refused, as is one of another query (another
 * filter, sort, direction or seed). A cursor carries no entity data beyond one sort value and one id. Thread-safe.
 */
final class Cursors {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    /**
     * @param secret the signing key (the store's secret for cursors)
     */
    Cursors(byte[] secret) {
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /**
     * Where a page ended.
     *
     * @param sort      the order's name ({@code date}, {@code random_12345}): a plain {@code random} request
     *                  continues with the seed its first page drew
     * @param sortValue the last row's sort value (Long, Double or String)
     * @param id        the last row's id
     */
    record Position(String sort, Object sortValue, int id) {
    }

    /**
     * @param query    the query's fingerprint (its compiled filter and order)
     * @param position where the page ended
     * @return the cursor text, URL-safe
     */
    String encode(String query, Position position) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("q", query);
        body.put("s", position.sort());
        switch (position.sortValue()) {
            case Long l -> body.put("k", l);
            case Integer i -> body.put("k", i.longValue());
            case Double d -> body.put("k", d);
            case String s -> body.put("k", s);
            default -> throw new IllegalArgumentException("sort value " + position.sortValue());
        }
        body.put("i", position.id());
        byte[] json = body.toString().getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(json) + "." + ENCODER.encodeToString(mac(json));
    }

    /**
     * @param cursor the cursor a client sent back
     * @param query  the fingerprint of the query it was sent with
     * @return where the previous page ended
     * @throws InvalidInputException (path {@code cursor}) when the cursor is not one Larder issued, or was issued
     *                               for another query
     */
    Position decode(String cursor, String query) {
        JsonNode body = verified(cursor);
        if (!query.equals(body.path("q").asText())) {
            throw new InvalidInputException("cursor", "cursor belongs to another query (another filter, text, sort, "
                    + "direction or seed); ask for the first page again");
        }
        JsonNode k = body.get("k");
        Object sortValue = k.isTextual() ? k.asText() : k.isIntegralNumber() ? (Object) k.asLong() : k.asDouble();
        return new Position(body.path("s").asText(), sortValue, body.path("i").asInt());
    }

    /**
     * @param cursor a cursor a client sent back
     * @return the name of the order it continues ({@code random_12345} for a plain {@code random} first page)
     * @throws InvalidInputException (path {@code cursor}) when the cursor is not one Larder issued
     */
    String sortOf(String cursor) {
        return verified(cursor).path("s").asText();
    }

    private JsonNode verified(String cursor) {
        int dot = cursor.indexOf('.');
        byte[] json;
        byte[] mac;
        try {
            json = DECODER.decode(cursor.substring(0, Math.max(dot, 0)));
            mac = DECODER.decode(cursor.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw forged();
        }
        if (dot < 0 || !MessageDigest.isEqual(mac, mac(json))) {
            throw forged();
        }
        try {
            JsonNode body = MAPPER.readTree(json);
            if (!body.has("k")) {
                throw forged();
            }
            return body;
        } catch (IOException e) {
            throw forged();
        }
    }

    private static InvalidInputException forged() {
        return new InvalidInputException("cursor",
                "cursor is not one Larder issued (it is edited, truncated or from another "
                + "Larder); ask for the first page again");
    }

    private byte[] mac(byte[] json) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(json), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * @param text what identifies a query
     * @return a short fingerprint of it, for {@link #encode}
     */
    static String fingerprint(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
