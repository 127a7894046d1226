package dev.larder.query;

import dev.larder.cache.L1;
import dev.larder.model.EntityType;
import dev.larder.model.query.FindFilter;
import dev.larder.model.query.FindResult;
import dev.larder.model.query.InputObject;
import dev.larder.model.query.InvalidInputException;
import dev.larder.model.query.Item;
import dev.larder.model.query.SortDirection;
import dev.larder.store.Store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Larder's read side over L2: Stash's filters, sorts and paging compiled to SQL on the store's read pool, with
 * L1 in front. Every answer leaves out what sync soft-deleted. Bad requests are {@link InvalidInputException}s
 * naming the path of what was wrong; nothing a request holds reaches SQL but as a parameter or a value Larder
 * parsed as a number. Thread-safe.
 */
public final class QueryEngine {

    private final Store store;
    private final L1 l1;
    private final QuerySettings settings;
    private final Cursors cursors;
    private final ItemRenderer items;

    /**
     * @param store    the L2 store
     * @param l1       the view caches, following that store
     * @param settings paging limits
     */
    public QueryEngine(Store store, L1 l1, QuerySettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.l1 = Objects.requireNonNull(l1, "l1");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.cursors = new Cursors(store.secret("cursors"));
        this.items = new ItemRenderer(store, l1);
    }

    /**
     * @param type a type the engine serves
     * @return the name of its Stash filter input type ({@code SceneFilterType})
     */
    public String filterType(EntityType type) {
        return QuerySpecs.of(type).filterType();
    }

    /**
     * @param type a type the engine serves
     * @return the request field that carries its filter ({@code scene_filter})
     */
    public String filterField(EntityType type) {
        return QuerySpecs.of(type).filterField();
    }

    /**
     * @param type a type
     * @return whether the engine answers queries of it (every type but gallery chapters)
     */
    public static boolean serves(EntityType type) {
        return QuerySpecs.serves(type);
    }

    /** @return the paging limits */
    public QuerySettings settings() {
        return settings;
    }

    /**
     * Finds a page of entities.
     *
     * @param type   the type (not {@link EntityType#GALLERY_CHAPTER}, which Stash lists only in galleries)
     * @param find   paging, sort and text; null for Stash's defaults (page 1 of 25, the type's default sort)
     * @param filter the type's filter ({@code SceneFilterType} for scenes), or null
     * @param cursor a {@code next_cursor} from an earlier page of the same query, or null; it replaces
     *               {@code find.page}
     * @param full   whether items carry every stored field instead of the compact form
     * @return the page, its total count and the next cursor
     * @throws InvalidInputException for a bad page size, sort, cursor or filter
     */
    public FindResult find(EntityType type, FindFilter find, InputObject filter, String cursor, boolean full) {
        Plan plan = plan(type, find, filter, cursor);
        long count = count(plan.count(), plan.reads());
        if (plan.page() == null) {
            return new FindResult(count, List.of(), null);
        }
        IdPage page = page(plan);
        int last = page.ids().length - 1;
        String next = page.more() && last >= 0
                ? cursors.encode(plan.fingerprint(), new Cursors.Position(plan.sort(), page.sortValues()[last],
                page.ids()[last]))
                : null;
        return new FindResult(count, items.items(plan.spec(), page.ids(), full), next);
    }

    /**
     * The SQL statements {@link #find} runs on L2 for a request, with the parameters it binds, in the order it runs
     * them: the count, then (unless {@code per_page} is 0) the page of ids and the statements that render that
     * page's compact items. A diagnostic, for admins and the query benchmark: it runs the page statement to learn
     * the ids the item statements are given (through L1 when L1 holds it), and nothing else. Items in the full form
     * also read each entity's stored JSON, which is not listed.
     *
     * @param type   the type
     * @param find   paging, sort and text, as for {@link #find}
     * @param filter the type's filter, or null
     * @param cursor a {@code next_cursor}, or null
     * @return the statements
     * @throws InvalidInputException for the requests {@link #find} refuses
     */
    public List<SqlStatement> explain(EntityType type, FindFilter find, InputObject filter, String cursor) {
        Plan plan = plan(type, find, filter, cursor);
        List<SqlStatement> statements = new ArrayList<>(List.of(plan.count()));
        if (plan.page() != null) {
            statements.add(plan.page());
            statements.addAll(items.statements(plan.spec(), page(plan).ids()));
        }
        return statements;
    }

