package dev.larder.query;

import dev.larder.model.EntityType;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The table a predicate is written against within one compilation: its entity type, its spec and the alias it goes
 * by in the SQL being built. Nested filters ({@code performers_filter}, {@code AND} of a related type) open a scope
 * of their own with a fresh alias. Criterion SQL is written with {@code {t}} for the alias ({@link #sql}). Records
 * which entity types the compiled query reads, since L1 keys carry their generations. Not thread-safe: one
 * compilation at a time.
 */
final class Scope {

    private final QuerySpec spec;
    private final String alias;
    private final Compilation compilation;

    private Scope(QuerySpec spec, String alias, Compilation compilation) {
        this.spec = spec;
        this.alias = alias;
        this.compilation = compilation;
        compilation.reads.add(spec.type());
    }

    /**
     * @param spec the spec of the type being queried
     * @return the scope of the query's own table, aliased {@code t}
     */
    static Scope root(QuerySpec spec) {
        return new Scope(spec, "t", new Compilation());
    }

    /**
     * @param type another type, whose filter a criterion of this one nests
     * @return a scope over that type's table, with an alias of its own
     */
    Scope nested(EntityType type) {
        return new Scope(QuerySpecs.of(type), "t" + (++compilation.aliases), compilation);
    }

    /** @return an alias no other part of this compilation uses, for a join table or a subquery */
    String freshAlias() {
        return "j" + (++compilation.aliases);
    }

    /** @return the spec of this scope's type */
    QuerySpec spec() {
        return spec;
    }

    /** @return the alias of this scope's table */
    String alias() {
        return alias;
    }

    /**
     * @param template SQL with {@code {t}} standing for this scope's alias
     * @return the SQL for this scope
     */
    String sql(String template) {
        return template.replace("{t}", alias);
    }

    /**
     * Notes that the query reads tables of more types than the scopes' own (a hierarchy closure, a related table).
     *
     * @param types the types
     */
    void reads(EntityType... types) {
        Collections.addAll(compilation.reads, types);
    }

    /** @return every type the compilation read so far */
    Set<EntityType> reads() {
        return Collections.unmodifiableSet(compilation.reads);
    }

    private static final class Compilation {
        private final Set<EntityType> reads = EnumSet.noneOf(EntityType.class);
        private int aliases;
    }
}
