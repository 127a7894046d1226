package dev.larder.query;

import dev.larder.EntityQueries;
import dev.larder.model.EntityType;
import dev.larder.model.query.FindFilter;
import dev.larder.model.query.FindResult;
import dev.larder.model.query.InvalidInputException;
import dev.larder.model.query.Item;
import dev.larder.model.query.SortDirection;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The expected answers of the people-and-labels queries, computed in plain Java from the emulator's entity maps of
 * the shared {@link QueryLibrary} with Stash's semantics as its {@code pkg/sqlite} code has them (never from
 * Larder's SQL), and a runner that pages through Larder's answer with {@code next_cursor}.
 */
final class PeopleOracle {

    /** Small enough that most answers take several pages. */
    private static final int PER_PAGE = 60;
    private static final Map<EntityType, List<Map<String, Object>>> ALL = new EnumMap<>(EntityType.class);
    private static final Map<String, Map<Integer, List<Map<String, Object>>>> REFERRING = new HashMap<>();

    private PeopleOracle() {
    }

    /** A filter and the predicate that says which entities Stash would answer. */
    record Case(String name, String filter, Predicate<Map<String, Object>> expected) {
        @Override
        public String toString() {
            return name + " " + filter;
        }
    }

    static Case when(String filter, Predicate<Map<String, Object>> expected) {
        return new Case("", filter, expected);
    }

    /** @return every live entity of the type, by id */
    static synchronized List<Map<String, Object>> all(EntityType type) {
        return ALL.computeIfAbsent(type, QueryLibrary::entities);
    }

    static Map<String, Object> get(EntityType type, int id) {
        return all(type).stream().filter(e -> id(e) == id).findFirst().orElseThrow();
    }

    static int id(Map<String, Object> entity) {
        return (Integer) entity.get("id");
    }

    /**
     * @return the ids an entity's field refers to: a single id, a list of ids, or a list of {@code {group: id}}
     *         objects; empty for none
     */
    static List<Integer> refs(Map<String, Object> entity, String field) {
        Object value = entity.get(field);
        if (value == null) {
            return List.of();
        }
        if (value instanceof Integer id) {
            return List.of(id);
        }
        List<Integer> ids = new ArrayList<>();
        for (Object item : (List<?>) value) {
            ids.add(item instanceof Map<?, ?> m ? (Integer) m.get("group") : (Integer) item);
        }
        return ids;
    }

    /** @return the live entities of {@code source} whose {@code field} refers to the id */
    static synchronized List<Map<String, Object>> referring(EntityType source, String field, int id) {
        return REFERRING.computeIfAbsent(source + "." + field, k -> {
            Map<Integer, List<Map<String, Object>>> index = new HashMap<>();
            for (Map<String, Object> e : all(source)) {
                for (int target : refs(e, field)) {
                    index.computeIfAbsent(target, t -> new ArrayList<>()).add(e);
                }
            }
            return index;
        }).getOrDefault(id, List.of());
    }

