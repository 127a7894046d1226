package dev.larder.query;

import dev.larder.model.EntityType;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the query engine knows of one entity type: its table, the criteria of its Stash filter type that Larder
 * answers, its sort whitelist, its full-text index and the shape of its items; for the statistics of its sets, its
 * facets, measures and date fields. Each table family declares one ({@code SceneQueries}, {@code PerformerQueries},
 * ...). Immutable.
 */
final class QuerySpec {

    private final EntityType type;
    private final String table;
    private final String filterType;
    private final Map<String, Criterion> criteria;
    private final Map<String, SortKey> sorts;
    private final String defaultSort;
    private final String fullTextTable;
    private final ItemShape item;
    private final Map<String, Facet> facets;
    private final List<Measure> measures;
    private final Map<String, String> dateFields;

    private QuerySpec(Builder b) {
        this.type = b.type;
        this.table = b.table;
        this.filterType = b.filterType;
        this.criteria = Collections.unmodifiableMap(new LinkedHashMap<>(b.criteria));
        this.sorts = Collections.unmodifiableMap(new LinkedHashMap<>(b.sorts));
        this.defaultSort = Objects.requireNonNull(b.defaultSort, "defaultSort");
        this.fullTextTable = b.fullTextTable;
        this.item = Objects.requireNonNull(b.item, "item");
        this.facets = Collections.unmodifiableMap(new LinkedHashMap<>(b.facets));
        this.measures = List.copyOf(b.measures.values());
        this.dateFields = Collections.unmodifiableMap(new LinkedHashMap<>(b.dateFields));
        if (!sorts.containsKey(defaultSort)) {
            throw new IllegalStateException(type + ": default sort " + defaultSort + " is not in the whitelist");
        }
    }

    static Builder builder(EntityType type, String table, String filterType) {
        return new Builder(type, table, filterType);
    }

    EntityType type() {
        return type;
    }

    /** @return the entity table */
    String table() {
        return table;
    }

    /** @return the name of Stash's filter input type for this entity ({@code SceneFilterType}) */
    String filterType() {
        return filterType;
    }

    /** @return the request field that carries the filter ({@code scene_filter}) */
    String filterField() {
        String plural = type.pluralName();
        return (plural.endsWith("ies") ? plural.substring(0, plural.length() - 3) + "y"
                : plural.substring(0, plural.length() - 1)) + "_filter";
    }

    /** @return the criteria Larder answers, by the filter type's field name */
    Map<String, Criterion> criteria() {
        return criteria;
    }

    /** @return the sort whitelist by name, besides {@code random} and {@code random_<seed>} */
    Map<String, SortKey> sorts() {
        return sorts;
    }

    /** @return the sort used when a request names none and searches no text */
    String defaultSort() {
        return defaultSort;
    }

    /** @return the FTS5 table over this type's text, or null when it has none */
    String fullTextTable() {
        return fullTextTable;
    }

    /** @return what an item of this type shows */
    ItemShape item() {
        return item;
    }

    /** @return the ways its entities group for facets and top lists, by name, in declaration order */
    Map<String, Facet> facets() {
        return facets;
    }

    /** @return the per-entity numbers its totals and top lists sum, in declaration order */
    List<Measure> measures() {
        return measures;
    }

    /**
     * @return the columns its date distributions can count by, by name: {@code created_at}, which every entity
     *         table has, and those the family declares (such as {@code date})
     */
    Map<String, String> dateFields() {
        return dateFields;
    }

    /** @return every sort name a request may give, for error messages */
    List<String> sortNames() {
        List<String> names = new java.util.ArrayList<>(sorts.keySet());
        names.add("random");
        names.add("random_<seed>");
        return names;
    }

    static final class Builder {
        private final EntityType type;
        private final String table;
        private final String filterType;
        private final Map<String, Criterion> criteria = new LinkedHashMap<>();
        private final Map<String, SortKey> sorts = new LinkedHashMap<>();
        private String defaultSort;
        private String fullTextTable;
        private ItemShape item;
        private final Map<String, Facet> facets = new LinkedHashMap<>();
        private final Map<String, Measure> measures = new LinkedHashMap<>();
        private final Map<String, String> dateFields = new LinkedHashMap<>();

        private Builder(EntityType type, String table, String filterType) {
            this.type = type;
            this.table = table;
            this.filterType = filterType;
            dateFields.put("created_at", "{t}.created_at");
        }

        Builder criterion(String field, Criterion criterion) {
            if (criteria.put(field, criterion) != null) {
                throw new IllegalStateException(type + ": criterion " + field + " declared twice");
            }
            return this;
        }

        /**
         * @param reads the types besides this one that the expression reads
         */
        Builder sort(String name, String expression, EntityType... reads) {
            if (sorts.put(name, new SortKey(name, expression, Set.of(reads))) != null) {
                throw new IllegalStateException(type + ": sort " + name + " declared twice");
            }
            return this;
        }

        Builder defaultSort(String name) {
            this.defaultSort = name;
            return this;
        }

        Builder fullText(String table) {
            this.fullTextTable = table;
            return this;
        }

        Builder item(ItemShape item) {
            this.item = item;
            return this;
        }

        Builder facet(Facet facet) {
            if (facets.put(facet.name(), facet) != null) {
                throw new IllegalStateException(type + ": facet " + facet.name() + " declared twice");
            }
            return this;
        }

        Builder measures(List<Measure> declared) {
            for (Measure measure : declared) {
                if (measure.name().equals(Measure.COUNT) || measures.put(measure.name(), measure) != null) {
                    throw new IllegalStateException(type + ": measure " + measure.name() + " declared twice");
                }
            }
            return this;
        }

        /**
         * @param name       the field's name in requests ({@code date})
         * @param expression SQL over {@code {t}} yielding ISO-8601 text ({@code YYYY-MM-DD...}) or NULL
         */
        Builder dateField(String name, String expression) {
            if (dateFields.put(name, expression) != null) {
                throw new IllegalStateException(type + ": date field " + name + " declared twice");
            }
            return this;
        }

        QuerySpec build() {
            return new QuerySpec(this);
        }
    }
}
