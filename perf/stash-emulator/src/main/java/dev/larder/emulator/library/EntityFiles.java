package dev.larder.emulator.library;

import dev.larder.model.EntityType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads an entity's primary file, the one Stash takes sizes, durations and fingerprints from. */
public final class EntityFiles {

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
    public static Map<String, Object> primary(EntityType type, Map<String, Object> entity) {
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
    public static String fingerprint(EntityType type, Map<String, Object> entity, String kind) {
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
     * @param type   scene, image or gallery
     * @param entity the entity map
     * @param field  for example {@code size}
     * @return the value, 0 when there is no file or no value
     */
    public static double number(EntityType type, Map<String, Object> entity, String field) {
        Map<String, Object> file = primary(type, entity);
        return file == null ? 0 : number(file.get(field));
    }

    /**
     * A nullable number as a double.
     *
     * @param value a {@link Number} or null
     * @return the value, 0 for null
     */
    public static double number(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }

    /**
     * What Stash adds to a destroy hook's input for a file-backed entity: the primary file's {@code checksum}
     * (md5), {@code oshash} and {@code path}.
     *
     * @param type   scene, image or gallery
     * @param entity the entity map
     * @return the three keys, or an empty map when the entity has no file
     */
    public static Map<String, Object> identity(EntityType type, Map<String, Object> entity) {
        Map<String, Object> identity = new LinkedHashMap<>();
        Map<String, Object> primary = primary(type, entity);
        if (primary != null) {
            identity.put("checksum", fingerprint(type, entity, "md5"));
            identity.put("oshash", fingerprint(type, entity, "oshash"));
            identity.put("path", primary.get("path"));
        }
        return identity;
    }
}
