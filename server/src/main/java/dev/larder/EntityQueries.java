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
import dev.larder.query.QueryEngine;
import dev.larder.query.SqlStatement;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The queries of one entity type, with Stash's vocabulary: {@code larder.scenes().find(findFilter, sceneFilter)}.
 * Filters are {@link InputObject}s of the type's Stash filter type ({@code SceneFilterType} for scenes), built with
 * {@link InputObject#builder(String)} or parsed from Stash's JSON with {@link FilterContract}. Answers leave out what
 * Stash no longer has. Thread-safe.
 */
public final class EntityQueries {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final EntityType type;
    private final QueryEngine engine;

    EntityQueries(EntityType type, QueryEngine engine) {
        this.type = type;
        this.engine = engine;
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
