package dev.larder.query;

import dev.larder.model.EntityType;
import dev.larder.model.query.CriterionModifier;
import dev.larder.model.query.DateCriterion;
import dev.larder.model.query.FloatCriterion;
import dev.larder.model.query.HierarchicalMultiCriterion;
import dev.larder.model.query.InputObject;
import dev.larder.model.query.IntCriterion;
import dev.larder.model.query.InvalidInputException;
import dev.larder.model.query.MultiCriterion;
import dev.larder.model.query.StashIdCriterion;
import dev.larder.model.query.StringCriterion;
import dev.larder.model.query.TimestampCriterion;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * The criterion families shared by every table family, each with Stash's semantics (its {@code pkg/sqlite}
 * criterion handlers): numbers, text, booleans, dates and timestamps over a column expression, counts of related
 * rows, and id lists over a join table, flat or through a hierarchy's closure. Expressions are SQL templates over
 * the scope's alias {@code {t}}; values always travel as parameters.
 */
final class Criteria {

    private static final Set<CriterionModifier> NUMERIC = EnumSet.of(CriterionModifier.EQUALS,
            CriterionModifier.NOT_EQUALS, CriterionModifier.GREATER_THAN, CriterionModifier.LESS_THAN,
            CriterionModifier.BETWEEN, CriterionModifier.NOT_BETWEEN, CriterionModifier.IS_NULL,
            CriterionModifier.NOT_NULL);
    private static final Set<CriterionModifier> TEXT = EnumSet.of(CriterionModifier.EQUALS,
            CriterionModifier.NOT_EQUALS, CriterionModifier.INCLUDES, CriterionModifier.EXCLUDES,
            CriterionModifier.MATCHES_REGEX, CriterionModifier.NOT_MATCHES_REGEX, CriterionModifier.IS_NULL,
            CriterionModifier.NOT_NULL);
    private static final Set<CriterionModifier> IDS = EnumSet.of(CriterionModifier.INCLUDES,
            CriterionModifier.INCLUDES_ALL, CriterionModifier.EXCLUDES, CriterionModifier.EQUALS,
            CriterionModifier.IS_NULL, CriterionModifier.NOT_NULL);
    private static final Set<CriterionModifier> ENUMS = EnumSet.of(CriterionModifier.INCLUDES,
            CriterionModifier.EQUALS, CriterionModifier.EXCLUDES, CriterionModifier.NOT_EQUALS,
            CriterionModifier.IS_NULL, CriterionModifier.NOT_NULL);
    private static final Pattern WORDS = Pattern.compile("\\s+");
    private static final Pattern QUOTES = Pattern.compile("^\"+|\"+$");
    /** Stash's upper bound of a BETWEEN without {@code value2}: a day from now, in RFC 3339. */
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private Criteria() {
    }

    /**
     * {@code IntCriterionInput} over a whole-number expression.
     *
     * @param reads the types besides the scope's own that the expression reads (a tally of scenes reads scenes)
     */
    static Criterion integer(String expression, EntityType... reads) {
        return (value, scope, path) -> {
            scope.reads(reads);
            IntCriterion c = IntCriterion.from((InputObject) value);
            return numeric(scope.sql(expression), c.modifier(), c.value(), c.value2() == null ? 0 : c.value2(),
                    path);
        };
    }

    /**
     * {@code IntCriterionInput} over an expression with fractions, compared as Stash does for durations and
     * similar: the expression cast to a whole number.
     */
    static Criterion wholePart(String expression) {
        return integer("CAST(" + expression + " AS INTEGER)");
    }

    /** {@code FloatCriterionInput} over an expression. */
    static Criterion real(String expression) {
        return (value, scope, path) -> {
            FloatCriterion c = FloatCriterion.from((InputObject) value);
            return numeric(scope.sql(expression), c.modifier(), c.value(), c.value2() == null ? 0.0 : c.value2(),
                    path);
        };
    }

