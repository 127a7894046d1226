package dev.larder.emulator.library;

import dev.larder.model.EntityType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs list queries with Stash's semantics over one type's live ids. Queries ordered by id with no timestamp
 * criterion are answered by arithmetic over the id ranges (no scan), everything else by one pass over the
 * candidate ids. Called under the library's read lock.
 */
final class Finder {

    /** Reads the values queries compare, without building whole entities. */
    interface RowValues {
        /** The stored text of {@code created_at} or {@code updated_at}. */
        String timestamp(EntityType type, int id, String field);

        /** The value of a sortable field ({@code title}, {@code name}, {@code date}, {@code rating100}). */
        Object sortValue(EntityType type, int id, String field);
    }

    private final RowValues values;
    private final Supplier<String> tomorrow;

    /**
     * @param values   the value reader
     * @param tomorrow now plus one day, as Stash writes it: the upper bound of an open {@code BETWEEN}
     */
    Finder(RowValues values, Supplier<String> tomorrow) {
        this.values = values;
        this.tomorrow = tomorrow;
    }

    FindResult find(EntityType type, FindQuery query, TypeState state) {
        if (query.ids() != null && !query.ids().isEmpty()) {
            return byIds(type, query.ids(), state);
        }
        Order order = order(type, query);
        List<int[]> ranges = idRanges(query.id(), state.maxId());
        List<TimestampTest> tests = new ArrayList<>(2);
        addTest(tests, "created_at", query.createdAt());
        addTest(tests, "updated_at", query.updatedAt());
        addTest(tests, "last_played_at", query.lastPlayedAt());
        int page = Math.max(1, query.page());
        long offset = query.perPage() < 0 ? 0 : (long) (page - 1) * query.perPage();
        int limit = query.perPage() < 0 ? Integer.MAX_VALUE : query.perPage();
        if (tests.isEmpty() && order.byId()) {
            return idPage(ranges, state, order.descending(), offset, limit);
        }
        int[] ids = matching(type, ranges, state, tests);
        if (!order.byId()) {
            ids = sorted(type, ids, order);
        } else if (order.descending()) {
            reverse(ids);
        }
        int from = (int) Math.min(ids.length, offset);
        int to = (int) Math.min(ids.length, from + (long) limit);
        return new FindResult(ids.length, boxed(Arrays.copyOfRange(ids, from, to)));
    }

    private FindResult byIds(EntityType type, List<Integer> ids, TypeState state) {
        Set<Integer> seen = new HashSet<>();
        for (Integer id : ids) {
            if (!seen.add(id)) {
                throw new InvalidQueryException("validating ids: duplicate id found: " + id);
            }
        }
        for (Integer id : ids) {
            if (!state.live(id)) {
                throw new InvalidQueryException(NotFoundException.notFound(type, id));
            }
        }
        return new FindResult(ids.size(), List.copyOf(ids));
    }

    // ---- order ----

    private record Order(String field, boolean descending, long randomSeed) {
        boolean byId() {
            return field.equals("id");
        }

        boolean random() {
            return field.equals("random");
        }
    }

    private static Order order(EntityType type, FindQuery query) {
        String sort = query.sort();
        if (sort == null || sort.isEmpty()) {
            return SortCatalog.defaultsToId(type) ? new Order("id", false, 0)
                    : new Order("name", query.descending(), 0);
        }
        if (sort.equals("random")) {
            return new Order("random", query.descending(), ThreadLocalRandom.current().nextLong());
        }
        if (sort.startsWith("random_")) {
            try {
                return new Order("random", query.descending(), Long.parseUnsignedLong(sort.substring(7)));
            } catch (NumberFormatException e) {
                throw new InvalidQueryException("invalid sort: " + sort);
            }
        }
        if (!SortCatalog.stashSorts(type).contains(sort)) {
            throw new InvalidQueryException("invalid sort: " + sort);
        }
        if (!SortCatalog.implemented(type, sort)) {
            throw new InvalidQueryException("emulator: sort " + sort + " is not implemented");
        }
        return new Order(SortCatalog.field(sort), query.descending(), 0);
    }

