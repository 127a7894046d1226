package dev.larder.query;

import dev.larder.model.EntityType;
import dev.larder.model.query.Resolution;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Expected answers about the shared library's scenes, computed in plain Java from the emulator's entity maps
 * ({@link QueryLibrary#entities}), never from Larder's SQL: a few filters with the scenes they select, and the
 * scene values the set views count and sum.
 */
final class SceneOracle {

    /**
     * A scene filter and, independently, which scenes it selects.
     *
     * @param name    for test names
     * @param filter  the {@code SceneFilterType} JSON, or null for every scene
     * @param matches which scenes it selects
     */
    record Case(String name, String filter, Predicate<Map<String, Object>> matches) {
        @Override
        public String toString() {
            return name;
        }

        List<Map<String, Object>> scenes() {
            return QueryLibrary.entities(EntityType.SCENE).stream().filter(matches).toList();
        }
    }

    /** @return filters of several criterion families and combinations */
    static List<Case> cases() {
        return List.of(
                new Case("every scene", null, s -> true),
                new Case("tag 3", "{\"tags\":{\"value\":[\"3\"],\"modifier\":\"INCLUDES\"}}",
                        s -> ids(s, "tags").contains(3)),
                new Case("rated above 60 or organized",
                        "{\"rating100\":{\"value\":60,\"modifier\":\"GREATER_THAN\"},\"OR\":{\"organized\":true}}",
                        s -> (s.get("rating100") != null && (Integer) s.get("rating100") > 60)
                                || Boolean.TRUE.equals(s.get("organized"))),
                new Case("played, without tag 3",
                        "{\"play_count\":{\"value\":0,\"modifier\":\"GREATER_THAN\"},"
                        + "\"NOT\":{\"tags\":{\"value\":[\"3\"],\"modifier\":\"INCLUDES\"}}}",
                        s -> number(s.get("play_count")) > 0 && !ids(s, "tags").contains(3)),
                new Case("studio 2 or 5", "{\"studios\":{\"value\":[\"2\",\"5\"],\"modifier\":\"INCLUDES\"}}",
                        s -> s.get("studio") != null && List.of(2, 5).contains(s.get("studio"))));
    }

    private SceneOracle() {
    }

    /** @return a reference list field's ids ({@code tags}, {@code performers}) */
    @SuppressWarnings("unchecked")
    static List<Integer> ids(Map<String, Object> entity, String field) {
        return (List<Integer>) entity.get(field);
    }

    /** @return the ids of the groups a scene is in */
    @SuppressWarnings("unchecked")
    static List<Integer> groups(Map<String, Object> scene) {
        return ((List<Map<String, Object>>) scene.get("groups")).stream().map(g -> (Integer) g.get("group")).toList();
    }

    /** @return a scene's files, primary first */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> files(Map<String, Object> scene, String field) {
        return (List<Map<String, Object>>) scene.get(field);
    }

    /** @return a nullable number as a double, 0 for null */
    static double number(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }

    /** @return the sum of a field over every file of each entity */
    static double fileSum(Collection<Map<String, Object>> entities, String filesField, String field) {
        double sum = 0;
        for (Map<String, Object> entity : entities) {
            for (Map<String, Object> file : files(entity, filesField)) {
                sum += number(file.get(field));
            }
        }
        return sum;
    }

    /** @return the sum of a field over the entities */
    static double sum(Collection<Map<String, Object>> entities, String field) {
        return entities.stream().mapToDouble(e -> number(e.get(field))).sum();
    }

    /**
     * @return Stash's resolution class of the primary file's shorter side, counting {@code VR_HD}'s range as
     *         {@code FOUR_K}; null without a file or outside every class
     */
    static String resolution(Map<String, Object> scene) {
        List<Map<String, Object>> files = files(scene, "files");
        if (files.isEmpty()) {
            return null;
        }
        int side = Math.min((Integer) files.get(0).get("width"), (Integer) files.get(0).get("height"));
        for (Resolution r : Resolution.values()) {
            if (r != Resolution.VR_HD && side >= r.minResolution() && side <= r.maxResolution()) {
                return r.name();
            }
        }
        return null;
    }

    /**
     * A group of scenes in the oracle: its value and the scenes' count and sums.
     *
     * @param value    the related id (Integer) or bucket (String)
     * @param measures count, then the sums, by name
     */
    record Group(Object value, Map<String, Double> measures) {
    }

    /**
     * Groups scenes by a function giving each scene's groups, measuring each group.
     *
     * @param scenes  the set
     * @param groupOf the values a scene is counted under (none, one or several)
     * @return the groups, unordered
     */
    static List<Group> group(List<Map<String, Object>> scenes, Function<Map<String, Object>, List<?>> groupOf) {
        Map<Object, Map<String, Double>> groups = new HashMap<>();
        for (Map<String, Object> scene : scenes) {
            for (Object value : groupOf.apply(scene)) {
                Map<String, Double> m = groups.computeIfAbsent(value, v -> new LinkedHashMap<>());
                m.merge("count", 1.0, Double::sum);
                m.merge("size", fileSum(List.of(scene), "files", "size"), Double::sum);
                m.merge("duration", fileSum(List.of(scene), "files", "duration"), Double::sum);
                m.merge("o_counter", number(scene.get("o_counter")), Double::sum);
                m.merge("play_count", number(scene.get("play_count")), Double::sum);
                m.merge("play_duration", number(scene.get("play_duration")), Double::sum);
                m.merge("played", number(scene.get("play_count")) > 0 ? 1.0 : 0.0, Double::sum);
            }
        }
        List<Group> out = new ArrayList<>();
        groups.forEach((value, measures) -> out.add(new Group(value, measures)));
        return out;
    }

    /** @return the groups' values ordered by a measure, largest first, ties by value; at most {@code limit} */
    static List<String> ranked(List<Group> groups, String measure, int limit) {
        Comparator<Group> byMeasure = Comparator.comparingDouble(g -> -g.measures().get(measure));
        Comparator<Group> byValue = (a, b) -> a.value() instanceof Integer x && b.value() instanceof Integer y
                ? Integer.compare(x, y) : a.value().toString().compareTo(b.value().toString());
        return groups.stream().sorted(byMeasure.thenComparing(byValue)).limit(limit)
                .map(g -> String.valueOf(g.value())).toList();
    }
}