    /**
     * {@code IntCriterionInput} over the number of rows of a table that point at the entity.
     *
     * @param table  the table
     * @param column its column holding the entity's id
     */
    static Criterion count(String table, String column) {
        return (value, scope, path) -> {
            String alias = scope.freshAlias();
            IntCriterion c = IntCriterion.from((InputObject) value);
            return numeric("(SELECT count(*) FROM " + table + " " + alias + " WHERE " + alias + "." + column + " = "
                    + scope.alias() + ".id)", c.modifier(), c.value(), c.value2() == null ? 0 : c.value2(), path);
        };
    }

    private static Where numeric(String column, CriterionModifier modifier, Object value, Object value2,
                                 String path) {
        requireModifier(modifier, NUMERIC, path);
        return switch (modifier) {
            case IS_NULL -> Where.of(column + " IS NULL");
            case NOT_NULL -> Where.of(column + " IS NOT NULL");
            case EQUALS -> Where.of(column + " = ?", value);
            case NOT_EQUALS -> Where.of(column + " != ?", value);
            case GREATER_THAN -> Where.of(column + " > ?", value);
            case LESS_THAN -> Where.of(column + " < ?", value);
            case BETWEEN -> Where.of(column + " BETWEEN ? AND ?", value, value2);
            case NOT_BETWEEN -> Where.of(column + " NOT BETWEEN ? AND ?", value, value2);
            default -> throw new IllegalStateException(modifier.name());
        };
    }

    /** {@code StringCriterionInput} over a text expression. */
    static Criterion text(String expression) {
        return (value, scope, path) -> text(scope.sql(expression), StringCriterion.from((InputObject) value),
                path);
    }

    /**
     * Stash's string semantics: INCLUDES matches any of the words (all of a quoted phrase) anywhere, EXCLUDES none
     * of them, EQUALS and NOT_EQUALS are case-insensitive LIKE patterns (so {@code %} and {@code _} are wildcards
     * there, as in Stash), regexes are Go's RE2 syntax as far as Java's agrees, and IS_NULL also matches blanks.
     */
    static Where text(String column, StringCriterion c, String path) {
        requireModifier(c.modifier(), TEXT, path);
        String v = c.value() == null ? "" : c.value();
        return switch (c.modifier()) {
            case INCLUDES -> Where.any(words(v).stream().map(w -> Where.of(column + " LIKE ?", "%" + w + "%"))
                    .toList());
            case EXCLUDES -> Where.all(words(v).stream().map(w -> Where.of(column + " NOT LIKE ?", "%" + w + "%"))
                    .toList());
            case EQUALS -> Where.of(column + " LIKE ?", v);
            case NOT_EQUALS -> Where.of(column + " NOT LIKE ?", v);
            case MATCHES_REGEX -> Where.of("(" + column + " IS NOT NULL AND " + column + " REGEXP ?)",
                    regex(v, path));
            case NOT_MATCHES_REGEX -> Where.of("(" + column + " IS NULL OR " + column + " NOT REGEXP ?)",
                    regex(v, path));
            case IS_NULL -> Where.of("(" + column + " IS NULL OR TRIM(" + column + ") = '')");
            case NOT_NULL -> Where.of("(" + column + " IS NOT NULL AND TRIM(" + column + ") != '')");
            default -> throw new IllegalStateException(c.modifier().name());
        };
    }

    /**
     * The words of a value as Stash splits it ({@code getStringSearchClause}): a value that starts or ends with
     * double quotes is one phrase, the quotes at both ends trimmed.
     */
    private static List<String> words(String value) {
        String q = value.trim();
        String unquoted = QUOTES.matcher(q).replaceAll("");
        if (!unquoted.equals(q)) {
            return List.of(unquoted);
        }
        return Arrays.stream(WORDS.split(q)).toList();
    }

    private static String regex(String value, String path) {
        try {
            Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw new InvalidInputException(path + ".value", path + ".value is not a valid regular expression: "
                    + e.getDescription());
        }
        return value;
    }

