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
import dev.larder.model.query.StringCriterion;
import dev.larder.model.query.TimestampCriterion;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
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
    private static final Pattern WORDS = Pattern.compile("\\s+");
    /** Stash's upper bound of a BETWEEN without {@code value2}: a day from now, in RFC 3339. */
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private Criteria() {
    }

    /** {@code IntCriterionInput} over a whole-number expression. */
    static Criterion integer(String expression) {
        return (value, scope, path) -> {
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

    /** The words of a value as Stash splits it: a value in double quotes is one phrase. */
    private static List<String> words(String value) {
        String q = value.trim();
        String unquoted = q.length() >= 2 && q.startsWith("\"") && q.endsWith("\"")
                ? q.substring(1, q.length() - 1) : null;
        if (unquoted != null) {
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
     * itself and its descendants down to {@code depth} levels (-1: all); IS_NULL / NOT_NULL test the column.
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
            if (!values.isEmpty()) {
                if (modifier == CriterionModifier.INCLUDES) {
                    parts.add(Where.of(col + " IN (" + descendants(closureTable, new LinkedHashSet<>(values), depth)
                            + ")"));
                } else {
                    for (int id : values) {
                        parts.add(Where.of(col + " IN (" + descendants(closureTable, Set.of(id), depth) + ")"));
                    }
                }
            }
            if (!excludes.isEmpty()) {
                parts.add(Where.of("(" + col + " IS NULL OR " + col + " NOT IN ("
                        + descendants(closureTable, new LinkedHashSet<>(excludes), depth) + "))"));
            }
            return Where.all(parts);
        };
    }

    private static int depth(Integer depth, String path) {
        int d = depth == null ? 0 : depth;
        if (d < -1) {
            throw new InvalidInputException(path + ".depth",
                    path + ".depth must be -1 (all levels) or 0 or more, got " + d);
        }
        return d;
    }

    /**
     * A nested filter of a related type ({@code performers_filter} of scenes), as Stash's related-filter handler
     * reads it: the entity has at least one live related entity that matches the nested filter (an empty nested
     * filter so asks for any related entity at all).
     *
     * @param related     the related type
     * @param joinTable   the join table, or null when {@code otherColumn} is a column of the entity's own table
     * @param ownerColumn the join table's column holding the entity's id (ignored without a join table)
     * @param otherColumn the column holding the related id
     */
    static Criterion relatedFilter(EntityType related, String joinTable, String ownerColumn, String otherColumn) {
        return (value, scope, path) -> {
            Scope nested = scope.nested(related);
            Where where = FilterCompiler.compile(nested, (InputObject) value, path);
            String n = nested.alias();
            String matching = "SELECT " + n + ".id FROM " + nested.spec().table() + " " + n + " WHERE " + n
                    + ".deleted_at IS NULL AND (" + where.sql() + ")";
            if (joinTable == null) {
                return new Where(scope.alias() + "." + otherColumn + " IN (" + matching + ")", where.params());
            }
            String j = scope.freshAlias();
            return new Where("EXISTS (SELECT 1 FROM " + joinTable + " " + j + " WHERE " + j + "." + ownerColumn
                    + " = " + scope.alias() + ".id AND " + j + "." + otherColumn + " IN (" + matching + "))",
                    where.params());
        };
    }

    /** SQL yielding the ids and their descendants down to {@code depth} levels (-1: all, 0: only themselves). */
    private static String descendants(String closureTable, Set<Integer> ids, int depth) {
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
            if (excludes != null && modifier != CriterionModifier.IS_NULL) {
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
