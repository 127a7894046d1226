package dev.larder.query;

import dev.larder.model.EntityType;
import dev.larder.model.query.FindFilter;
import dev.larder.model.query.InvalidInputException;
import dev.larder.model.query.SortDirection;

import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The order of a query's results: one expression from the type's whitelist (or a seeded random order, or the
 * full-text rank), a direction, and the id as the last tie-breaker, so pages never overlap or skip.
 *
 * @param sort       the sort's name as it goes into cursors and keys ({@code date}, {@code random_12345},
 *                   {@code rank})
 * @param expression the SQL, never NULL, over {@code {t}} (and {@code f.rank} for the rank)
 * @param direction  ascending or descending; the id follows it
 * @param reads      the types besides the queried one that the expression reads
 */
record Ordering(String sort, String expression, SortDirection direction, Set<EntityType> reads) {

    /** Stash caps seeds at 10^8 before using them; so does Larder, so that a seed orders alike in both. */
    private static final long SEED_MODULUS = 100_000_000L;
    private static final String RANDOM_PREFIX = "random_";

    /**
     * @param spec     the type's spec
     * @param find     the request's paging and sort ({@code sort} null or blank: the default, or the rank when the
     *                 request searches text)
     * @param rankable whether the request searches text, so that the rank is the default
     * @return the ordering
     * @throws InvalidInputException for a sort outside the whitelist (the message lists the valid ones) or a bad
     *                               seed
     */
    static Ordering of(QuerySpec spec, FindFilter find, boolean rankable) {
        SortDirection direction = find.direction() == null ? SortDirection.ASC : find.direction();
        String sort = find.sort() == null ? "" : find.sort().trim();
        if (sort.isEmpty()) {
            if (rankable) {
                // bm25: lower is a better match, whatever direction was asked for without a sort
                return new Ordering("rank", "f.rank", SortDirection.ASC, Set.of());
            }
            SortKey key = spec.sorts().get(spec.defaultSort());
            return new Ordering(key.name(), key.expression(), direction, key.reads());
        }
        if (sort.equals("random")) {
            return random(ThreadLocalRandom.current().nextLong(SEED_MODULUS), direction);
        }
        if (sort.startsWith(RANDOM_PREFIX)) {
            long seed;
            try {
                seed = Long.parseUnsignedLong(sort.substring(RANDOM_PREFIX.length()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("filter.sort",
                        "filter.sort " + sort + ": the seed after random_ must be a whole "
                        + "number from 0 to 18446744073709551615");
            }
            return random(Long.remainderUnsigned(seed, SEED_MODULUS), direction);
        }
        SortKey key = spec.sorts().get(sort);
        if (key == null) {
            throw new InvalidInputException("filter.sort",
                    "filter.sort " + sort + " is not a sort of " + spec.type().pluralName()
                    + "; one of " + String.join(", ", spec.sortNames()));
        }
        return new Ordering(sort, key.expression(), direction, key.reads());
    }

    /**
     * Stash's random order ({@code pkg/sqlite/sql.go getRandomSort}): a hash of id and seed, so a seed gives the
     * same order on every page and in both Larder and Stash. The seed is a number Larder parsed, so it is inlined.
     */
    private static Ordering random(long seed, SortDirection direction) {
        String n = "({t}.id + " + seed + ")";
        return new Ordering(RANDOM_PREFIX + seed,
                "mod(" + n + " * " + n + " * 52959209 + " + n + " * 1047483763, 2147483647)", direction, Set.of());
    }

    /** @return whether the order is the full-text rank, which needs the text search joined */
    boolean byRank() {
        return sort.equals("rank");
    }

    /** @return {@code ASC} or {@code DESC} */
    String sql() {
        return direction == SortDirection.DESC ? "DESC" : "ASC";
    }
}