    /**
     * {@code StringCriterionInput} over a JSON array of strings (aliases, URLs), as Stash's string-list handler
     * reads its join table: EXCLUDES matches when no element contains the whole value; any other modifier matches
     * when an element satisfies it as {@link #text(String)} would, an empty list counting as one NULL element (so
     * IS_NULL and NOT_MATCHES_REGEX match it).
     *
     * @param jsonColumn the column holding the array, over {@code {t}}
     */
    static Criterion textList(String jsonColumn) {
        return (value, scope, path) -> {
            StringCriterion c = StringCriterion.from((InputObject) value);
            String column = scope.sql(jsonColumn);
            String e = scope.freshAlias();
            if (c.modifier() == CriterionModifier.EXCLUDES) {
                return Where.of("NOT EXISTS (SELECT 1 FROM json_each(" + column + ") " + e + " WHERE " + e
                        + ".value LIKE ?)", "%" + (c.value() == null ? "" : c.value()) + "%");
            }
            Where element = text(e + ".value", c, path);
            return new Where("EXISTS (SELECT 1 FROM (SELECT value FROM json_each(" + column + ") UNION ALL SELECT NULL"
                    + " WHERE NOT EXISTS (SELECT 1 FROM json_each(" + column + "))) " + e + " WHERE " + element.sql()
                    + ")", element.params());
        };
    }

    /**
     * {@code StashIDCriterionInput} over a JSON array of Stash's {@code StashID} objects, as Stash's stash-id handler
     * reads its join table: the stash ids of the endpoint (of every endpoint without one), an entity without any
     * counting as one NULL stash id, match when one of them satisfies the modifier and {@code stash_id} as
     * {@link #text(String)} would ({@code stash_id} null: the empty string).
     *
     * @param jsonColumn the column holding the array, over {@code {t}}
     */
    static Criterion stashIds(String jsonColumn) {
        return (value, scope, path) -> {
            StashIdCriterion c = StashIdCriterion.from((InputObject) value);
            String column = scope.sql(jsonColumn);
            String e = scope.freshAlias();
            boolean byEndpoint = c.endpoint() != null && !c.endpoint().isEmpty();
            String ofEndpoint = byEndpoint ? " WHERE json_extract(value, '$.endpoint') = ?" : "";
            Where element = text(e + ".value", new StringCriterion(c.stashId() == null ? "" : c.stashId(),
                    c.modifier()), path);
            List<Object> params = new ArrayList<>();
            if (byEndpoint) {
                params.add(c.endpoint());
                params.add(c.endpoint());
            }
            params.addAll(element.params());
            return new Where("EXISTS (SELECT 1 FROM (SELECT json_extract(value, '$.stash_id') AS value FROM json_each("
                    + column + ")" + ofEndpoint + " UNION ALL SELECT NULL WHERE NOT EXISTS (SELECT 1 FROM json_each("
                    + column + ")" + ofEndpoint + ")) " + e + " WHERE " + element.sql() + ")", params);
        };
    }

    /**
     * Stash's enum handler ({@code enumCriterionHandler}) over a text column: INCLUDES and EQUALS match any of the
     * values, EXCLUDES and NOT_EQUALS none of them (a NULL column matches neither), IS_NULL and NOT_NULL a blank
     * column or not; no values restrict nothing.
     */
    static Where enumeration(String column, CriterionModifier modifier, List<String> values, String path) {
        requireModifier(modifier, ENUMS, path);
        String in = values.stream().map(v -> "?").collect(Collectors.joining(", ", "(", ")"));
        return switch (modifier) {
            case INCLUDES, EQUALS -> values.isEmpty() ? Where.TRUE : new Where(column + " IN " + in,
                    List.copyOf(values));
            case EXCLUDES, NOT_EQUALS -> values.isEmpty() ? Where.TRUE : new Where(column + " NOT IN " + in,
                    List.copyOf(values));
            case IS_NULL -> Where.of(blank(column));
            case NOT_NULL -> Where.of("(" + column + " IS NOT NULL AND TRIM(" + column + ") != '')");
            default -> throw new IllegalStateException(modifier.name());
        };
    }

    /** @return SQL: the text column is NULL or blank, as Stash's IS_NULL and {@code is_missing} test columns */
    static String blank(String column) {
        return "(" + column + " IS NULL OR TRIM(" + column + ") = '')";
    }

    /**
     * @return SQL: the entity has no image of that kind, as Stash's {@code is_missing} tests its blob; Stash's image
     *         URL then ends in {@code default=true}
     */
    static String noImage(String pathColumn) {
        return "(" + pathColumn + " IS NULL OR " + pathColumn + " LIKE '%default=true%')";
    }

