package dev.larder.query;

import dev.larder.model.EntityType;

import java.util.EnumMap;
import java.util.Map;

/** The spec of every type the query engine serves, declared by their table families. */
final class QuerySpecs {

    private static final Map<EntityType, QuerySpec> SPECS = new EnumMap<>(EntityType.class);

    static {
        register(SceneQueries.SPEC);
        register(PerformerQueries.SPEC);
        register(StudioQueries.SPEC);
        register(TagQueries.SPEC);
        register(GroupQueries.SPEC);
    }

    private QuerySpecs() {
    }

    private static void register(QuerySpec spec) {
        SPECS.put(spec.type(), spec);
    }

    /**
     * @param type a type
     * @return its spec
     * @throws IllegalArgumentException for a type the engine does not serve (gallery chapters, which Stash lists
     *                                  only inside galleries)
     */
    static QuerySpec of(EntityType type) {
        QuerySpec spec = SPECS.get(type);
        if (spec == null) {
            throw new IllegalArgumentException("Larder serves no queries of " + type.pluralName());
        }
        return spec;
    }

    /** @return whether the engine serves queries of the type */
    static boolean serves(EntityType type) {
        return SPECS.containsKey(type);
    }
}
