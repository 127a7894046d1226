package dev.larder.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Sends the query API's JSON answers with HTTP's caching and compression manners: a strong ETag over the body, 304
 * Not Modified when the request's {@code If-None-Match} names it, and gzip when the client accepts it and the body
 * is worth compressing. Gzip is done here because Helidon's gzip encoding module is not published for 4.5.0.
 * Thread-safe.
 */
final class JsonAnswers {

    /** Bodies smaller than this go uncompressed: gzip's header and CPU cost more than they save. */
    private static final int GZIP_MIN_BYTES = 1024;

    private JsonAnswers() {
    }

    /**
     * @param req  the request
     * @param res  the response
     * @param body the JSON body
     */
    static void send(ServerRequest req, ServerResponse res, byte[] body) {
        String etag = "\"" + digest(body) + "\"";
        res.header(HeaderNames.ETAG, etag);
        res.header(HeaderNames.VARY, "Accept-Encoding");
        if (req.headers().first(HeaderNames.IF_NONE_MATCH).map(v -> matches(v, etag)).orElse(false)) {
            res.status(Status.NOT_MODIFIED_304);
            res.send();
            return;
        }
        res.header(HeaderValues.CONTENT_TYPE_JSON);
        if (body.length >= GZIP_MIN_BYTES && acceptsGzip(req)) {
            res.header(HeaderNames.CONTENT_ENCODING, "gzip");
            res.send(gzip(body));
        } else {
            res.send(body);
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static boolean acceptsGzip(ServerRequest req) {
        for (String value : req.headers().all(HeaderNames.ACCEPT_ENCODING, List::of)) {
            for (String coding : value.split(",")) {
                String[] parts = coding.trim().toLowerCase(Locale.ROOT).split(";");
                if (parts[0].trim().equals("gzip") && !(parts.length > 1 && parts[1].trim().matches("q=0(\\.0*)?"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out, 8192)) {
            zip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("compressing in memory failed", e);
        }
        return out.toByteArray();
    }

    private static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