    /** @return SQL: the JSON array column holds no element */
    static String emptyList(String jsonColumn) {
        return "NOT EXISTS (SELECT 1 FROM json_each(" + jsonColumn + "))";
    }

    /**
     * Stash's {@code is_missing} string: a name from the type's list, each with the SQL condition over {@code {t}}
     * that the entity lacks it; the empty string restricts nothing. Stash splices an unknown name into its SQL as a
     * column; Larder refuses a name outside the list.
     *
     * @param conditions the names and their conditions, in the order error messages list them
     * @param reads      the types besides the scope's own that the conditions read
     */
    static Criterion isMissing(Map<String, String> conditions, EntityType... reads) {
        return (value, scope, path) -> {
            String name = (String) value;
            if (name.isEmpty()) {
                return Where.TRUE;
            }
            String condition = conditions.get(name);
            if (condition == null) {
                throw new InvalidInputException(path, path + " \"" + name + "\" is not one Larder can answer; one of "
                        + String.join(", ", conditions.keySet()));
            }
            scope.reads(reads);
            return Where.of(scope.sql(condition));
        };
    }

    /** A {@code Boolean} field over a 0/1 expression. */
    static Criterion bool(String expression) {
        return (value, scope, path) -> Where.of(scope.sql(expression) + " = " + (((Boolean) value) ? "1" : "0"));
    }

    /** {@code DateCriterionInput} over a {@code YYYY-MM-DD} text expression. */
    static Criterion date(String expression) {
        return (value, scope, path) -> {
            DateCriterion c = DateCriterion.from((InputObject) value);
            String column = scope.sql(expression);
            return switch (c.modifier()) {
                case IS_NULL -> Where.of("(" + column + " IS NULL OR " + column + " = '')");
                case NOT_NULL -> Where.of("(" + column + " IS NOT NULL AND " + column + " != '')");
                default -> numeric(column, c.modifier(), c.value(), upper(c.value2()), path);
            };
        };
    }

    /** {@code TimestampCriterionInput} over an RFC 3339 text expression, compared as text as Stash does. */
    static Criterion timestamp(String expression) {
        return (value, scope, path) -> {
            TimestampCriterion c = TimestampCriterion.from((InputObject) value);
            return numeric(scope.sql(expression), c.modifier(), c.value(), upper(c.value2()), path);
        };
    }

    private static String upper(String value2) {
        return value2 != null ? value2
                : ZonedDateTime.now(ZoneOffset.UTC).plusDays(1).truncatedTo(ChronoUnit.SECONDS).format(RFC3339);
    }

    /**
     * {@code MultiCriterionInput} over a join table: INCLUDES any of the ids, INCLUDES_ALL all of them, EQUALS
     * exactly them, EXCLUDES none of them, IS_NULL / NOT_NULL no / some related row; {@code excludes} removes
     * entities related to any of its ids.
     *
     * @param joinTable   the join table
     * @param ownerColumn its column holding the entity's id
     * @param otherColumn its column holding the related id
     * @param related     the related type
     */
    static Criterion ids(String joinTable, String ownerColumn, String otherColumn, EntityType related) {
        return (value, scope, path) -> {
            MultiCriterion c = MultiCriterion.from((InputObject) value);
            Relation relation = new Relation(joinTable, ownerColumn, otherColumn, scope);
            return relation.match(c.modifier(), idSets(c.value(), path + ".value"), ids(c.excludes(),
                    path + ".excludes"), path);
        };
    }