    private int[] sorted(EntityType type, int[] ids, Order order) {
        Comparator<Row> byKey;
        Object[] keys = new Object[ids.length];
        if (order.random()) {
            for (int i = 0; i < ids.length; i++) {
                keys[i] = Hashing.mix(Hashing.mix(order.randomSeed()) ^ ids[i] * 0x9E3779B97F4A7C15L);
            }
            byKey = (a, b) -> Long.compareUnsigned((Long) a.key, (Long) b.key);
        } else {
            boolean timestamp = order.field().endsWith("_at");
            for (int i = 0; i < ids.length; i++) {
                keys[i] = timestamp ? values.timestamp(type, ids[i], order.field())
                        : values.sortValue(type, ids[i], order.field());
            }
            boolean caseless = order.field().equals("title") || order.field().equals("name");
            byKey = (a, b) -> compareNullsFirst(a.key, b.key, caseless);
        }
        Row[] rows = new Row[ids.length];
        for (int i = 0; i < ids.length; i++) {
            rows[i] = new Row(ids[i], keys[i]);
        }
        Comparator<Row> comparator = byKey.thenComparingInt(Row::id);
        Arrays.sort(rows, order.descending() ? comparator.reversed() : comparator);
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].id;
        }
        return out;
    }

    private record Row(int id, Object key) {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareNullsFirst(Object a, Object b, boolean caseless) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (caseless) {
            return String.CASE_INSENSITIVE_ORDER.compare((String) a, (String) b);
        }
        return ((Comparable) a).compareTo(b);
    }

    // ---- filters ----

    /** The id criterion as inclusive ranges clipped to 1..maxId, ascending. */
    private static List<int[]> idRanges(IntCriterion criterion, int maxId) {
        List<int[]> ranges = new ArrayList<>(2);
        if (criterion == null) {
            addRange(ranges, 1, maxId, maxId);
            return ranges;
        }
        long v = criterion.value();
        long v2 = criterion.value2() == null ? 0 : criterion.value2();
        switch (criterion.modifier()) {
            case EQUALS -> addRange(ranges, v, v, maxId);
            case NOT_EQUALS -> {
                addRange(ranges, 1, v - 1, maxId);
                addRange(ranges, v + 1, maxId, maxId);
            }
            case GREATER_THAN -> addRange(ranges, v + 1, maxId, maxId);
            case LESS_THAN -> addRange(ranges, 1, v - 1, maxId);
            case BETWEEN -> addRange(ranges, v, v2, maxId);
            case NOT_BETWEEN -> {
                if (v > v2) {
                    addRange(ranges, 1, maxId, maxId);
                } else {
                    addRange(ranges, 1, v - 1, maxId);
                    addRange(ranges, v2 + 1, maxId, maxId);
                }
            }
            case NOT_NULL -> addRange(ranges, 1, maxId, maxId);
            case IS_NULL -> {
                // an id is never null
            }
        }
        return ranges;
    }

    private static void addRange(List<int[]> ranges, long lo, long hi, int maxId) {
        long from = Math.max(1, lo);
        long to = Math.min(maxId, hi);
        if (from <= to) {
            ranges.add(new int[] {(int) from, (int) to});
        }
    }

    private record TimestampTest(String field, Modifier modifier, String value, String value2) {
        boolean test(String stored) {
            return switch (modifier) {
                case IS_NULL -> stored == null;
                case NOT_NULL -> stored != null;
                case EQUALS -> stored != null && stored.equals(value);
                case NOT_EQUALS -> stored != null && !stored.equals(value);
                case GREATER_THAN -> stored != null && stored.compareTo(value) > 0;
                case LESS_THAN -> stored != null && stored.compareTo(value) < 0;
                case BETWEEN -> stored != null && stored.compareTo(value) >= 0 && stored.compareTo(value2) <= 0;
                case NOT_BETWEEN -> stored != null && (stored.compareTo(value) < 0 || stored.compareTo(value2) > 0);
            };
        }
    }

    private void addTest(List<TimestampTest> tests, String field, TimestampCriterion criterion) {
        if (criterion != null) {
            String upper = criterion.value2() != null ? criterion.value2() : tomorrow.get();
            tests.add(new TimestampTest(field, criterion.modifier(), criterion.value(), upper));
        }
    }

    private int[] matching(EntityType type, List<int[]> ranges, TypeState state, List<TimestampTest> tests) {
        int total = 0;
        for (int[] r : ranges) {
            total += state.liveIn(r[0], r[1]);
        }
        int[] out = new int[total];
        int size = 0;
        for (int[] r : ranges) {
            for (int id = state.live(r[0]) ? r[0] : state.nextLive(r[0]); id <= r[1]; id = state.nextLive(id)) {
                if (passes(type, id, tests)) {
                    out[size++] = id;
                }
            }
        }
        return Arrays.copyOf(out, size);
    }

    private boolean passes(EntityType type, int id, List<TimestampTest> tests) {
        for (TimestampTest test : tests) {
            if (!test.test(values.timestamp(type, id, test.field()))) {
                return false;
            }
        }
        return true;
    }

    // ---- id order without timestamp criteria: counts and pages by arithmetic ----

    private static FindResult idPage(List<int[]> ranges, TypeState state, boolean descending, long offset,
                                     int limit) {
        long count = 0;
        for (int[] r : ranges) {
            count += state.liveIn(r[0], r[1]);
        }
        List<Integer> page = new ArrayList<>((int) Math.min(limit, Math.max(0, count - offset)));
        List<int[]> walk = new ArrayList<>(ranges);
        if (descending) {
            java.util.Collections.reverse(walk);
        }
        long skip = offset;
        for (int[] r : walk) {
            if (page.size() >= limit) {
                break;
            }
            int live = state.liveIn(r[0], r[1]);
            if (skip >= live) {
                skip -= live;
                continue;
            }
            int k = (int) skip;
            skip = 0;
            if (descending) {
                for (int id = state.nthLive(r[0], live - 1 - k); id >= r[0] && page.size() < limit;
                     id = state.previousLive(id)) {
                    page.add(id);
                }
            } else {
                for (int id = state.nthLive(r[0], k); id <= r[1] && page.size() < limit; id = state.nextLive(id)) {
                    page.add(id);
                }
            }
        }
        return new FindResult((int) count, page);
    }

    private static void reverse(int[] ids) {
        for (int i = 0, j = ids.length - 1; i < j; i++, j--) {
            int swap = ids[i];
            ids[i] = ids[j];
            ids[j] = swap;
        }
    }

    private static List<Integer> boxed(int[] ids) {
        List<Integer> out = new ArrayList<>(ids.length);
        for (int id : ids) {
            out.add(id);
        }
        return out;
    }
}