    /**
     * Counts the entities a filter and text match.
     *
     * @param type   the type
     * @param filter the type's filter, or null
     * @param q      text to search, or null
     * @return how many live entities match
     */
    public long count(EntityType type, InputObject filter, String q) {
        Compiled compiled = compile(QuerySpecs.of(type), filter, q);
        return count(compiled);
    }

    /**
     * One entity by id, if it is live.
     *
     * @param type the type
     * @param id   the id
     * @param full whether the item carries every stored field
     * @return the item, empty when Larder holds no live entity of that type and id
     */
    public Optional<Item> get(EntityType type, int id, boolean full) {
        QuerySpec spec = QuerySpecs.of(type);
        List<Item> found = items.items(spec, new int[] {id}, full);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private Plan plan(EntityType type, FindFilter find, InputObject filter, String cursor) {
        QuerySpec spec = QuerySpecs.of(type);
        FindFilter f = find == null ? new FindFilter(null, null, null, null, null) : find;
        int perPage = perPage(f.perPage());
        Compiled compiled = compile(spec, filter, f.q());
        SqlStatement count = countStatement(compiled);
        if (perPage == 0) {
            return new Plan(spec, compiled.reads(), count, null, 0, null, null);
        }
        boolean paging = cursor != null && !cursor.isBlank();
        if (paging && "random".equals(f.sort() == null ? null : f.sort().trim())) {
            // a plain random order draws its seed on the first page; the next pages go on with it
            f = new FindFilter(f.q(), f.page(), f.perPage(), cursors.sortOf(cursor.trim()), f.direction());
        }
        Ordering ordering = Ordering.of(spec, f, compiled.rankable());
        String fingerprint = compiled.fingerprint(ordering);
        Cursors.Position after = paging ? cursors.decode(cursor.trim(), fingerprint) : null;
        long offset = after != null ? 0 : (long) (f.page() == null || f.page() < 1 ? 0 : f.page() - 1) * perPage;
        // a sort can read other types than the filter (a performer's scene count)
        Set<EntityType> reads = EnumSet.noneOf(EntityType.class);
        reads.addAll(compiled.reads());
        reads.addAll(ordering.reads());
        return new Plan(spec, reads, count, pageStatement(compiled, ordering, after, offset, perPage), perPage,
                ordering.sort(), fingerprint);
    }

    private int perPage(Integer asked) {
        int perPage = asked == null ? 25 : asked;
        if (perPage < 0 || perPage > settings.maxPerPage()) {
            throw new InvalidInputException("filter.per_page",
                    "filter.per_page must be 0.." + settings.maxPerPage() + " (0 answers "
                    + "only the count; Larder has no \"all\": page through with next_cursor), got " + perPage);
        }
        return perPage;
    }

    /**
     * @param spec   the type's spec
     * @param filter the type's filter, or null
     * @param q      text to search, or null
     * @return the filter and text compiled, before an order is chosen
     * @throws InvalidInputException for a bad filter or a text search on a type without one
     */
    Compiled compile(QuerySpec spec, InputObject filter, String q) {
        if (filter != null && !filter.type().equals(spec.filterType())) {
            throw new IllegalArgumentException(spec.type().pluralName() + " take a " + spec.filterType()
                    + ", not a " + filter.type());
        }
        Scope scope = Scope.root(spec);
        Where where = FilterCompiler.compile(scope, filter, spec.filterField());
        FullTextQuery text = null;
        if (q != null && !q.isBlank()) {
            if (spec.fullTextTable() == null) {
                throw new InvalidInputException("filter.q", "filter.q: Larder has no text search for "
                        + spec.type().pluralName() + " yet");
            }
            text = FullTextQuery.parse(q);
            if (text == null) {
                where = Where.FALSE;
            }
        }
        return new Compiled(spec, where, text, Set.copyOf(scope.reads()));
    }

    /** @return how many live entities a compiled filter matches, through L1 */
    long count(Compiled compiled) {
        return count(countStatement(compiled), compiled.reads());
    }

    private static SqlStatement countStatement(Compiled compiled) {
        Where where = compiled.where(false);
        return new SqlStatement("count", "SELECT count(*) FROM " + compiled.spec().table() + " t WHERE "
                + where.sql(), where.params());
    }

    private long count(SqlStatement statement, Set<EntityType> reads) {
        SqlKey key = new SqlKey(statement.sql(), statement.params(), l1.generations().stamp(reads));
        return ((Count) l1.pages().get(key, () -> new Count(store.read(c -> {
            try (PreparedStatement s = prepare(c, statement.sql(), statement.params());
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        })))).value();
    }

    /** The page of ids: {@code perPage + 1} rows, the last one only telling whether more follow. */
    private static SqlStatement pageStatement(Compiled compiled, Ordering ordering, Cursors.Position after,
                                              long offset, int perPage) {
        boolean joinRank = ordering.byRank();
        Where where = compiled.where(joinRank);
        String expression = Scope.root(compiled.spec()).sql(ordering.expression());
        String direction = ordering.sql();
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT t.id, ").append(expression).append(" FROM ")
                .append(compiled.spec().table()).append(" t");
        if (joinRank) {
            sql.append(" JOIN (SELECT rowid AS id, rank FROM ").append(compiled.spec().fullTextTable())
                    .append(" WHERE ").append(compiled.spec().fullTextTable()).append(" MATCH ?) f ON f.id = t.id");
            params.add(compiled.text().include());
        }
        sql.append(" WHERE ").append(where.sql());
        params.addAll(where.params());
        if (after != null) {
            sql.append(" AND (").append(expression).append(", t.id) ")
                    .append(ordering.direction() == SortDirection.DESC ? "<" : ">").append(" (?, ?)");
            params.add(after.sortValue());
            params.add(after.id());
        }
        sql.append(" ORDER BY ").append(expression).append(' ').append(direction).append(", t.id ")
                .append(direction).append(" LIMIT ? OFFSET ?");
        params.add(perPage + 1);
        params.add(offset);
        return new SqlStatement("page", sql.toString(), params);
    }

    private IdPage page(Plan plan) {
        SqlStatement statement = plan.page();
        int perPage = plan.perPage();
        SqlKey key = new SqlKey(statement.sql(), statement.params(), l1.generations().stamp(plan.reads()));
        return (IdPage) l1.pages().get(key, () -> store.read(c -> {
            List<Integer> ids = new ArrayList<>(perPage + 1);
            List<Object> values = new ArrayList<>(perPage + 1);
            try (PreparedStatement s = prepare(c, statement.sql(), statement.params());
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getInt(1));
                    Object value = rs.getObject(2);
                    values.add(value instanceof Integer i ? (Object) i.longValue() : value);
                }
            }
            boolean more = ids.size() > perPage;
            int n = Math.min(ids.size(), perPage);
            return new IdPage(ids.subList(0, n).stream().mapToInt(Integer::intValue).toArray(),
                    values.subList(0, n).toArray(), more);
        }));
    }