    /**
     * {@code MultiCriterionInput} over a column holding one related id (a studio's parent), as Stash's
     * {@code multiCriterionHandlerBuilder} reads it without a join table: INCLUDES any of the ids, INCLUDES_ALL the
     * one id given (several: nothing, one column holds one), EXCLUDES none of them (NULL included), IS_NULL /
     * NOT_NULL test the column. Stash reads no {@code excludes} there, so Larder refuses them.
     *
     * @param column the column, over {@code {t}}
     */
    static Criterion idColumn(String column) {
        return (value, scope, path) -> {
            MultiCriterion c = MultiCriterion.from((InputObject) value);
            requireModifier(c.modifier(), EnumSet.of(CriterionModifier.INCLUDES, CriterionModifier.INCLUDES_ALL,
                    CriterionModifier.EXCLUDES, CriterionModifier.IS_NULL, CriterionModifier.NOT_NULL), path);
            refuseExcludes(c.excludes(), path);
            String col = scope.sql(column);
            List<Integer> ids = ids(c.value(), path + ".value");
            String in = ids.stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")"));
            return switch (c.modifier()) {
                case IS_NULL -> Where.of(col + " IS NULL");
                case NOT_NULL -> Where.of(col + " IS NOT NULL");
                case INCLUDES -> ids.isEmpty() ? Where.TRUE : Where.of(col + " IN " + in);
                case INCLUDES_ALL -> ids.isEmpty() ? Where.TRUE : ids.size() > 1 ? Where.FALSE
                        : Where.of(col + " IN " + in);
                case EXCLUDES -> ids.isEmpty() ? Where.TRUE : Where.of("(" + col + " IS NULL OR " + col + " NOT IN "
                        + in + ")");
                default -> throw new IllegalStateException(c.modifier().name());
            };
        };
    }

    /**
     * Refuses {@code excludes} where Stash's handler never reads them, rather than ignoring them silently.
     *
     * @throws InvalidInputException when there are some
     */
    static void refuseExcludes(List<String> excludes, String path) {
        if (excludes != null && !excludes.isEmpty()) {
            throw new InvalidInputException(path + ".excludes", path + ".excludes: Stash does not read excludes"
                    + " for this criterion, so Larder does not answer them; leave them out");
        }
    }

    /**
     * {@code HierarchicalMultiCriterionInput} over a join table whose related type forms a hierarchy: each id
     * stands for itself and its descendants down to {@code depth} levels (-1: all), through the closure table.
     *
     * @param joinTable    the join table
     * @param ownerColumn  its column holding the entity's id
     * @param otherColumn  its column holding the related id
     * @param closureTable the related type's closure ({@code tag_closure})
     * @param related      the related type
     */
    static Criterion hierarchical(String joinTable, String ownerColumn, String otherColumn, String closureTable,
                                  EntityType related) {
        return (value, scope, path) -> {
            HierarchicalMultiCriterion c = HierarchicalMultiCriterion.from((InputObject) value);
            scope.reads(related);
            int depth = depth(c.depth(), path);
            if (c.modifier() == CriterionModifier.EQUALS && depth != 0) {
                // Stash's joinedHierarchicalMultiCriterionHandlerBuilder refuses it too
                throw new InvalidInputException(path + ".depth", path + ".depth must be 0 with EQUALS");
            }
            Relation relation = new Relation(joinTable, ownerColumn, otherColumn, scope);
            List<Set<Integer>> values = idSets(c.value(), path + ".value");
            List<String> expanded = values.stream().map(ids -> descendants(closureTable, ids, depth))
                    .toList();
            List<Integer> excluded = ids(c.excludes(), path + ".excludes");
            return relation.matchExpanded(c.modifier(), values, expanded,
                    excluded.isEmpty() ? null : descendants(closureTable, new LinkedHashSet<>(excluded), depth),
                    path);
        };
    }

    /**
     * {@code HierarchicalMultiCriterionInput} over a column holding one related id (a scene's studio), as Stash's
     * {@code studioCriterionHandler} reads it: EQUALS is INCLUDES_ALL and NOT_EQUALS is EXCLUDES; each id stands for
     * itself and its descendants down to {@code depth} levels (-1: all); INCLUDES_ALL of several ids matches nothing
     * (one column holds one of them); IS_NULL / NOT_NULL test the column.
     *
     * @param column       the column, over {@code {t}}
     * @param closureTable the related type's closure ({@code studio_closure})
     * @param related      the related type
     */
    static Criterion hierarchicalColumn(String column, String closureTable, EntityType related) {
        return (value, scope, path) -> {
            HierarchicalMultiCriterion c = HierarchicalMultiCriterion.from((InputObject) value);
            scope.reads(related);
            String col = scope.sql(column);
            CriterionModifier modifier = switch (c.modifier()) {
                case EQUALS -> CriterionModifier.INCLUDES_ALL;
                case NOT_EQUALS -> CriterionModifier.EXCLUDES;
                default -> c.modifier();
            };
            requireModifier(modifier, EnumSet.of(CriterionModifier.INCLUDES, CriterionModifier.INCLUDES_ALL,
                    CriterionModifier.EXCLUDES, CriterionModifier.IS_NULL, CriterionModifier.NOT_NULL), path);
            if (modifier == CriterionModifier.IS_NULL) {
                return Where.of(col + " IS NULL");
            }
            if (modifier == CriterionModifier.NOT_NULL) {
                return Where.of(col + " IS NOT NULL");
            }
            int depth = depth(c.depth(), path);
            List<Integer> values = ids(c.value(), path + ".value");
            List<Integer> excludes = new ArrayList<>(ids(c.excludes(), path + ".excludes"));
            if (modifier == CriterionModifier.EXCLUDES) {
                excludes.addAll(values);
                values = List.of();
            }
            List<Where> parts = new ArrayList<>();
            if (modifier == CriterionModifier.INCLUDES_ALL && values.size() > 1) {
                // Stash's HAVING count(distinct studio_id) = n, which one column never reaches for n > 1
                parts.add(Where.FALSE);
            } else if (!values.isEmpty()) {
                parts.add(Where.of(col + " IN (" + descendants(closureTable, new LinkedHashSet<>(values), depth)
                        + ")"));
            }
            if (!excludes.isEmpty()) {
                parts.add(Where.of("(" + col + " IS NULL OR " + col + " NOT IN ("
                        + descendants(closureTable, new LinkedHashSet<>(excludes), depth) + "))"));
            }
            return Where.all(parts);
        };
    }

    /**
     * {@code HierarchicalMultiCriterionInput} over the entity's own hierarchy (a tag's {@code parents} and
     * {@code children}, a group's containing and sub groups), as Stash's {@code hierarchicalRelationshipHandler}
     * reads it: a value counts when it is an ancestor (towards parents) or a descendant (towards children) of the
     * entity at most {@code depth} + 1 levels away (depth -1: any number; 0: direct parents or children); INCLUDES
     * any value, INCLUDES_ALL every value, EXCLUDES none of them, {@code excludes} none of those; IS_NULL / NOT_NULL
     * no direct parent (child) / some. Only live entities count, as the closure holds only those.
     *
     * @param closureTable   the type's closure ({@code tag_closure})
     * @param towardsParents true for the criterion on parents, false for the one on children
     */
    static Criterion hierarchy(String closureTable, boolean towardsParents) {
        String entity = towardsParents ? "descendant_id" : "ancestor_id";
        String given = towardsParents ? "ancestor_id" : "descendant_id";
        return (value, scope, path) -> {
            HierarchicalMultiCriterion c = HierarchicalMultiCriterion.from((InputObject) value);
            CriterionModifier modifier = c.modifier();
            requireModifier(modifier, EnumSet.of(CriterionModifier.INCLUDES, CriterionModifier.INCLUDES_ALL,
                    CriterionModifier.EXCLUDES, CriterionModifier.IS_NULL, CriterionModifier.NOT_NULL), path);
            String id = scope.alias() + ".id";
            if (modifier == CriterionModifier.IS_NULL || modifier == CriterionModifier.NOT_NULL) {
                String j = scope.freshAlias();
                Where some = Where.of("EXISTS (SELECT 1 FROM " + closureTable + " " + j + " WHERE " + j + "." + entity
                        + " = " + id + " AND " + j + ".depth = 1)");
                return modifier == CriterionModifier.NOT_NULL ? some : some.not();
            }
            int depth = depth(c.depth(), path);
            String levels = " AND depth >= 1" + (depth >= 0 ? " AND depth <= " + (depth + 1) : "");
            List<Integer> values = ids(c.value(), path + ".value");
            Set<Integer> excludes = new LinkedHashSet<>(ids(c.excludes(), path + ".excludes"));
            List<Where> parts = new ArrayList<>();
            if (modifier == CriterionModifier.EXCLUDES) {
                excludes.addAll(values);
            } else if (modifier == CriterionModifier.INCLUDES && !values.isEmpty()) {
                parts.add(Where.of(id + " IN (SELECT " + entity + " FROM " + closureTable + " WHERE " + given
                        + " IN (" + join(values) + ")" + levels + ")"));
            } else {
                values.forEach(v -> parts.add(Where.of(id + " IN (SELECT " + entity + " FROM " + closureTable
                        + " WHERE " + given + " = " + v + levels + ")")));
            }
            if (!excludes.isEmpty()) {
                parts.add(Where.of(id + " NOT IN (SELECT " + entity + " FROM " + closureTable + " WHERE " + given
                        + " IN (" + join(excludes) + ")" + levels + ")"));
            }
            return Where.all(parts);
        };
    }

    private static String join(Collection<Integer> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static int depth(Integer depth, String path) {
        int d = depth == null ? 0 : depth;
        if (d < -1) {
            throw new InvalidInputException(path + ".depth",
                    path + ".depth must be -1 (all levels) or 0 or more, got " + d);
        }
        return d;
    }

    /**
     * A nested filter of a related type ({@code performers_filter} of scenes), as Stash's related-filter handler
     * reads it: the entity has at least one live related entity that matches the nested filter; a nested filter
     * that restricts nothing (an empty one) restricts nothing here either, related entities or not.
     *
     * @param related     the related type
     * @param joinTable   the join table, or null when {@code otherColumn} is a column of the entity's own table
     * @param ownerColumn the join table's column holding the entity's id (ignored without a join table)
     * @param otherColumn the column holding the related id
     */
    static Criterion relatedFilter(EntityType related, String joinTable, String ownerColumn, String otherColumn) {
        return (value, scope, path) -> {
            Where matching = matchingIds(scope, related, (InputObject) value, "id", path);
            if (matching == null) {
                return Where.TRUE;
            }
            if (joinTable == null) {
                return new Where(scope.alias() + "." + otherColumn + " IN (" + matching.sql() + ")",
                        matching.params());
            }
            String j = scope.freshAlias();
            return new Where("EXISTS (SELECT 1 FROM " + joinTable + " " + j + " WHERE " + j + "." + ownerColumn
                    + " = " + scope.alias() + ".id AND " + j + "." + otherColumn + " IN (" + matching.sql() + "))",
                    matching.params());
        };
    }

    /**
     * A nested filter of a related type whose rows point at the entity by a column of their own (a studio's
     * {@code scenes_filter}: scenes with {@code studio_id}), with {@link #relatedFilter}'s semantics.
     *
     * @param related         the related type
     * @param referenceColumn the related table's column holding the entity's id
     */
    static Criterion relatedFilterReferencing(EntityType related, String referenceColumn) {
        return (value, scope, path) -> {
            Where matching = matchingIds(scope, related, (InputObject) value, referenceColumn, path);
            return matching == null ? Where.TRUE
                    : new Where(scope.alias() + ".id IN (" + matching.sql() + ")", matching.params());
        };
    }

    /**
     * @return SQL yielding a column of the live related entities that a nested filter matches, or null when the
     *         filter restricts nothing
     * @throws InvalidInputException when Larder serves no queries of the related type yet
     */
    private static Where matchingIds(Scope scope, EntityType related, InputObject filter, String column,
                                     String path) {
        if (!QuerySpecs.serves(related)) {
            throw new InvalidInputException(path, path + " filters " + related.pluralName()
                    + ", which Larder does not support yet");
        }
        Scope nested = scope.nested(related);
        Where where = FilterCompiler.compile(nested, filter, path);
        if (where == Where.TRUE) {
            return null;
        }
        String n = nested.alias();
        return new Where("SELECT " + n + "." + column + " FROM " + nested.spec().table() + " " + n + " WHERE " + n
                + ".deleted_at IS NULL AND (" + where.sql() + ")", where.params());
    }

    /** SQL yielding the ids and their descendants down to {@code depth} levels (-1: all, 0: only themselves). */
    static String descendants(String closureTable, Set<Integer> ids, int depth) {
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        if (depth == 0) {
            return "SELECT value FROM json_each('[" + in + "]')";
        }
        return "SELECT descendant_id FROM " + closureTable + " WHERE ancestor_id IN (" + in + ")"
               + (depth > 0 ? " AND depth <= " + depth : "");
    }

    /** One id per set: the sets exist so that hierarchical criteria can expand each id on its own. */
    private static List<Set<Integer>> idSets(List<String> ids, String path) {
        return ids(ids, path).stream().map(id -> (Set<Integer>) new LinkedHashSet<>(List.of(id))).toList();
    }

    /** The distinct ids of a list, sorted so that equal filters written in another order compile alike. */
    static List<Integer> ids(List<String> ids, String path) {
        if (ids == null) {
            return List.of();
        }
        Set<Integer> parsed = new java.util.TreeSet<>();
        for (int i = 0; i < ids.size(); i++) {
            try {
                parsed.add(Integer.parseInt(ids.get(i).trim()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException(path + "[" + i + "]",
                        path + "[" + i + "] must be a numeric id, got \"" + ids.get(i)
                        + "\"");
            }
        }
        return new ArrayList<>(parsed);
    }

    static void requireModifier(CriterionModifier modifier, Set<CriterionModifier> allowed, String path) {
        if (!allowed.contains(modifier)) {
            throw new InvalidInputException(path + ".modifier",
                    path + ".modifier " + modifier + " is not valid here; one of "
                    + allowed.stream().map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    /**
     * An entity's rows in a join table, matched against id sets. Integers are inlined: they were parsed from the
     * request as ints, so they cannot carry SQL, and inlining keeps the planner able to use the join table's
     * index for each.
     */
    private record Relation(String joinTable, String ownerColumn, String otherColumn, Scope scope) {

        Where match(CriterionModifier modifier, List<Set<Integer>> values, List<Integer> excludes, String path) {
            List<String> sets = values.stream().map(set -> "SELECT value FROM json_each('["
                    + set.stream().map(String::valueOf).collect(Collectors.joining(",")) + "]')").toList();
            return matchExpanded(modifier, values, sets,
                    excludes.isEmpty() ? null : "SELECT value FROM json_each('["
                            + excludes.stream().map(String::valueOf).collect(Collectors.joining(",")) + "]')",
                    path);
        }

        /**
         * @param values   the ids as given, one set per id
         * @param expanded per value, SQL yielding the related ids it stands for
         * @param excludes SQL yielding the ids to exclude, or null
         */
        Where matchExpanded(CriterionModifier modifier, List<Set<Integer>> values, List<String> expanded,
                            String excludes, String path) {
            requireModifier(modifier, IDS, path);
            Where where = switch (modifier) {
                case IS_NULL -> exists(null).not();
                case NOT_NULL -> exists(null);
                case INCLUDES -> values.isEmpty() ? Where.TRUE
                        : exists(String.join(" UNION ", expanded));
                case INCLUDES_ALL -> Where.all(expanded.stream().map(this::exists).toList());
                case EQUALS -> values.isEmpty() ? Where.TRUE
                        : Where.all(expanded.stream().map(this::exists).toList())
                        .and(onlyThese(String.join(" UNION ", expanded)));
                case EXCLUDES -> values.isEmpty() ? Where.TRUE
                        : exists(String.join(" UNION ", expanded)).not();
                default -> throw new IllegalStateException(modifier.name());
            };
            // Stash answers IS_NULL and NOT_NULL before it reads excludes
            if (excludes != null && modifier != CriterionModifier.IS_NULL && modifier != CriterionModifier.NOT_NULL) {
                where = where.and(exists(excludes).not());
            }
            return where;
        }

        /** @return rows pointing at one of the ids the SQL yields (any row when it is null) */
        private Where exists(String ids) {
            String j = scope.freshAlias();
            return Where.of("EXISTS (SELECT 1 FROM " + joinTable + " " + j + " WHERE " + j + "." + ownerColumn
                    + " = " + scope.alias() + ".id" + (ids == null ? "" : " AND " + j + "." + otherColumn
                    + " IN (" + ids + ")") + ")");
        }

        /** @return no row pointing at anything but the ids the SQL yields */
        private Where onlyThese(String ids) {
            String j = scope.freshAlias();
            return Where.of("NOT EXISTS (SELECT 1 FROM " + joinTable + " " + j + " WHERE " + j + "." + ownerColumn
                    + " = " + scope.alias() + ".id AND " + j + "." + otherColumn + " NOT IN (" + ids + "))");
        }
    }
}
