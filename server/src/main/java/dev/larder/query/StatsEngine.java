package dev.larder.query;

import dev.larder.model.EntityType;
import dev.larder.model.query.InputObject;
import dev.larder.model.query.InvalidInputException;
import dev.larder.model.query.Item;
import dev.larder.model.stats.Breakdown;
import dev.larder.model.stats.Breakdowns;
import dev.larder.model.stats.DateDistribution;
import dev.larder.model.stats.DateInterval;
import dev.larder.model.stats.LibraryStats;
import dev.larder.model.stats.RandomPicks;
import dev.larder.model.stats.RemovedPage;
import dev.larder.model.stats.Totals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The views of whole sets beside the query engine's pages: random picks, totals, facets, top lists and date
 * distributions of any filtered set (the filter and text a query takes, compiled by the {@link QueryEngine}, so
 * whatever it accepts these accept), the list of what Stash no longer has, and Stash's library statistics. Each
 * is kept in L1's {@code stats} cache under the generations of the types it reads. What sync soft-deleted stays
 * out of every set. What a type offers (its facets, measures and date fields) its {@link QuerySpec} declares.
 * Bad requests are {@link InvalidInputException}s whose path is the request field at fault. Thread-safe.
 */
public final class StatsEngine {

    /** The most random picks one request may ask for. */
    public static final int MAX_PICKS = 100;
    /** Facets list this many groups unless asked otherwise. */
    public static final int DEFAULT_FACET_LIMIT = 20;
    /** Top lists list this many groups unless asked otherwise. */
    public static final int DEFAULT_TOP_LIMIT = 10;
    /** The most groups a facet or top list may ask for. */
    public static final int MAX_LIMIT = FacetRankings.MAX_LIMIT;
    /** Removed lists list this many unless asked otherwise. */
    public static final int DEFAULT_REMOVED_LIMIT = 100;
    /** The most a page of a removed list may ask for. */
    public static final int MAX_REMOVED_LIMIT = 1000;

    private final QueryEngine engine;
    private final RandomPicker random;
    private final FacetRankings rankings;
    private final DateDistributions dates;
    private final RemovedList removed;
    private final StashStats stash;
    private final StatsCache cache;

    /**
     * @param engine the query engine whose sets these views are of
     */
    public StatsEngine(QueryEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.cache = new StatsCache(engine.store(), engine.l1());
        this.random = new RandomPicker(engine, cache);
        this.rankings = new FacetRankings(cache);
        this.dates = new DateDistributions(cache);
        this.removed = new RemovedList(cache);
        this.stash = new StashStats(cache);
    }

    /**
     * Entities drawn uniformly at random from a filtered set, without repeats.
     *
     * @param type   a type the engine serves
     * @param filter the type's filter, or null for all
     * @param q      text to search, or null
     * @param count  how many, 1..{@value #MAX_PICKS}
     * @param full   whether items carry every stored field instead of the compact form
     * @return {@code count} picks in the order drawn, or the whole set shuffled when it is smaller
     * @throws InvalidInputException for a count out of range ({@code count}) or a bad filter
     */
    public RandomPicks random(EntityType type, InputObject filter, String q, int count, boolean full) {
        if (count < 1 || count > MAX_PICKS) {
            throw new InvalidInputException("count", "count must be 1.." + MAX_PICKS + ", got " + count);
        }
        QuerySpec spec = QuerySpecs.of(type);
        RandomPicker.Picks picks = random.pick(engine.compile(spec, filter, q), count, ThreadLocalRandom.current());
        List<Item> items = engine.items().items(spec, picks.ids(), full);
        return new RandomPicks(picks.count(), items);
    }

