package dev.larder.query;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * Draws distinct members of a filtered set uniformly at random, in time that does not grow with the set.
 *
 * <p>The set's size is the query engine's count (the same L1 entry a page of the query uses) and the id range is
 * that of the type's live rows (its smallest and largest id, kept in L1). Where members are dense in that range
 * (at least {@link #DENSE} of its ids), candidate ids are drawn uniformly from the range without repeats and
 * tested in batches, one statement a batch, against the filter; the first members found in draw order are the
 * picks. Every member is equally likely at every draw, since ids are never reused and every id in the range is a
 * candidate alike. Where members are sparse, probing would test many candidates per member, so the members' ids
 * are read once into an array kept in L1 (4 bytes each, fewer than {@link #DENSE} of the range) and the picks drawn
 * from it with Floyd's algorithm. Thread-safe.
 */
final class RandomPicker {

    /**
     * The share of the id range a set must fill to be probed rather than read. Probing tests about
     * {@code 1.25 count / share} candidates a call (at most 1,250 for 100 picks); reading costs a scan of the set
     * after every write to what it reads, and 4 bytes an id, under 0.4 bytes per id of the range. Measured on 40,000
     * scenes, a probed candidate cost about twice a row of the filtered count.
     */
    static final double DENSE = 0.1;
    /** The most candidates one statement tests. */
    private static final int MAX_BATCH = 1000;
    /** Rounds of probing before giving up on the range (the set changed since it was measured) and reading ids. */
    private static final int MAX_ROUNDS = 32;

    private final StatsCache cache;
    private final QueryEngine engine;

    RandomPicker(QueryEngine engine, StatsCache cache) {
        this.engine = engine;
        this.cache = cache;
    }

    /**
     * @param compiled the set
     * @param count    how many to pick, 1 or more
     * @param random   the source of randomness
     * @return the set's size and the picks' ids in the order drawn: {@code count} of them, or the whole set
     *         shuffled when it is no larger
     */
    Picks pick(QueryEngine.Compiled compiled, int count, RandomGenerator random) {
        long size = engine.count(compiled);
        if (size == 0) {
            return new Picks(0, new int[0]);
        }
        int[] ids = null;
        if (size > count) {
            IdRange range = range(compiled.spec());
            if ((double) size / range.length() >= DENSE) {
                ids = probe(compiled, range, size, count, random);
            }
        }
        if (ids == null) {
            ids = draw(members(compiled), count, random);
        }
        return new Picks(size, ids);
    }

    /**
     * @param count how many entities the set holds
     * @param ids   the picks
     */
    record Picks(long count, int[] ids) {
    }

    /** The smallest and largest id of a type's live rows. */
    private record IdRange(long min, long max) {
        long length() {
            return max - min + 1;
        }
    }

    private IdRange range(QuerySpec spec) {
        String sql = "SELECT min(id), max(id) FROM " + spec.table() + " WHERE deleted_at IS NULL";
        return cache.get(sql, List.of(), Set.of(spec.type()), c -> {
            try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
                rs.next();
                return new StatsCache.Entry<>(new IdRange(rs.getLong(1), rs.getLong(2)), 48);
            }
        });
    }

    /** @return the set's ids in ascending order */
    private int[] members(QueryEngine.Compiled compiled) {
        Where where = compiled.where(false);
        String sql = "SELECT t.id FROM " + compiled.spec().table() + " t WHERE " + where.sql() + " ORDER BY t.id";
        return cache.get(sql, where.params(), compiled.reads(), c -> {
            IntList ids = new IntList();
            try (PreparedStatement s = QueryEngine.prepare(c, sql, where.params()); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getInt(1));
                }
            }
            int[] array = ids.toArray();
            return new StatsCache.Entry<>(array, 16 + 4 * array.length);
        });
    }

    /**
     * Draws candidates from the range until {@code count} members are found.
     *
     * @return the members in draw order, or null when the rounds ran out (the set shrank since it was counted)
     */
    private int[] probe(QueryEngine.Compiled compiled, IdRange range, long size, int count, RandomGenerator random) {
        Where where = compiled.where(false);
        String sql = "SELECT t.id FROM " + compiled.spec().table() + " t WHERE t.id IN (SELECT value FROM json_each(?))"
                + " AND " + where.sql();
        double density = (double) size / range.length();
        Set<Long> tried = new HashSet<>();
        LinkedHashSet<Integer> found = new LinkedHashSet<>();
        for (int round = 0; round < MAX_ROUNDS && found.size() < count && tried.size() < range.length(); round++) {
            long wanted = (long) Math.ceil((count - found.size()) / density * 1.25) + 16;
            int batch = (int) Math.min(Math.min(wanted, MAX_BATCH), range.length() - tried.size());
            List<Integer> candidates = new ArrayList<>(batch);
            while (candidates.size() < batch) {
                long candidate = range.min() + random.nextLong(range.length());
                if (tried.add(candidate)) {
                    candidates.add((int) candidate);
                }
            }
            List<Object> params = new ArrayList<>();
            params.add(candidates.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]")));
            params.addAll(where.params());
            Set<Integer> members = engine.store().read(c -> {
                Set<Integer> ids = new HashSet<>();
                try (PreparedStatement s = QueryEngine.prepare(c, sql, params); ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getInt(1));
                    }
                }
                return ids;
            });
            // draw order, not the statement's, keeps the picks a uniform sample
            for (int candidate : candidates) {
                if (found.size() < count && members.contains(candidate)) {
                    found.add(candidate);
                }
            }
        }
        return found.size() == count ? found.stream().mapToInt(Integer::intValue).toArray() : null;
    }

    /**
     * Floyd's algorithm: {@code count} distinct indexes, each subset equally likely, then shuffled, since the
     * order Floyd's algorithm finds them in is not uniform.
     *
     * @return {@code count} of the ids, or all of them shuffled when there are no more
     */
    static int[] draw(int[] ids, int count, RandomGenerator random) {
        int n = ids.length;
        int k = Math.min(count, n);
        Set<Integer> chosen = new HashSet<>();
        int[] picks = new int[k];
        int next = 0;
        for (int j = n - k; j < n; j++) {
            int t = random.nextInt(j + 1);
            int index = chosen.add(t) ? t : j;
            chosen.add(index);
            picks[next++] = ids[index];
        }
        for (int i = k - 1; i > 0; i--) {
            int swap = random.nextInt(i + 1);
            int held = picks[i];
            picks[i] = picks[swap];
            picks[swap] = held;
        }
        return picks;
    }

    /** A growable array of ints, so a large set's ids are read without boxing each. */
    private static final class IntList {
        private int[] values = new int[1024];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