    /** @return the entity's ancestors (parents: {@code field}) by their shortest distance, itself at 0 */
    static Map<Integer, Integer> ancestors(EntityType type, String parentsField, int id) {
        Map<Integer, Integer> distance = new LinkedHashMap<>(Map.of(id, 0));
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(id));
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (int parent : refs(get(type, node), parentsField)) {
                if (!distance.containsKey(parent)) {
                    distance.put(parent, distance.get(node) + 1);
                    queue.add(parent);
                }
            }
        }
        return distance;
    }

    /** @return whether {@code ancestor} is within {@code from..to} levels above {@code id} (to -1: any) */
    static boolean within(EntityType type, String parentsField, int id, int ancestor, int from, int to) {
        Integer d = ancestors(type, parentsField, id).get(ancestor);
        return d != null && d >= from && (to < 0 || d <= to);
    }

    // ---- Stash's value semantics ----

    /** SQLite's LIKE: case-insensitive for ASCII, {@code %} and {@code _} as wildcards; NULL matches nothing. */
    static boolean like(String value, String pattern) {
        if (value == null) {
            return false;
        }
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(value).matches();
    }

    static boolean blank(Object value) {
        return value == null || value.toString().trim().isEmpty();
    }

    /** @return Stash's StringCriterionInput on one value (NULL for a missing one), as stringCriterionHandler has it */
    static boolean text(String v, String modifier, String value) {
        String q = value.trim();
        String unquoted = q.replaceAll("^\"+|\"+$", "");
        List<String> words = unquoted.equals(q) ? List.of(q.split("\\s+")) : List.of(unquoted);
        return switch (modifier) {
            case "EQUALS" -> like(v, value);
            case "NOT_EQUALS" -> v != null && !like(v, value);
            case "INCLUDES" -> words.stream().anyMatch(w -> like(v, "%" + w + "%"));
            case "EXCLUDES" -> v != null && words.stream().noneMatch(w -> like(v, "%" + w + "%"));
            case "MATCHES_REGEX" -> v != null && Pattern.compile(value).matcher(v).find();
            case "NOT_MATCHES_REGEX" -> v == null || !Pattern.compile(value).matcher(v).find();
            case "IS_NULL" -> blank(v);
            case "NOT_NULL" -> !blank(v);
            default -> throw new IllegalArgumentException(modifier);
        };
    }

    /** @return Stash's string-list criterion (aliases, URLs): any element, an empty list being one NULL element */
    static boolean textList(List<?> values, String modifier, String value) {
        List<String> elements = values == null || values.isEmpty() ? java.util.Arrays.asList((String) null)
                : values.stream().map(Object::toString).toList();
        if (modifier.equals("EXCLUDES")) {
            return elements.stream().noneMatch(e -> like(e, "%" + value + "%"));
        }
        return elements.stream().anyMatch(e -> text(e, modifier, value));
    }

    /** @return Stash's IntCriterionInput (NULL matches only IS_NULL) */
    static boolean number(Number v, String modifier, double value, double value2) {
        if (modifier.equals("IS_NULL") || modifier.equals("NOT_NULL")) {
            return (v == null) == modifier.equals("IS_NULL");
        }
        if (v == null) {
            return false;
        }
        double x = v.doubleValue();
        return switch (modifier) {
            case "EQUALS" -> x == value;
            case "NOT_EQUALS" -> x != value;
            case "GREATER_THAN" -> x > value;
            case "LESS_THAN" -> x < value;
            case "BETWEEN" -> x >= value && x <= value2;
            case "NOT_BETWEEN" -> x < value || x > value2;
            default -> throw new IllegalArgumentException(modifier);
        };
    }

    /** @return a value compared as text (dates, timestamps) by Stash's modifiers; IS_NULL also takes blanks */
    static boolean textual(String v, String modifier, String value, String value2) {
        return switch (modifier) {
            case "IS_NULL" -> blank(v);
            case "NOT_NULL" -> !blank(v);
            case "EQUALS" -> v != null && v.equals(value);
            case "NOT_EQUALS" -> v != null && !v.equals(value);
            case "GREATER_THAN" -> v != null && v.compareTo(value) > 0;
            case "LESS_THAN" -> v != null && v.compareTo(value) < 0;
            case "BETWEEN" -> v != null && v.compareTo(value) >= 0 && v.compareTo(value2) <= 0;
            case "NOT_BETWEEN" -> v != null && (v.compareTo(value) < 0 || v.compareTo(value2) > 0);
            default -> throw new IllegalArgumentException(modifier);
        };
    }

    static final List<String> TEXT_MODIFIERS = List.of("EQUALS", "NOT_EQUALS", "INCLUDES", "EXCLUDES",
            "MATCHES_REGEX", "NOT_MATCHES_REGEX", "IS_NULL", "NOT_NULL");
    static final List<String> NUMBER_MODIFIERS = List.of("EQUALS", "NOT_EQUALS", "GREATER_THAN", "LESS_THAN",
            "BETWEEN", "NOT_BETWEEN", "IS_NULL", "NOT_NULL");

    /** @return the most frequent non-blank value among the entities, for criteria that should match some */
    static <T> T common(EntityType type, Function<Map<String, Object>, T> value) {
        Map<T, Integer> counts = new HashMap<>();
        all(type).stream().map(value).filter(v -> !blank(v)).forEach(v -> counts.merge(v, 1, Integer::sum));
        return counts.entrySet().stream().max(Map.Entry.<T, Integer>comparingByValue()
                .thenComparing(e -> e.getKey().toString())).orElseThrow().getKey();
    }

    /** @return a middle value among the present ones */
    static int median(EntityType type, Function<Map<String, Object>, Number> value) {
        List<Integer> present = all(type).stream().map(value).filter(Objects::nonNull).map(Number::intValue)
                .sorted().toList();
        return present.get(present.size() / 2);
    }

    /** @return a case per text modifier for a text field, with values taken from the data */
    static Stream<Case> textCases(EntityType type, String criterion, String field) {
        if (all(type).stream().allMatch(e -> blank(e.get(field)))) {
            return Stream.of("INCLUDES", "IS_NULL", "NOT_NULL").map(modifier -> new Case(criterion,
                    textFilter(criterion, modifier, "a"), e -> text((String) e.get(field), modifier, "a")));
        }
        String sample = common(type, e -> (String) e.get(field));
        String word = sample.split("\\s+")[0];
        String regex = "^" + escape(sample.substring(0, Math.min(2, sample.length())));
        return Stream.of(
                new Case(criterion, textFilter(criterion, "EQUALS", sample.toUpperCase(Locale.ROOT)),
                        e -> text((String) e.get(field), "EQUALS", sample.toUpperCase(Locale.ROOT))),
                new Case(criterion, textFilter(criterion, "NOT_EQUALS", sample),
                        e -> text((String) e.get(field), "NOT_EQUALS", sample)),
                new Case(criterion, textFilter(criterion, "INCLUDES", word + " zzqx"),
                        e -> text((String) e.get(field), "INCLUDES", word + " zzqx")),
                new Case(criterion, textFilter(criterion, "INCLUDES", "\"" + sample + "\""),
                        e -> text((String) e.get(field), "INCLUDES", "\"" + sample + "\"")),
                new Case(criterion, textFilter(criterion, "EXCLUDES", word),
                        e -> text((String) e.get(field), "EXCLUDES", word)),
                new Case(criterion, textFilter(criterion, "MATCHES_REGEX", regex),
                        e -> text((String) e.get(field), "MATCHES_REGEX", regex)),
                new Case(criterion, textFilter(criterion, "NOT_MATCHES_REGEX", regex),
                        e -> text((String) e.get(field), "NOT_MATCHES_REGEX", regex)),
                new Case(criterion, textFilter(criterion, "IS_NULL", ""),
                        e -> text((String) e.get(field), "IS_NULL", "")),
                new Case(criterion, textFilter(criterion, "NOT_NULL", ""),
                        e -> text((String) e.get(field), "NOT_NULL", "")));
    }

    /** @return a case per modifier for a string-list field (aliases, URLs) */
    static Stream<Case> textListCases(EntityType type, String criterion, String field) {
        String sample = common(type, e -> {
            List<?> list = (List<?>) e.get(field);
            return list == null || list.isEmpty() ? null : list.getFirst().toString();
        });
        String word = sample.split("[\\s/.]+")[sample.startsWith("http") ? 2 : 0];
        return Stream.of("EQUALS", "NOT_EQUALS", "INCLUDES", "EXCLUDES", "MATCHES_REGEX", "NOT_MATCHES_REGEX",
                "IS_NULL", "NOT_NULL").map(modifier -> {
                    String value = switch (modifier) {
                        case "EQUALS", "NOT_EQUALS" -> sample;
                        case "MATCHES_REGEX", "NOT_MATCHES_REGEX" -> escape(word) + "$|^x";
                        default -> word;
                    };
                    return new Case(criterion, textFilter(criterion, modifier, value),
                            e -> textList((List<?>) e.get(field), modifier, value));
                });
    }

    /** @return a case per numeric modifier for a whole-number value */
    static Stream<Case> numberCases(EntityType type, String criterion, Function<Map<String, Object>, Number> value) {
        int m = median(type, value);
        return NUMBER_MODIFIERS.stream().map(modifier -> new Case(criterion,
                "{\"" + criterion + "\":{\"value\":" + m + ",\"value2\":" + (m + 3) + ",\"modifier\":\"" + modifier
                + "\"}}", e -> number(value.apply(e), modifier, m, m + 3)));
    }

    /** @return a case per modifier for a date or timestamp, compared as text */
    static Stream<Case> textualCases(EntityType type, String criterion, String field) {
        List<String> present = all(type).stream().map(e -> (String) e.get(field)).filter(Objects::nonNull)
                .sorted().toList();
        String low = present.get(present.size() / 3);
        String high = present.get(2 * present.size() / 3);
        return NUMBER_MODIFIERS.stream().map(modifier -> new Case(criterion,
                "{\"" + criterion + "\":{\"value\":\"" + low + "\",\"value2\":\"" + high + "\",\"modifier\":\""
                + modifier + "\"}}", e -> textual((String) e.get(field), modifier, low, high)));
    }

    /** @return both values of a Boolean criterion */
    static Stream<Case> boolCases(String criterion, String field) {
        return Stream.of(true, false).map(b -> new Case(criterion, "{\"" + criterion + "\":" + b + "}",
                e -> Boolean.valueOf(b).equals(e.get(field))));
    }

    private static String textFilter(String criterion, String modifier, String value) {
        return "{\"" + criterion + "\":{\"value\":" + json(value) + ",\"modifier\":\"" + modifier + "\"}}";
    }

    /** @return the text as a regular expression matching itself, in the syntax Go's RE2 and Java share */
    static String escape(String text) {
        return text.replaceAll("([^A-Za-z0-9 ])", "\\\\$1");
    }

    static String json(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String ids(Collection<Integer> ids) {
        return String.join(",", ids.stream().map(i -> "\"" + i + "\"").toList());
    }

    // ---- running a query ----

    /**
     * @return the ids Larder answers for the filter, over every page (60 a page) by next_cursor; asserts that each
     *         page reports the same total and that the pages add up to it
     */
    static List<Integer> run(EntityQueries queries, String filterJson, String q, String sort,
                             SortDirection direction) {
        var filter = filterJson == null ? null : queries.filter(filterJson);
        List<Integer> seen = new ArrayList<>();
        String cursor = null;
        long count = -1;
        do {
            FindResult page = queries.find(new FindFilter(q, null, PER_PAGE, sort, direction), filter, cursor, false);
            if (count >= 0) {
                assertThat("count on every page", page.count(), equalTo(count));
            }
            count = page.count();
            page.items().stream().map(Item::id).forEach(seen::add);
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat("items over all pages", (long) seen.size(), equalTo(count));
        assertThat("count()", queries.count(filter, q), equalTo(count));
        return seen;
    }

    /** Asserts that Larder answers the case as the oracle does, over every page. */
    static void assertCase(EntityQueries queries, EntityType type, Case c) {
        assertThat(c.toString(), run(queries, c.filter(), null, "id", SortDirection.ASC),
                equalTo(expected(type, c.expected())));
    }

    /** Asserts that the sort orders by the key, then by id, in the direction, over every page. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void assertSort(EntityQueries queries, EntityType type, String sort, SortDirection direction,
                           Function<Map<String, Object>, Comparable> key) {
        Comparator<Map<String, Object>> byKey = (a, b) -> key.apply(a).compareTo(key.apply(b));
        Comparator<Map<String, Object>> order = byKey.thenComparing(PeopleOracle::id);
        List<Integer> expected = all(type).stream()
                .sorted(direction == SortDirection.ASC ? order : order.reversed()).map(PeopleOracle::id).toList();
        assertThat(sort + " " + direction, run(queries, null, null, sort, direction), equalTo(expected));
    }

    /** @return Stash's random order of the type for a seed small enough that its hash fits in a long */
    static List<Integer> randomOrder(EntityType type, long seed) {
        return all(type).stream().sorted(Comparator.<Map<String, Object>>comparingLong(e -> {
            long n = id(e) + seed;
            return Math.floorMod(n * n * 52959209L + n * 1047483763L, 2147483647L);
        }).thenComparing(PeopleOracle::id)).map(PeopleOracle::id).toList();
    }

    /** Asserts that the filter is refused with a 400 naming the path. */
    static void assertRefused(EntityQueries queries, String filter, String path) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> run(queries, filter, null, "id", SortDirection.ASC));
        assertThat(e.path(), equalTo(path));
        assertThat(e.getMessage(), containsString(path));
    }

    /**
     * @return whether q matches the texts as Larder's full-text search does: every word a whole word of them, the
     *         last one a prefix (words being runs of letters and digits, case folded)
     */
    static boolean matchesQ(List<String> texts, String q) {
        List<String> tokens = new ArrayList<>();
        texts.stream().filter(Objects::nonNull)
                .forEach(t -> tokens.addAll(List.of(t.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))));
        String[] words = q.toLowerCase(Locale.ROOT).split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            boolean last = i == words.length - 1;
            if (tokens.stream().noneMatch(t -> last ? t.startsWith(w) : t.equals(w))) {
                return false;
            }
        }
        return true;
    }

    /** Asserts that q finds, over every page, the entities whose texts it matches, and that it finds some. */
    static void assertQ(EntityQueries queries, EntityType type, String q,
                        Function<Map<String, Object>, List<String>> texts) {
        List<Integer> expected = expected(type, e -> matchesQ(texts.apply(e), q));
        assertThat(q, expected.isEmpty(), equalTo(false));
        assertThat(q, run(queries, null, q, "id", SortDirection.ASC), equalTo(expected));
    }

    /** @return the strings of a list field */
    static List<String> strings(Map<String, Object> entity, String field) {
        Object value = entity.get(field);
        return value == null ? List.of() : ((List<?>) value).stream().map(Object::toString).toList();
    }

    /** @return the ids of the entities the predicate accepts, by ascending id */
    static List<Integer> expected(EntityType type, Predicate<Map<String, Object>> predicate) {
        return all(type).stream().filter(predicate).map(PeopleOracle::id).toList();
    }
}