    /**
     * The totals of a filtered set: its size and the sum of each measure its type declares (for scenes
     * {@code size}, {@code duration}, {@code o_counter}, {@code play_count}, {@code play_duration}, {@code played}).
     *
     * @param type   a type the engine serves
     * @param filter the type's filter, or null for all
     * @param q      text to search, or null
     * @return the totals
     * @throws InvalidInputException for a bad filter
     */
    public Totals totals(EntityType type, InputObject filter, String q) {
        QueryEngine.Compiled compiled = engine.compile(QuerySpecs.of(type), filter, q);
        SetTotals totals = new SetTotals(compiled.spec().table(), compiled.spec().measures(), compiled.where(false));
        return cache.get(totals.sql(), totals.where().params(), compiled.reads(),
                c -> new StatsCache.Entry<>(totals.read(c), totals.weight()));
    }

    /**
     * Facets of a filtered set: per facet, its largest groups by count, ties broken by id (or value).
     *
     * @param type   a type the engine serves
     * @param filter the type's filter, or null for all
     * @param q      text to search, or null
     * @param facets the facets' names ({@code tags}, {@code studios}, {@code performers}, {@code resolution},
     *               {@code year} for scenes), or null for every one of the type's
     * @param limit  how many groups per facet, 1..{@value #MAX_LIMIT}; null for {@value #DEFAULT_FACET_LIMIT}
     * @return the set's size and one breakdown per facet, in the order asked, each entry with its count
     * @throws InvalidInputException for an unknown facet ({@code facets[i]}), a limit out of range ({@code limit})
     *                               or a bad filter
     */
    public Breakdowns facets(EntityType type, InputObject filter, String q, List<String> facets, Integer limit) {
        QuerySpec spec = QuerySpecs.of(type);
        int n = limit(limit, DEFAULT_FACET_LIMIT);
        List<Facet> chosen = facets(spec, facets, "facets", false);
        QueryEngine.Compiled compiled = engine.compile(spec, filter, q);
        List<Breakdown> breakdowns = new ArrayList<>();
        for (Facet facet : chosen) {
            breakdowns.add(rankings.rank(compiled, facet, List.of()).top(Measure.COUNT, n));
        }
        return new Breakdowns(engine.count(compiled), breakdowns);
    }

    /**
     * Top lists of a filtered set: per facet (by default its related entities, such as a scene's performers,
     * studio, tags and groups), its best groups by each measure asked for, ties broken by id; each entry carries
     * its count and every measure's sum.
     *
     * @param type     a type the engine serves
     * @param filter   the type's filter, or null for all
     * @param q        text to search, or null
     * @param of       the facets' names, or null for every facet of related entities
     * @param by       {@code count} and measure names to order by, or null for the count and every measure
     * @param limit    how many groups per list, 1..{@value #MAX_LIMIT}; null for {@value #DEFAULT_TOP_LIMIT}
     * @return the set's size and one breakdown per facet and order, facet by facet
     * @throws InvalidInputException for an unknown facet ({@code of[i]}) or measure ({@code by[i]}), a limit out
     *                               of range ({@code limit}) or a bad filter
     */
    public Breakdowns top(EntityType type, InputObject filter, String q, List<String> of, List<String> by,
                          Integer limit) {
        QuerySpec spec = QuerySpecs.of(type);
        int n = limit(limit, DEFAULT_TOP_LIMIT);
        List<Facet> chosen = facets(spec, of, "of", true);
        List<String> orders = orders(spec, by);
        QueryEngine.Compiled compiled = engine.compile(spec, filter, q);
        List<Breakdown> breakdowns = new ArrayList<>();
        for (Facet facet : chosen) {
            FacetRankings.Ranking ranking = rankings.rank(compiled, facet, spec.measures());
            for (String order : orders) {
                breakdowns.add(ranking.top(order, n));
            }
        }
        return new Breakdowns(engine.count(compiled), breakdowns);
    }

