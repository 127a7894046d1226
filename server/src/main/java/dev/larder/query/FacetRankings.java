package dev.larder.query;

import dev.larder.model.EntityType;
import dev.larder.model.stats.Breakdown;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Facets and top lists of filtered sets: a set grouped by one {@link Facet}, each group with how many of the set's
 * entities it holds and the sums of measures over them, the largest groups first, ties broken by the group's value
 * (the related id, or the bucket's text). One statement groups the whole set; L1 keeps the best {@link #MAX_LIMIT}
 * groups by each measure, so every limit up to that is served from one entry. Thread-safe.
 */
final class FacetRankings {

    /** The most groups an answer lists per facet and measure. */
    static final int MAX_LIMIT = 200;

    private final StatsCache cache;

    FacetRankings(StatsCache cache) {
        this.cache = cache;
    }

    /**
     * @param compiled the set
     * @param facet    a facet of its type
     * @param measures the measures to sum per group besides the count; empty for plain facets
     * @return the best groups by the count and by each measure
     */
    Ranking rank(QueryEngine.Compiled compiled, Facet facet, List<Measure> measures) {
        Where where = compiled.where(false);
        Scope t = Scope.root(compiled.spec());
        StringBuilder inner = new StringBuilder("SELECT ").append(t.sql(facet.value())).append(" AS v, ")
                .append(t.sql(facet.label())).append(" AS n");
        StringBuilder outer = new StringBuilder("SELECT v, max(n), count(*)");
        for (int i = 0; i < measures.size(); i++) {
            inner.append(", ").append(t.sql(measures.get(i).expression())).append(" AS m").append(i);
            outer.append(", sum(m").append(i).append(')');
        }
        inner.append(" FROM ").append(compiled.spec().table()).append(" t ").append(t.sql(facet.join())).append(" WHERE ")
                .append(where.sql());
        String sql = outer.append(" FROM (").append(inner).append(") WHERE v IS NOT NULL GROUP BY v").toString();
        Set<EntityType> reads = EnumSet.copyOf(compiled.reads());
        if (facet.type() != null) {
            reads.add(facet.type());
        }
        List<String> orders = new ArrayList<>();
        orders.add(Measure.COUNT);
        measures.forEach(m -> orders.add(m.name()));
        return cache.get(sql, where.params(), reads, c -> {
            List<PriorityQueue<Group>> best = new ArrayList<>();
            for (int i = 0; i < orders.size(); i++) {
                best.add(new PriorityQueue<>(worstFirst(i)));
            }
            try (PreparedStatement s = QueryEngine.prepare(c, sql, where.params()); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Number[] values = new Number[orders.size()];
                    values[0] = rs.getLong(3);
                    for (int i = 0; i < measures.size(); i++) {
                        values[1 + i] = measures.get(i).real() ? (Number) rs.getDouble(4 + i) : rs.getLong(4 + i);
                    }
                    Group group = new Group(rs.getObject(1), rs.getString(2), values);
                    for (int i = 0; i < best.size(); i++) {
                        PriorityQueue<Group> queue = best.get(i);
                        queue.add(group);
                        if (queue.size() > MAX_LIMIT) {
                            queue.poll();
                        }
                    }
                }
            }
            Map<String, List<Group>> ranked = new LinkedHashMap<>();
            Map<Group, Boolean> kept = new IdentityHashMap<>();
            int weight = 64;
            for (int i = 0; i < orders.size(); i++) {
                List<Group> list = new ArrayList<>(best.get(i));
                list.sort(worstFirst(i).reversed());
                ranked.put(orders.get(i), list);
                weight += 48 + 8 * list.size();
                for (Group group : list) {
                    if (kept.put(group, Boolean.TRUE) == null) {
                        weight += group.weight();
                    }
                }
            }
            return new StatsCache.Entry<>(new Ranking(facet, orders, ranked), weight);
        });
    }

    /** Smaller measure first, then the larger value: the order a bounded queue drops groups in. */
    private static Comparator<Group> worstFirst(int measure) {
        Comparator<Group> byMeasure = (a, b) -> compare(a.measures[measure], b.measures[measure]);
        return byMeasure.thenComparing((a, b) -> compareValues(b.value, a.value));
    }

    private static int compare(Number a, Number b) {
        return a instanceof Long x && b instanceof Long y ? Long.compare(x, y)
                : Double.compare(a.doubleValue(), b.doubleValue());
    }

    private static int compareValues(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Long.compare(x.longValue(), y.longValue());
        }
        return a.toString().compareTo(b.toString());
    }

    /** One group as read: its value (a related id or a bucket), the related entity's name, count then sums. */
    private record Group(Object value, String name, Number[] measures) {
        int weight() {
            return 64 + StatsCache.weigh(value instanceof String s ? s : null) + StatsCache.weigh(name)
                    + 24 * measures.length;
        }
    }

    /** The best groups of a set by one facet, per measure; immutable. */
    static final class Ranking {
        private final Facet facet;
        private final List<String> measures;
        private final Map<String, List<Group>> ranked;

        private Ranking(Facet facet, List<String> measures, Map<String, List<Group>> ranked) {
            this.facet = facet;
            this.measures = measures;
            this.ranked = ranked;
        }

        /**
         * @param measure {@code count} or one of the measures the ranking summed
         * @param limit   how many groups, at most {@link #MAX_LIMIT}
         * @return the best groups by it, each with every measure
         */
        Breakdown top(String measure, int limit) {
            List<Group> groups = ranked.get(measure);
            List<Breakdown.Entry> entries = new ArrayList<>();
            for (Group group : groups.subList(0, Math.min(limit, groups.size()))) {
                Map<String, Number> values = new LinkedHashMap<>();
                for (int i = 0; i < measures.size(); i++) {
                    values.put(measures.get(i), group.measures()[i]);
                }
                entries.add(new Breakdown.Entry(String.valueOf(group.value()), group.name(), values));
            }
            return new Breakdown(facet.name(), facet.type(), measure, entries);
        }
    }
}
