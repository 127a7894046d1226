package dev.larder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.larder.model.EntityType;
import dev.larder.model.query.FilterContract;
import dev.larder.model.query.FindFilter;
import dev.larder.model.query.FindResult;
import dev.larder.model.query.InputObject;
import dev.larder.model.query.InvalidInputException;
import dev.larder.model.query.Item;
import dev.larder.model.stats.Breakdowns;
import dev.larder.model.stats.DateDistribution;
import dev.larder.model.stats.DateInterval;
import dev.larder.model.stats.RandomPicks;
import dev.larder.model.stats.RemovedPage;
import dev.larder.model.stats.Totals;
import dev.larder.query.QueryEngine;
import dev.larder.query.SqlStatement;

import dev.larder.query.StatsEngine;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The queries of one entity type, with Stash's vocabulary: {@code larder.scenes().find(findFilter, sceneFilter)}.
 * Filters are {@link InputObject}s of the type's Stash filter type ({@code SceneFilterType} for scenes), built with
 * {@link InputObject#builder(String)} or parsed from Stash's JSON with {@link FilterContract}. Besides pages, the
 * views of a whole filtered set (random picks, totals, facets, top lists, date distributions) take the same filter
 * and text. Answers leave out what Stash no longer has; {@link #removed} lists it. Thread-safe.
 */
public final class EntityQueries {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final EntityType type;
    private final QueryEngine engine;
    private final StatsEngine stats;

    EntityQueries(EntityType type, QueryEngine engine, StatsEngine stats) {
        this.type = type;
        this.engine = engine;
        this.stats = stats;
    }

    /** @return the entity type */
    public EntityType type() {
        return type;
    }

    /**
     * A page of compact items.
     *
     * @param find   paging, sort and text ({@code q}); null for page 1 of 25 in the type's default order
     * @param filter the type's filter, or null for all
     * @return the page, the total count and the next page's cursor
     * @throws InvalidInputException naming what is wrong with the request
     */
    public FindResult find(FindFilter find, InputObject filter) {
        return engine.find(type, find, filter, null, false);
    }

    /**
     * A page of items, from a cursor or a page number.
     *
     * @param find   paging, sort and text; its page is ignored when a cursor is given
     * @param filter the type's filter, or null for all
     * @param cursor the {@code nextCursor} of the previous page of the same query, or null for {@code find}'s page
     * @param full   true for items with every stored field, false for the compact form
     * @return the page, the total count and the next page's cursor
     * @throws InvalidInputException naming what is wrong with the request (a forged or foreign cursor among them)
     */
    public FindResult find(FindFilter find, InputObject filter, String cursor, boolean full) {
        return engine.find(type, find, filter, cursor, full);
    }

    /**
     * The SQL statements {@link #find(FindFilter, InputObject, String, boolean)} runs on L2 for these arguments, with
     * their parameters and in the order it runs them: the count, the page and the rendering of the page's compact
     * items. A diagnostic (for admins, and for the query benchmark, which runs them over JDBC to tell Larder's own
     * cost from SQLite's); the statements are Larder's internals and change between versions.
     *
     * @param find   paging, sort and text, as for {@code find}
     * @param filter the type's filter, or null for all
     * @param cursor a {@code nextCursor}, or null
     * @return the statements
     * @throws InvalidInputException for the requests {@code find} refuses
     */
    public List<SqlStatement> explain(FindFilter find, InputObject filter, String cursor) {
        return engine.explain(type, find, filter, cursor);
    }

    /**
     * @param filter the type's filter, or null for all
     * @param q      text to search, or null
     * @return how many entities match
     */
    public long count(InputObject filter, String q) {
        return engine.count(type, filter, q);
    }

    /**
     * @param id the id
     * @return the entity with every stored field, empty when Larder has no such live entity
     */
    public Optional<Item> get(int id) {
        return engine.get(type, id, true);
    }

    /**
     * Entities drawn uniformly at random from a filtered set, without repeats (a home page's carousel).
     *
     * @param filter the type's filter, or null for all
     * @param q      text to search, or null
     * @param count  how many, 1..{@value StatsEngine#MAX_PICKS}
     * @param full   true for items with every stored field, false for the compact form
     * @return the set's size and {@code count} picks in the order drawn (the whole set, shuffled, when smaller)
     * @throws InvalidInputException naming what is wrong ({@code count}, the filter)
     */
    public RandomPicks random(InputObject filter, String q, int count, boolean full) {
        return stats.random(type, filter, q, count, full);
    }

    /**
     * The totals of a filtered set: its size and the sum of each of the type's measures (for scenes those of
     * Stash's statistics: {@code size}, {@code duration}, {@code o_counter}, {@code play_count},
     * {@code play_duration}, {@code played}).
     *
     * @param filter the type's filter, or null for all
     * @param q      text to search, or null
     * @return the totals
     * @throws InvalidInputException naming what is wrong with the filter
     */
    public Totals totals(InputObject filter, String q) {
        return stats.totals(type, filter, q);
    }

    /**
     * Facets of a filtered set, for a filter UI's "Tag X (1,204)": per facet its largest groups by count, ties
     * broken by id.
     *
     * @param filter the type's filter, or null for all
     * @param q      text to search, or null
     * @param facets the facets ({@code tags}, {@code studios}, {@code performers}, {@code groups},
     *               {@code resolution}, {@code year} for scenes), or null for all of the type's
     * @param limit  groups per facet, 1..{@value StatsEngine#MAX_LIMIT}, or null for
     *               {@value StatsEngine#DEFAULT_FACET_LIMIT}
     * @return the set's size and one breakdown per facet
     * @throws InvalidInputException naming what is wrong ({@code facets[i]}, {@code limit}, the filter)
     */
    public Breakdowns facets(InputObject filter, String q, List<String> facets, Integer limit) {
        return stats.facets(type, filter, q, facets, limit);
    }

    /**
     * Top lists of a filtered set: the related entities (for scenes: performers, studios, tags, groups) with the
     * most entities of the set, plays, play time, o's..., ties broken by id.
     *
     * @param filter the type's filter, or null for all
     * @param q      text to search, or null
     * @param of     the facets to rank, or null for all of related entities
     * @param by     what to rank by: {@code count} and the type's measures, or null for all of them
     * @param limit  entries per list, 1..{@value StatsEngine#MAX_LIMIT}, or null for
     *               {@value StatsEngine#DEFAULT_TOP_LIMIT}
     * @return the set's size and one breakdown per facet and order
     * @throws InvalidInputException naming what is wrong ({@code of[i]}, {@code by[i]}, {@code limit}, the filter)
     */
    public Breakdowns top(InputObject filter, String q, List<String> of, List<String> by, Integer limit) {
        return stats.top(type, filter, q, of, by, limit);
    }

    /**
     * How a filtered set spreads over time.
     *
     * @param filter   the type's filter, or null for all
     * @param q        text to search, or null
     * @param field    {@code created_at}, or {@code date} for types that have one; null for {@code date} where
     *                 there is one, else {@code created_at}
     * @param interval years or months; null for years
     * @return per period, how many of the set fall in it
     * @throws InvalidInputException naming what is wrong ({@code field}, the filter)
     */
    public DateDistribution dates(InputObject filter, String q, String field, DateInterval interval) {
        return stats.dates(type, filter, q, field, interval);
    }

    /**
     * What Stash no longer has of this type, oldest removal first, a page at a time: ask again with the last
     * entry's {@code deletedAt} as {@code since} and its id as {@code after}.
     *
     * @param since the earliest removal to list, or null for all
     * @param after null, or the id of the last entry of the previous page (then {@code since} is its time)
     * @param limit the page's size, 1..{@value StatsEngine#MAX_REMOVED_LIMIT}, or null for
     *              {@value StatsEngine#DEFAULT_REMOVED_LIMIT}
     * @return the page and how many were removed at or after {@code since}
     * @throws InvalidInputException naming what is wrong ({@code limit}, {@code after})
     */
    public RemovedPage removed(Instant since, Integer after, Integer limit) {
        return stats.removed(type, since, after, limit);
    }

    /**
     * Parses a filter from Stash's JSON for this type.
     *
     * @param json the JSON of the type's Stash filter type
     * @return the filter
     * @throws InvalidInputException naming the path of what is wrong
     */
    public InputObject filter(String json) {
        Objects.requireNonNull(json, "json");
        try {
            return FilterContract.standard().parse(filterType(), MAPPER.readTree(json), filterField());
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(filterField(), filterField() + " is not JSON: " + e.getOriginalMessage());
        }
    }

    /** @return the name of the type's Stash filter input type ({@code SceneFilterType}) */
    public String filterType() {
        return engine.filterType(type);
    }

    /** @return the request field that carries the type's filter ({@code scene_filter}) */
    public String filterField() {
        return engine.filterField(type);
    }
}
