package dev.larder.emulator.graphql;

import graphql.schema.idl.RuntimeWiring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entity fields that Stash derives from other fields: deprecated aliases ({@code url}, {@code movies}) and
 * per-argument look-ups ({@code fingerprint(type)}).
 */
final class EntityExtras {

    private EntityExtras() {
    }

    @SuppressWarnings("unchecked")
    static void wire(RuntimeWiring.Builder wiring) {
        for (String type : List.of("Scene", "Gallery", "Image", "Performer", "Studio", "Group", "Movie")) {
            wiring.type(type, t -> t.dataFetcher("url", env -> {
                List<String> urls = (List<String>) ((Map<String, Object>) env.getSource()).get("urls");
                return urls == null || urls.isEmpty() ? null : urls.getFirst();
            }));
        }
        wiring.type("Scene", t -> t.dataFetcher("movies", env -> {
            List<Map<String, Object>> groups = (List<Map<String, Object>>) ((Map<String, Object>) env.getSource())
                    .get("groups");
            return groups.stream().map(g -> {
                Map<String, Object> movie = new LinkedHashMap<>();
                movie.put("movie", g.get("group"));
                movie.put("scene_index", g.get("scene_index"));
                return movie;
            }).toList();
        }));
        for (String file : List.of("VideoFile", "ImageFile", "GalleryFile", "BasicFile")) {
            wiring.type(file, t -> t.dataFetcher("fingerprint", env -> {
                String kind = env.getArgument("type");
                for (Map<String, Object> fp : (List<Map<String, Object>>) ((Map<String, Object>) env.getSource())
                        .getOrDefault("fingerprints", List.of())) {
                    if (kind.equals(fp.get("type"))) {
                        return fp.get("value");
                    }
                }
                return null;
            }));
        }
    }
}