    /** @return the L2 store the engine reads */
    Store store() {
        return store;
    }

    /** @return the view caches */
    L1 l1() {
        return l1;
    }

    /** @return the renderer of the engine's items */
    ItemRenderer items() {
        return items;
    }

    static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            s.setObject(i + 1, params.get(i));
        }
        return s;
    }

    /**
     * What a find runs: its count, and its page unless it asks only for the count.
     *
     * @param reads       the types the statements read, whose generations stamp their L1 keys
     * @param page        the page statement, null when {@code per_page} is 0
     * @param sort        the order's name, its seed drawn for a plain {@code random}; null without a page
     * @param fingerprint what the query's cursors are bound to; null without a page
     */
    private record Plan(QuerySpec spec, Set<EntityType> reads, SqlStatement count, SqlStatement page, int perPage,
                        String sort, String fingerprint) {
    }

    /** A filter and text compiled for one type, before an order is chosen; {@code reads} are the types it reads. */
    record Compiled(QuerySpec spec, Where filter, FullTextQuery text, Set<EntityType> reads) {

        boolean rankable() {
            return text != null && text.include() != null;
        }

        /**
         * @param rankJoined whether the page joins the full-text matches as {@code f} (then they need no subquery)
         * @return the whole WHERE: live rows, the filter, the text
         */
        Where where(boolean rankJoined) {
            Where where = Where.of("t.deleted_at IS NULL").and(filter);
            if (text != null) {
                String fts = spec.fullTextTable();
                if (text.include() != null && !rankJoined) {
                    where = where.and(Where.of("t.id IN (SELECT rowid FROM " + fts + " WHERE " + fts + " MATCH ?)",
                            text.include()));
                }
                if (text.exclude() != null) {
                    where = where.and(Where.of("t.id NOT IN (SELECT rowid FROM " + fts + " WHERE " + fts
                            + " MATCH ?)", text.exclude()));
                }
            }
            return where;
        }

        /** @return what identifies the query for its cursors: type, filter, text and order */
        String fingerprint(Ordering ordering) {
            return Cursors.fingerprint(spec.type().name() + "|" + filter.sql() + "|" + filter.params() + "|"
                    + (text == null ? "" : text.include() + "|" + text.exclude()) + "|" + ordering.sort() + "|"
                    + ordering.direction());
        }
    }
}
