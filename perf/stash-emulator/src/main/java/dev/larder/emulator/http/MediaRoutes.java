package dev.larder.emulator.http;

import dev.larder.emulator.library.Library;
import dev.larder.model.EntityType;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stash's media routes with deterministic content: scene screenshots, previews, sprites, VTTs and streams (with
 * HTTP Range), marker media, entity images and image thumbnails. A route for an entity that does not exist is a
 * 404, as in Stash.
 */
final class MediaRoutes {

    private static final Pattern SCENE = Pattern.compile(
            "/scene/(\\d+)/(screenshot|preview|webp|stream(?:\\.mp4|\\.webm|\\.m3u8)?|funscript|caption"
                    + "|interactive_heatmap|vtt/thumbs|vtt/sprite|vtt/chapter)");
    private static final Pattern SCENE_BY_HASH = Pattern.compile("/scene/([0-9a-f]{8,32})_(thumbs\\.vtt|sprite\\.jpg)");
    private static final Pattern MARKER = Pattern.compile("/scene/(\\d+)/scene_marker/(\\d+)/(stream|preview|screenshot)");
    private static final Pattern ENTITY_IMAGE = Pattern.compile(
            "/(performer|studio|tag|group|movie)/(\\d+)/(image|frontimage|backimage)");
    private static final Pattern IMAGE = Pattern.compile("/image/(\\d+)/(thumbnail|preview|image)");
    private static final Pattern GALLERY = Pattern.compile("/gallery/(\\d+)/(cover|preview)");

    private final Library library;

    MediaRoutes(Library library) {
        this.library = library;
    }

    /**
     * Serves the request if it is a media route.
     *
     * @param request the request, already authenticated
     * @return false when the path is not a media route (nothing was written)
     */
    boolean serve(HttpServerRequest request) {
        String path = request.path();
        Matcher m;
        if ((m = SCENE.matcher(path)).matches()) {
            return entity(request, EntityType.SCENE, m.group(1), sceneContentType(m.group(2)), m.group(2));
        }
        if ((m = SCENE_BY_HASH.matcher(path)).matches()) {
            // Stash looks the hash up; the emulator serves any well-formed hash, since content is derived from it
            String type = m.group(2).endsWith("vtt") ? "text/vtt" : "image/jpeg";
            send(request, type, path, type.equals("text/vtt") ? vtt(m.group(1)) : null);
            return true;
        }
        if ((m = MARKER.matcher(path)).matches()) {
            if (library.get(EntityType.SCENE, Integer.parseInt(m.group(1))) == null) {
                notFound(request);
                return true;
            }
            return entity(request, EntityType.SCENE_MARKER, m.group(2),
                    m.group(3).equals("screenshot") ? "image/jpeg" : "video/mp4", m.group(3));
        }
        if ((m = ENTITY_IMAGE.matcher(path)).matches()) {
            EntityType type = switch (m.group(1)) {
                case "performer" -> EntityType.PERFORMER;
                case "studio" -> EntityType.STUDIO;
                case "tag" -> EntityType.TAG;
                default -> EntityType.GROUP;
            };
            return entity(request, type, m.group(2), "image/jpeg", m.group(3));
        }
        if ((m = IMAGE.matcher(path)).matches()) {
            return entity(request, EntityType.IMAGE, m.group(1), "image/jpeg", m.group(2));
        }
        if ((m = GALLERY.matcher(path)).matches()) {
            return entity(request, EntityType.GALLERY, m.group(1), "image/jpeg", m.group(2));
        }
        return false;
    }

    private boolean entity(HttpServerRequest request, EntityType type, String id, String contentType, String what) {
        if (library.get(type, Integer.parseInt(id)) == null) {
            notFound(request);
        } else {
            send(request, contentType, type.pluralName() + "/" + id + "/" + what, null);
        }
        return true;
    }

    private static String sceneContentType(String what) {
        return switch (what) {
            case "screenshot", "vtt/sprite" -> "image/jpeg";
            case "webp" -> "image/webp";
            case "funscript" -> "application/json";
            case "interactive_heatmap" -> "image/png";
            case "caption", "vtt/thumbs", "vtt/chapter" -> "text/vtt";
            case "stream.webm" -> "video/webm";
            case "stream.m3u8" -> "application/vnd.apple.mpegurl";
            default -> "video/mp4";
        };
    }

    private static byte[] vtt(String key) {
        return ("WEBVTT\n\n00:00:00.000 --> 00:00:05.000\n" + key + "_sprite.jpg#xywh=0,0,160,90\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpServerRequest request, String contentType, String key, byte[] fixed) {
        boolean stream = contentType.startsWith("video/");
        byte[] body = fixed != null ? fixed : MediaBytes.of(contentType, key,
                stream ? MediaBytes.STREAM_LENGTH : contentType.startsWith("text/") ? 256 : 16 * 1024);
        HttpServerResponse response = request.response()
                .putHeader("Content-Type", contentType)
                .putHeader("Accept-Ranges", "bytes")
                .putHeader("Cache-Control", "max-age=604800000");
        String range = request.getHeader("Range");
        int start = 0;
        int end = body.length - 1;
        if (range != null) {
            Matcher r = Pattern.compile("bytes=(\\d*)-(\\d*)").matcher(range.trim());
            if (!r.matches() || (r.group(1).isEmpty() && r.group(2).isEmpty())) {
                rangeNotSatisfiable(response, body.length);
                return;
            }
            if (r.group(1).isEmpty()) {
                start = Math.max(0, body.length - Integer.parseInt(r.group(2)));
            } else {
                start = Integer.parseInt(r.group(1));
                if (!r.group(2).isEmpty()) {
                    end = Math.min(end, Integer.parseInt(r.group(2)));
                }
            }
            if (start >= body.length || start > end) {
                rangeNotSatisfiable(response, body.length);
                return;
            }
            response.setStatusCode(206)
                    .putHeader("Content-Range", "bytes " + start + "-" + end + "/" + body.length);
        }
        int length = end - start + 1;
        response.putHeader("Content-Length", Integer.toString(length));
        if (request.method() == HttpMethod.HEAD) {
            response.end();
        } else {
            response.end(Buffer.buffer(length).appendBytes(body, start, length));
        }
    }

    private static void rangeNotSatisfiable(HttpServerResponse response, int length) {
        response.setStatusCode(416).putHeader("Content-Range", "bytes */" + length).end();
    }

    private static void notFound(HttpServerRequest request) {
        request.response().setStatusCode(404).putHeader("Content-Type", "text/plain").end("404 page not found\n");
    }
}
