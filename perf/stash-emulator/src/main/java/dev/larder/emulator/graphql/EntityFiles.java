package dev.larder.emulator.graphql;

import dev.larder.model.EntityType;

import java.util.List;
import java.util.Map;

/** Reads an entity's primary file, the one Stash takes sizes, durations and fingerprints from. */
final class EntityFiles {

    private EntityFiles() {
    }

    /**
     * The primary file.
     *
     * @param type   scene, image or gallery
     * @param entity the entity map
     * @return the first file, or null when the entity has none
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> primary(EntityType type, Map<String, Object> entity) {
        List<Map<String, Object>> files = (List<Map<String, Object>>) entity.get(
                type == EntityType.IMAGE ? "visual_files" : "files");
        return files == null || files.isEmpty() ? null : files.getFirst();
    }

    /**
     * One fingerprint of the primary file.
     *
     * @param type   scene, image or gallery
     * @param entity the entity map
     * @param kind   {@code md5}, {@code oshash} or {@code phash}
     * @return the value, or null
     */
    @SuppressWarnings("unchecked")
    static String fingerprint(EntityType type, Map<String, Object> entity, String kind) {
        Map<String, Object> file = primary(type, entity);
        if (file == null) {
            return null;
        }
        for (Map<String, Object> fp : (List<Map<String, Object>>) file.getOrDefault("fingerprints", List.of())) {
            if (kind.equals(fp.get("type"))) {
                return (String) fp.get("value");
            }
        }
        return null;
    }

    /**
     * A numeric field of the primary file.
     *
     * @return the value, 0 when there is no file or no value
     */
    static double number(EntityType type, Map<String, Object> entity, String field) {
        Map<String, Object> file = primary(type, entity);
        return file == null ? 0 : number(file.get(field));
    }

    static double number(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }
}
