package dev.larder.http;

import io.helidon.http.UnauthorizedException;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the signature of a pushed event request: {@code X-Larder-Signature: sha256=<hex>} must be the
 * HMAC-SHA256, keyed with {@code events.secret}, of the {@code X-Larder-Timestamp} value (unix seconds), a dot and
 * the body bytes, and the timestamp must be within {@link #REPLAY_WINDOW} of now. The comparison takes the same time
 * whatever the signature; the secret appears in no message. Thread-safe.
 */
public final class EventSignature {

    /** How far a request's timestamp may be from the server's clock, either way. */
    public static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);
    /** The header holding the unix time in seconds. */
    public static final String TIMESTAMP_HEADER = "X-Larder-Timestamp";
    /** The header holding {@code sha256=<hex>}. */
    public static final String SIGNATURE_HEADER = "X-Larder-Signature";

    private static final String PREFIX = "sha256=";

    private final SecretKeySpec key;
    private final Clock clock;

    /**
     * @param secret the shared secret, not null
     * @param clock  the clock the replay window is measured on
     */
    public EventSignature(String secret, Clock clock) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    /**
     * Signs a body, as a producer does.
     *
     * @param timestamp the unix time in seconds, as sent in {@link #TIMESTAMP_HEADER}
     * @param body      the exact body bytes
     * @return the {@link #SIGNATURE_HEADER} value, {@code sha256=<lower-case hex>}
     */
    public String sign(String timestamp, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(mac(timestamp, body));
    }

    /**
     * Lets a signed request through or refuses it.
     *
     * @param timestamp the {@link #TIMESTAMP_HEADER} value, or null when absent
     * @param signature the {@link #SIGNATURE_HEADER} value, or null when absent
     * @param body      the exact body bytes
     * @throws UnauthorizedException when a header is missing or malformed, the timestamp is outside the replay
     *                               window, or the signature does not match
     */
    public void verify(String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null) {
            throw new UnauthorizedException("signed request required: " + TIMESTAMP_HEADER + " and "
                    + SIGNATURE_HEADER);
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new UnauthorizedException(TIMESTAMP_HEADER + " must be unix seconds");
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - seconds) > REPLAY_WINDOW.toSeconds()) {
            throw new UnauthorizedException(TIMESTAMP_HEADER + " is more than 5 minutes from the server's time");
        }
        byte[] given;
        try {
            String hex = signature.trim();
            given = hex.startsWith(PREFIX) ? HexFormat.of().parseHex(hex.substring(PREFIX.length())) : new byte[0];
        } catch (IllegalArgumentException e) {
            given = new byte[0];
        }
        if (!MessageDigest.isEqual(mac(timestamp.trim(), body), given)) {
            throw new UnauthorizedException("bad signature: " + SIGNATURE_HEADER
                    + " must be sha256=<hex HMAC-SHA256 of timestamp.body>");
        }
    }

    private byte[] mac(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