    /**
     * How a filtered set spreads over the years or months of a date field.
     *
     * @param type     a type the engine serves
     * @param filter   the type's filter, or null for all
     * @param q        text to search, or null
     * @param field    a date field of the type ({@code created_at}, and {@code date} where the type has one); null
     *                 for {@code date} where the type has one, else {@code created_at}
     * @param interval the period; null for years
     * @return the distribution
     * @throws InvalidInputException for an unknown field ({@code field}) or a bad filter
     */
    public DateDistribution dates(EntityType type, InputObject filter, String q, String field,
                                  DateInterval interval) {
        QuerySpec spec = QuerySpecs.of(type);
        String name = field != null ? field : spec.dateFields().containsKey("date") ? "date" : "created_at";
        if (!spec.dateFields().containsKey(name)) {
            throw new InvalidInputException("field", "field " + name + " is not a date field of "
                    + type.pluralName() + "; one of " + String.join(", ", spec.dateFields().keySet()));
        }
        return dates.of(engine.compile(spec, filter, q), name, interval == null ? DateInterval.YEAR : interval);
    }

    /**
     * A page of the entities of a type that Stash no longer has, oldest removal first (then by id).
     *
     * @param type  a type the engine serves
     * @param since the earliest removal to list, or null for all (milliseconds count)
     * @param after null for the first page; else the id of the last entity of the previous page, and
     *              {@code since} its {@code deletedAt}
     * @param limit the page's size, 1..{@value #MAX_REMOVED_LIMIT}; null for {@value #DEFAULT_REMOVED_LIMIT}
     * @return the page and how many were removed at or after {@code since}
     * @throws InvalidInputException for a limit out of range ({@code limit}), or {@code after} without
     *                               {@code since} ({@code after})
     */
    public RemovedPage removed(EntityType type, Instant since, Integer after, Integer limit) {
        QuerySpec spec = QuerySpecs.of(type);
        int n = limit == null ? DEFAULT_REMOVED_LIMIT : limit;
        if (n < 1 || n > MAX_REMOVED_LIMIT) {
            throw new InvalidInputException("limit", "limit must be 1.." + MAX_REMOVED_LIMIT + ", got " + n);
        }
        if (after != null && since == null) {
            throw new InvalidInputException("after", "after needs since: the deletedAt of the entity it names");
        }
        return removed.page(spec, since == null ? Instant.EPOCH : since, after, n);
    }

    /** @return Stash's statistics of the whole library, as Larder holds it */
    public LibraryStats library() {
        return stash.library();
    }

    private static int limit(Integer asked, int otherwise) {
        int n = asked == null ? otherwise : asked;
        if (n < 1 || n > MAX_LIMIT) {
            throw new InvalidInputException("limit", "limit must be 1.." + MAX_LIMIT + ", got " + n);
        }
        return n;
    }

    /** @return the named facets, each once; for none named, all of them (only related entities' if so asked) */
    private static List<Facet> facets(QuerySpec spec, List<String> names, String path, boolean relatedByDefault) {
        if (names == null) {
            return spec.facets().values().stream().filter(f -> !relatedByDefault || f.type() != null).toList();
        }
        Set<Facet> chosen = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            Facet facet = spec.facets().get(names.get(i));
            if (facet == null) {
                throw new InvalidInputException(path + "[" + i + "]", path + "[" + i + "]: " + names.get(i)
                        + " is not a facet of " + spec.type().pluralName() + "; "
                        + (spec.facets().isEmpty() ? "they have none" : "one of "
                        + String.join(", ", spec.facets().keySet())));
            }
            chosen.add(facet);
        }
        return List.copyOf(chosen);
    }

    /** @return the named orders, each once; for none named, the count and every measure */
    private static List<String> orders(QuerySpec spec, List<String> names) {
        List<String> known = new ArrayList<>();
        known.add(Measure.COUNT);
        spec.measures().forEach(m -> known.add(m.name()));
        if (names == null) {
            return known;
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (!known.contains(names.get(i))) {
                throw new InvalidInputException("by[" + i + "]", "by[" + i + "]: " + names.get(i)
                        + " is not a measure of " + spec.type().pluralName() + "; one of " + String.join(", ", known));
            }
            chosen.add(names.get(i));
        }
        return List.copyOf(chosen);
    }
}
