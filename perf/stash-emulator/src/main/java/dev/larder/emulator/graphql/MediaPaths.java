package dev.larder.emulator.graphql;

import dev.larder.emulator.library.EntityFiles;
import dev.larder.emulator.library.Library;
import dev.larder.emulator.library.NotFoundException;
import dev.larder.model.EntityType;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The media URL fields, built as Stash builds them: absolute, from the request's scheme and host, with a
 * {@code ?<unix updated_at>} cache-buster on images and the API key on stream URLs.
 */
final class MediaPaths {

    private MediaPaths() {
    }

    static void wire(RuntimeWiring.Builder wiring, Library library) {
        wiring.type("Query", t -> t.dataFetcher("sceneStreams", env -> {
            int id = FindArguments.parseId(env.getArgument("id"));
            if (library.get(EntityType.SCENE, id) == null) {
                throw new NotFoundException(EntityType.SCENE, id);
            }
            return sceneStreams(RequestContext.of(env), id);
        }));
        wiring.type("Scene", t -> t
                .dataFetcher("paths", MediaPaths::scenePaths)
                .dataFetcher("sceneStreams", env -> sceneStreams(RequestContext.of(env), id(env.getSource()))));
        wiring.type("SceneMarker", t -> t
                .dataFetcher("stream", markerPath("stream"))
                .dataFetcher("preview", markerPath("preview"))
                .dataFetcher("screenshot", markerPath("screenshot")));
        wiring.type("Image", t -> t.dataFetcher("paths", env -> {
            String base = base(env, "image");
            String t2 = "?t=" + unix(env.getSource());
            return Map.of("thumbnail", base + "/thumbnail" + t2, "preview", base + "/preview" + t2,
                    "image", base + "/image" + t2);
        }));
        wiring.type("Gallery", t -> t.dataFetcher("paths", env -> {
            String base = base(env, "gallery");
            return Map.of("cover", base + "/cover", "preview", base + "/preview");
        }));
        wiring.type("Performer", t -> t.dataFetcher("image_path", imagePath("performer", "/image")));
        wiring.type("Studio", t -> t.dataFetcher("image_path", imagePath("studio", "/image")));
        wiring.type("Tag", t -> t.dataFetcher("image_path", imagePath("tag", "/image")));
        for (String group : List.of("Group", "Movie")) {
            wiring.type(group, t -> t
                    .dataFetcher("front_image_path", imagePath("group", "/frontimage"))
                    .dataFetcher("back_image_path", imagePath("group", "/backimage")));
        }
    }

    /** The stream endpoints Stash offers for a scene: the direct stream and its transcodes. */
    static List<Map<String, Object>> sceneStreams(RequestContext ctx, int sceneId) {
        String base = ctx.baseUrl() + "/scene/" + sceneId + "/stream";
        String key = ctx.apiKey() == null ? "" : "apikey=" + ctx.apiKey();
        String direct = key.isEmpty() ? base : base + "?" + key;
        String join = key.isEmpty() ? "?" : "?" + key + "&";
        return List.of(
                stream(direct, "video/mp4", "Direct stream"),
                stream(base + ".mp4" + join + "resolution=ORIGINAL", "video/mp4", "MP4"),
                stream(base + ".webm" + join + "resolution=ORIGINAL", "video/webm", "WEBM"),
                stream(base + ".m3u8" + join + "resolution=ORIGINAL", "application/vnd.apple.mpegurl", "HLS"));
    }

    private static Map<String, Object> stream(String url, String mime, String label) {
        return Map.of("url", url, "mime_type", mime, "label", label);
    }

    private static Map<String, Object> scenePaths(DataFetchingEnvironment env) {
        RequestContext ctx = RequestContext.of(env);
        Map<String, Object> scene = env.getSource();
        String base = ctx.baseUrl() + "/scene/" + id(scene);
        String hash = EntityFiles.fingerprint(EntityType.SCENE, scene, "oshash");
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("screenshot", base + "/screenshot?" + unix(scene));
        paths.put("preview", base + "/preview");
        paths.put("stream", ctx.apiKey() == null ? base + "/stream" : base + "/stream?apikey=" + ctx.apiKey());
        paths.put("webp", base + "/webp");
        paths.put("vtt", hash == null ? null : ctx.baseUrl() + "/scene/" + hash + "_thumbs.vtt");
        paths.put("sprite", hash == null ? null : ctx.baseUrl() + "/scene/" + hash + "_sprite.jpg");
        paths.put("funscript", base + "/funscript");
        paths.put("interactive_heatmap", base + "/interactive_heatmap");
        paths.put("caption", base + "/caption");
        return paths;
    }

    private static DataFetcher<String> markerPath(String what) {
        return env -> {
            Map<String, Object> marker = env.getSource();
            return RequestContext.of(env).baseUrl() + "/scene/" + marker.get("scene") + "/scene_marker/"
                    + id(marker) + "/" + what;
        };
    }

    private static DataFetcher<String> imagePath(String kind, String suffix) {
        return env -> base(env, kind) + suffix + "?t=" + unix(env.getSource());
    }

    private static String base(DataFetchingEnvironment env, String kind) {
        return RequestContext.of(env).baseUrl() + "/" + kind + "/" + id(env.getSource());
    }

    private static int id(Map<String, Object> entity) {
        return (Integer) entity.get("id");
    }

    private static long unix(Map<String, Object> entity) {
        return OffsetDateTime.parse((String) entity.get("updated_at")).toEpochSecond();
    }
}
